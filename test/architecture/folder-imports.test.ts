import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What crosses the repository's top-level folders. cli/, workflows/, infra/, local/ and bench/ reach
 * functions/ only through its public module, functions/contract/; and no two top-level folders import
 * each other, directly or round a longer loop. Imports are read with TypeScript's own pre-processor
 * (static imports, re-exports, `import()` and `import type` alike); only relative specifiers can name
 * a file of this repository. A path in a string (the bundling's entry files) is not an import.
 */

const ROOT = process.cwd();
const SKIPPED = new Set(['node_modules', 'cdk.out', '.git', 'coverage', 'dist']);
const CONTRACT_ONLY = ['cli', 'workflows', 'infra', 'local', 'bench'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

const topLevelFolders = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.'))
  .map((entry) => entry.name);

interface ImportEdge {
  /** The importing file, from the project root. */
  file: string;
  /** The imported file, from the project root (`.js` specifiers name the `.ts` source). */
  target: string;
}

const topFolderOf = (path: string) => path.split(sep)[0] ?? '';

const imports: ImportEdge[] = topLevelFolders.flatMap((folder) =>
  sourceFiles(join(ROOT, folder)).flatMap((absolute) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
    return importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({
        file: relative(ROOT, absolute),
        target: relative(ROOT, resolve(dirname(absolute), specifier)),
      }));
  }),
);

/** Folder → the other top-level folders it imports from. */
const folderGraph = new Map<string, Set<string>>();
for (const { file, target } of imports) {
  const from = topFolderOf(file);
  const to = topFolderOf(target);
  if (from === to || !topLevelFolders.includes(to)) continue;
  folderGraph.set(from, (folderGraph.get(from) ?? new Set()).add(to));
}

/** Every loop among the folders, as the path that closes it (`infra → workflows → infra`). */
const folderCycles = (): string[] => {
  const cycles: string[] = [];
  const visit = (folder: string, path: string[]) => {
    for (const next of folderGraph.get(folder) ?? []) {
      if (next === path[0]) cycles.push([...path, next].join(' → '));
      else if (!path.includes(next) && next > (path[0] ?? '')) visit(next, [...path, next]);
    }
  };
  for (const folder of folderGraph.keys()) visit(folder, [folder]);
  return cycles;
};

describe('imports between top-level folders', () => {
  it('are read from every folder (the reading sees the imports it is to judge)', () => {
    expect(topLevelFolders).toEqual(expect.arrayContaining([...CONTRACT_ONLY, 'functions', 'test']));
    expect(folderGraph.get('infra')).toContain('functions');
    expect(folderGraph.get('cli')).toContain('functions');
  });

  it.each(CONTRACT_ONLY)('from %s/ reach functions/ only through functions/contract/', (folder) => {
    const reachingIn = imports
      .filter(({ file }) => topFolderOf(file) === folder)
      .filter(({ target }) => topFolderOf(target) === 'functions')
      .filter(({ target }) => !target.startsWith(join('functions', 'contract') + sep))
      .map(({ file, target }) => `${file} imports ${target}`);
    expect(reachingIn).toEqual([]);
  });

  it('form no cycle between top-level folders', () => {
    expect(folderCycles()).toEqual([]);
  });
});
