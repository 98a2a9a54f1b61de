import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The disclosure log is complete only if nothing hands out a document URL without recording the view:
 * outside the storage adapter, the one caller of `createDownloadUrl` is the use case that records it.
 */
const ROOT = process.cwd();
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

describe('document URLs', () => {
  it('are made only by record-document-disclosure.ts, after the view is recorded', () => {
    const callers = filesUnder(join(ROOT, 'functions'))
      .filter((path) => /\.createDownloadUrl\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(callers).toEqual(['functions/use-cases/record-document-disclosure.ts']);
  });
});
