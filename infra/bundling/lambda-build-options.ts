import type { BuildOptions } from 'esbuild';
import { browserScriptDefines } from './browser-scripts.js';

/** Stands in for `@aws-sdk/credential-provider-node` in every bundle (resolved from the project root). */
export const LAMBDA_CREDENTIAL_PROVIDER = './functions/adapters/lambda-credential-provider.ts';

/**
 * The esbuild options of every function bundle (and of the bench's rebuilds and bare SDK bundles):
 * minified ESM for Node.js 22, package `module` entry points first (tree-shakes the SDK), the AWS SDK
 * inside the bundle (not the runtime's copy), and two aliases:
 * - `@aws-sdk/client-s3`: @aws-sdk/s3-presigned-post pins its own, older client; an alias resolves from
 *   the project root, so a bundle holds one copy, not two (about 75 KB less for portal, review and
 *   process-upload; docs/performance.md).
 * - `@aws-sdk/credential-provider-node`: Lambda gives a function its credentials in environment
 *   variables, so the SDK's default chain (shared files, SSO, web identity, metadata services, with the
 *   STS and SSO clients) becomes the environment provider alone: about 110 KB less per bundle and a
 *   faster cold start.
 */
export const lambdaBuildOptions = (projectDir: string): BuildOptions => ({
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  // Lets an ESM bundle load CommonJS dependencies that call `require` (part of the AWS SDK does).
  banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
  alias: {
    '@aws-sdk/client-s3': '@aws-sdk/client-s3',
    '@aws-sdk/credential-provider-node': LAMBDA_CREDENTIAL_PROVIDER,
  },
  // The pages' inline scripts, built from functions/web/browser/ (browser-scripts.ts).
  define: browserScriptDefines(projectDir),
  // Aliases resolve from the working directory: the project root.
  absWorkingDir: projectDir,
  logLevel: 'warning',
});
