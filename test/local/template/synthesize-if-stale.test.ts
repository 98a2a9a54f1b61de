import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCloudAssemblyStale, synthesizeIfStale } from '../../../local/template/synthesize-if-stale.js';

describe('deciding whether to synthesize', () => {
  let projectDir: string;
  const cdkOut = () => join(projectDir, 'cdk.out');
  const at = (file: string, secondsAgo: number) => {
    const time = new Date(Date.now() - secondsAgo * 1000);
    return utimes(file, time, time);
  };

  beforeEach(async () => {
    projectDir = await mkdtemp(join(tmpdir(), 'synth-'));
    await mkdir(join(projectDir, 'functions', 'handlers'), { recursive: true });
    await writeFile(join(projectDir, 'functions', 'handlers', 'portal.ts'), 'export {};');
    await at(join(projectDir, 'functions', 'handlers', 'portal.ts'), 100);
    await at(join(projectDir, 'functions', 'handlers'), 100);
    await at(join(projectDir, 'functions'), 100);
  });

  afterEach(() => rm(projectDir, { recursive: true, force: true }));

  it('synthesizes when there is no cdk.out', async () => {
    expect(await isCloudAssemblyStale(projectDir, cdkOut())).toBe(true);
  });

  it('reuses a cdk.out newer than every source', async () => {
    await mkdir(cdkOut());
    await writeFile(join(cdkOut(), 'manifest.json'), '{}');
    expect(await isCloudAssemblyStale(projectDir, cdkOut())).toBe(false);
  });

  it('synthesizes when a source under functions/ changed after cdk.out was written', async () => {
    await mkdir(cdkOut());
    await writeFile(join(cdkOut(), 'manifest.json'), '{}');
    await at(join(cdkOut(), 'manifest.json'), 200);
    expect(await isCloudAssemblyStale(projectDir, cdkOut())).toBe(true);
  });

  it("never synthesizes in 'never' mode", async () => {
    const outcome = await synthesizeIfStale({
      projectDir,
      cdkOutDir: cdkOut(),
      mode: 'never',
      log: () => {},
    });
    expect(outcome).toBe('reused');
  });
});
