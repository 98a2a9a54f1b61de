import type { TestProject } from 'vitest/node';
import { synthesizeIfStale } from '../local/template/synthesize-if-stale.js';
import { CHROMIUM, hasChromium } from './browser/support/chromium.js';

/**
 * Synthesizes the CDK app once, before any test file runs: the end-to-end suites start
 * local clouds from cdk.out in parallel and must not race to write it.
 *
 * The teardown runs after the reporters' summary: when Chromium is missing and the run held
 * browser suites (they skip themselves), it ends the run with a line saying so and how to fix it.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const outcome = await synthesizeIfStale({
    projectDir: process.cwd(),
    cdkOutDir: `${process.cwd()}/cdk.out`,
    mode: 'auto',
    log: (line) => console.log(`[synth] ${line}`),
  });
  if (outcome === 'reused-after-failure')
    console.warn('[synth] cdk synth failed; running on the previous cdk.out');
  return () => {
    const browserFiles = project.vitest.state
      .getPaths()
      .filter((path) => /\/test\/browser\/|\.browser\.test\.ts$/.test(path));
    if (hasChromium || browserFiles.length === 0) return;
    console.warn(
      `\nSKIPPED: ${browserFiles.length} browser test file(s) did not run: no Chromium at ${CHROMIUM}.` +
        ' Install it with `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).\n',
    );
  };
}
