import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository is its own contract (docs/design.md, docs/openapi.yaml): no tracked file may point
 * outside it, and the markdown's relative links must lead to files it holds.
 */
const ROOT = resolve(import.meta.dirname, '../..');

const trackedFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)));

const isText = (content: Buffer) => !content.subarray(0, 8000).includes(0);

interface Hit {
  file: string;
  line: number;
  text: string;
}

const hitsOf = (pattern: RegExp, files: string[]): Hit[] =>
  files.flatMap((file) => {
    const content = readFileSync(join(ROOT, file));
    if (!isText(content)) return [];
    return content
      .toString('utf8')
      .split('\n')
      .flatMap((text, index) => (pattern.test(text) ? [{ file, line: index + 1, text: text.trim() }] : []));
  });

/** A design file with that exact upper-case name: the repository's own is `docs/design.md`. */
const FOREIGN_DESIGN = new RegExp(['DESIGN', 'md'].join('\\.'));
/** A folder next to the repository, however it is reached. */
const SHARED_FOLDER = /\.\.\/shared\b|\/shared\/[A-Z]/;
/** Absolute paths of a particular machine: home folders, this workspace, file URLs. */
const MACHINE_PATH = /(?:^|[\s'"`(<>[=])(?:\/work\/|\/home\/|\/Users\/|\/root\/|file:\/\/\/|[A-Z]:\\Users\\)/;

/**
 * Lines that carry a machine-like path on purpose, as sample data for a check that must catch or
 * ignore it. Each is named with why, so that nothing else slips in.
 */
const SAMPLE_MACHINE_PATHS: ReadonlyArray<{ file: string; reason: string }> = [
  {
    file: 'test/local/template/local-cloud-model.test.ts',
    reason: "a template's asset path metadata, which the local cloud must not need",
  },
  {
    file: 'test/properties/response-checks.test.ts',
    reason: 'a source path in a page: the leak check must catch it',
  },
  {
    file: 'test/properties/support/seeded-world.ts',
    reason: 'a stack trace kept on a failed placement: it must never reach a client',
  },
];

/** Samples of each kind, put together here so that this file does not itself hold what it forbids. */
const UPPER_DESIGN = ['DESIGN', 'md'].join('.');
const SHARED = ['..', 'shared'].join('/');
const WORKSPACE = ['', 'work', 'main'].join('/');
const HOME = ['', 'home', 'ci'].join('/');

describe('the repository is self-contained', () => {
  const files = trackedFiles();

  it('lists its files through git', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/design.md');
  });

  it('names no upper-case design file it does not hold (docs/design.md is the contract)', () => {
    expect(hitsOf(FOREIGN_DESIGN, files)).toEqual([]);
  });

  it('never points at a shared folder beside the repository', () => {
    expect(hitsOf(SHARED_FOLDER, files)).toEqual([]);
  });

  it('holds no absolute path of a machine, except the named sample data of leak checks', () => {
    const allowed = new Set(SAMPLE_MACHINE_PATHS.map((sample) => sample.file));
    expect(hitsOf(MACHINE_PATH, files).filter((hit) => !allowed.has(hit.file))).toEqual([]);
    // Each allowance is still needed: a stale one is removed, not kept "just in case".
    for (const sample of SAMPLE_MACHINE_PATHS) {
      expect(hitsOf(MACHINE_PATH, [sample.file]).length, sample.file).toBeGreaterThan(0);
    }
  });

  it('catches each kind of outside reference (the patterns are not vacuous)', () => {
    expect(FOREIGN_DESIGN.test(`see ${UPPER_DESIGN}`)).toBe(true);
    expect(FOREIGN_DESIGN.test('see docs/design.md')).toBe(false);
    expect(SHARED_FOLDER.test(`[x](${SHARED}/notes.md)`)).toBe(true);
    expect(MACHINE_PATH.test(`read '${HOME}/app/x.ts'`)).toBe(true);
    expect(MACHINE_PATH.test(`cat ${WORKSPACE}/README.md`)).toBe(true);
    expect(MACHINE_PATH.test('aws sqs receive-message > /tmp/dlq.json')).toBe(false);
  });
});

/** `[text](target)` links of a markdown file, code spans and fenced blocks left out. */
const markdownLinks = (markdown: string): string[] => {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
};

const isExternal = (target: string) => /^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target);

/** The slug GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
const headingSlugs = (markdown: string): Set<string> =>
  new Set(
    [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) =>
      (match[1] ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );

describe('relative links in README.md and docs/*.md', () => {
  const documents = trackedFiles().filter((file) => file === 'README.md' || /^docs\/[^/]+\.md$/.test(file));

  it.each(documents)('%s links only to files (and headings) the repository holds', (document) => {
    const markdown = readFileSync(join(ROOT, document), 'utf8');
    const broken: string[] = [];
    for (const target of markdownLinks(markdown)) {
      if (isExternal(target)) {
        if (target.startsWith('#') && !headingSlugs(markdown).has(target.slice(1))) broken.push(target);
        continue;
      }
      const [pathPart = '', anchor] = target.split('#');
      const file = resolve(ROOT, dirname(document), decodeURIComponent(pathPart));
      if (isAbsolute(pathPart) || relative(ROOT, file).startsWith('..') || !existsSync(file)) {
        broken.push(target);
        continue;
      }
      if (anchor && file.endsWith('.md') && !headingSlugs(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds the links it checks', () => {
    expect(markdownLinks('see [the runbook](docs/operations.md#restore) and `[x](y)`')).toEqual([
      'docs/operations.md#restore',
    ]);
  });
});
