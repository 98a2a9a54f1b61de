/** The API client for this run: unsigned for the local cloud, SigV4-signed for anything else. */
import { ApiClient } from './api-client.js';
import { isLoopbackUrl, resolveApiUrl } from './api-endpoint.js';
import type { CliIo } from './cli-io.js';

export async function connectToApi(io: CliIo, apiFlag: string | undefined): Promise<ApiClient> {
  const url = resolveApiUrl({ flag: apiFlag, env: io.env, cwd: io.cwd });
  const fetchOption = io.fetch ? { fetch: io.fetch } : {};
  if (isLoopbackUrl(url)) return new ApiClient(url, fetchOption);

  // Loaded only when signing, so local runs do not pay for the AWS SDK.
  const { createSigV4Signer, signingRegionFor } = await import('./sigv4-signer.js');
  const region = signingRegionFor(url, io.env);
  const credentials = io.credentials ?? (await import('@aws-sdk/credential-provider-node')).defaultProvider();
  return new ApiClient(url, { ...fetchOption, signer: createSigV4Signer({ region, credentials }) });
}
