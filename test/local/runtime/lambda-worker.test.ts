import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKER_URL = new URL('../../../local/runtime/lambda-worker.mjs', import.meta.url);
const FIRST = 'pl_aaaaaaaaaaaaaaaaaaaaaaaaaa';
const SECOND = 'pl_bbbbbbbbbbbbbbbbbbbbbbbbbb';

let worker: Worker;
const lines: string[] = [];
const results = new Map<number, () => void>();

beforeAll(async () => {
  // Bundled as the functions are (ESM, Powertools and middy inside), then run in the local sandbox.
  const entryFile = join(await mkdtemp(join(tmpdir(), 'lambda-worker-')), 'index.mjs');
  await build({
    entryPoints: [new URL('./fixtures/placement-logging-handler.ts', import.meta.url).pathname],
    outfile: entryFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  worker = new Worker(WORKER_URL, {
    workerData: {
      entryFile,
      handlerExport: 'handler',
      functionName: 'placement-logging',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:placement-logging',
      memoryMb: 128,
      logGroupName: '/aws/lambda/placement-logging',
    },
    // What local/runtime/lambda-environment.ts gives every function, as far as logging goes.
    env: { AWS_LAMBDA_MAX_CONCURRENCY: '1000', AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' },
    stdout: true,
    stderr: true,
  });
  createInterface({ input: worker.stdout }).on('line', (line) => lines.push(line));
  worker.on('message', (message: { type: string; id?: number }) => {
    if (message.type === 'result' && message.id !== undefined) results.get(message.id)?.();
  });
});

afterAll(async () => {
  await worker?.terminate();
});

const invoke = (id: number, requestId: string, event: unknown) =>
  new Promise<void>((resolve) => {
    results.set(id, resolve);
    worker.postMessage({
      type: 'invoke',
      id,
      requestId,
      eventJson: JSON.stringify(event),
      deadline: Date.now() + 10_000,
    });
  });

describe('the local Lambda sandbox', () => {
  it("keeps concurrent invocations' log keys apart, as Lambda does for an environment that runs them concurrently", async () => {
    await Promise.all([
      invoke(1, 'request-1', { placementId: FIRST, waitMs: 150 }),
      invoke(2, 'request-2', { placementId: SECOND, waitMs: 10 }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.placementId).toBe(entry.expected);
      expect(entry.function_request_id).toBe(entry.expected === FIRST ? 'request-1' : 'request-2');
    }
  });
});
