/**
 * One `npm start` from nothing, in its own process (imports included, as `npm start` pays them): a
 * local cloud on a cloud assembly directory that does not exist yet (so it synthesizes first) and an
 * empty data directory, on free ports. Prints one JSON line `{"synthesis", "readyMs"}` when ready, then stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../../local/local-cloud.js';

const startedAt = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'onboarding-bench-start-'));
try {
  const cloud = await startLocalCloud({
    projectDir: process.cwd(),
    cdkOutDir: join(scratch, 'cdk.out'),
    dataDir: join(scratch, 'data'),
    ports: { api: 0, mailbox: 0, s3: 0, dynamodb: 0, stepfunctions: 0, idp: 0, events: 0 },
    quiet: true,
  });
  const readyMs = performance.now() - startedAt;
  console.log(JSON.stringify({ synthesis: cloud.synthesis, readyMs }));
  await cloud.stop();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
