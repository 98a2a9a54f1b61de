import type { BuildOptions } from 'esbuild';
import { lambdaBuildOptions } from '../../infra/bundling/lambda-build-options.js';

/**
 * The functions' own esbuild options (infra/bundling/lambda-build-options.ts), the ones synthesis uses.
 * A check keeps the bench honest: each handler rebuilt with them must come out the same size as its
 * asset in cdk.out (`rebuildMatchesAsset` in results.json).
 */
export { lambdaBuildOptions };

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
