import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, round } from '../statistics.js';

/** docs/design.md, "Budgets": `npm start` ready in ≤ 20 s. */
export const START_BUDGET_MS = 20_000;

export interface StartupMeasurement {
  /** Fresh clone: no cdk.out, no data; from the process's spawn to the local cloud being ready. */
  freshStartMs: number[];
  freshStartMedianMs: number;
}

const START_FRESH = fileURLToPath(new URL('./start-fresh.ts', import.meta.url));

/** Spawn to ready of one fresh start (`node --import tsx`, what `npm start` runs, without npm's own start-up). */
const startOnce = (projectDir: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', START_FRESH], {
      cwd: projectDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"readyMs"')) resolve(performance.now() - spawnedAt);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!output.includes('"readyMs"')) reject(new Error(`a fresh start failed (exit ${code}): ${output}`));
    });
  });

/** `runs` fresh starts one after the other, each synthesizing into its own empty directory. */
export async function measureStartup(projectDir: string, runs: number): Promise<StartupMeasurement> {
  const freshStartMs: number[] = [];
  for (let run = 0; run < runs; run++) freshStartMs.push(round(await startOnce(projectDir), 0));
  return { freshStartMs, freshStartMedianMs: round(median(freshStartMs), 0) };
}
