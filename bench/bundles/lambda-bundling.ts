import type { BuildOptions } from 'esbuild';

/**
 * The esbuild options NodejsFunction passes for the `bundling` block of
 * infra/constructs/onboarding-function.ts (format ESM, node22, minify, `module` entry points first,
 * the createRequire banner, the AWS SDK inside, the @aws-sdk/client-s3 alias). Kept in step by a
 * check: each handler rebuilt with these options must come out the same size as its asset in cdk.out
 * (`rebuildMatchesAsset` in results.json).
 */
export const lambdaBuildOptions = (projectDir: string): BuildOptions => ({
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
  alias: { '@aws-sdk/client-s3': '@aws-sdk/client-s3' },
  // NodejsFunction runs esbuild in the project root; aliases resolve from there.
  absWorkingDir: projectDir,
  logLevel: 'warning',
});
