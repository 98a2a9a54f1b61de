import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs in a fresh `node`: imports the bundle (its top-level code runs, as in Lambda's Init phase) and reports how long that took. */
const IMPORT_PROBE =
  'const started = performance.now(); await import(process.env.BENCH_MODULE_URL);' +
  'process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));';

export interface ColdStart {
  /** From the start of `import()` to its end, inside the fresh process. */
  importMs: number;
  /** The whole process, spawn to exit (Node's own start-up included). */
  processMs: number;
}

/** One cold start of a bundle in a fresh Node process with exactly `environment`. */
export async function coldStart(bundleFile: string, environment: Record<string, string>): Promise<ColdStart> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_PROBE], {
    env: { ...environment, BENCH_MODULE_URL: pathToFileURL(bundleFile).href },
    timeout: 60_000,
  });
  const processMs = performance.now() - started;
  const { importMs } = JSON.parse(stdout) as { importMs: number };
  return { importMs, processMs };
}
