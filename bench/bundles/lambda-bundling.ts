import type { BuildOptions } from 'esbuild';
import { LAMBDA_CREDENTIAL_PROVIDER } from '../../infra/constructs/onboarding-function.js';

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
  alias: {
    '@aws-sdk/client-s3': '@aws-sdk/client-s3',
    '@aws-sdk/credential-provider-node': LAMBDA_CREDENTIAL_PROVIDER,
  },
  // NodejsFunction runs esbuild in the project root; aliases resolve from there.
  absWorkingDir: projectDir,
  logLevel: 'warning',
});

/**
 * The bare SDK bundle's options: the same esbuild settings, with the clients as the SDK ships them
 * (their default credential chain). What a function leaves out of the SDK (the credential chain Lambda
 * never uses) counts in its favour; results.json also gives the ratio against a bare bundle with the
 * same credential provider (`sizeRatioSameCredentials`).
 */
export const sdkBaselineBuildOptions = (projectDir: string, sameCredentials = false): BuildOptions => {
  const options = lambdaBuildOptions(projectDir);
  if (sameCredentials) return options;
  return { ...options, alias: { '@aws-sdk/client-s3': '@aws-sdk/client-s3' } };
};
