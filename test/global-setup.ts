import { synthesizeIfStale } from '../local/template/synthesize-if-stale.js';

/**
 * Synthesizes the CDK app once, before any test file runs: the end-to-end suites start
 * local clouds from cdk.out in parallel and must not race to write it.
 */
export default async function setup(): Promise<void> {
  const outcome = await synthesizeIfStale({
    projectDir: process.cwd(),
    cdkOutDir: `${process.cwd()}/cdk.out`,
    mode: 'auto',
    log: (line) => console.log(`[synth] ${line}`),
  });
  if (outcome === 'reused-after-failure')
    console.warn('[synth] cdk synth failed; running on the previous cdk.out');
}
