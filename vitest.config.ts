import { defineConfig } from 'vitest/config';
import { browserScriptDefines } from './infra/bundling/browser-scripts.js';

export default defineConfig({
  // The pages' inline scripts, built from functions/web/browser/ as the function bundles get them.
  define: browserScriptDefines(process.cwd()),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Logs of passing tests are noise in CI; a failing test's logs are kept.
    silent: 'passed-only',
  },
});
