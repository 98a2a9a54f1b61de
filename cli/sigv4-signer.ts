/**
 * AWS Signature Version 4 for the coordinator API on AWS (API Gateway with AWS_IAM
 * authorization): service `execute-api`, the region taken from the API's host name.
 */
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RequestSigner } from './api-client.js';

/** Fixed credentials or a provider of them (the standard chain's `defaultProvider()`). */
export type SignerCredentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

export interface SigV4SignerOptions {
  region: string;
  credentials: SignerCredentials;
  /** Fixed signing time (tests); now by default. */
  signingDate?: Date;
}

export const SIGNING_SERVICE = 'execute-api';

const EXECUTE_API_HOST = /\.execute-api\.([a-z0-9-]+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;

/** `abc123.execute-api.eu-west-1.amazonaws.com` → `eu-west-1`; a custom domain uses AWS_REGION. */
export function signingRegionFor(url: URL, env: Readonly<Record<string, string | undefined>>): string {
  const fromHost = EXECUTE_API_HOST.exec(url.hostname.toLowerCase())?.[1];
  const region = fromHost ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new Error(
      `Cannot tell the AWS region of ${url.host} to sign requests for: set AWS_REGION (or use the execute-api URL).`,
    );
  }
  return region;
}

export function createSigV4Signer(options: SigV4SignerOptions): RequestSigner {
  const signer = new SignatureV4({
    service: SIGNING_SERVICE,
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
  });
  return async ({ method, url, headers, body }) => {
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = value;
    try {
      const signed = await signer.sign(
        {
          method,
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: url.pathname,
          query,
          headers: { ...headers, host: url.host },
          body,
        },
        options.signingDate ? { signingDate: options.signingDate } : {},
      );
      return signed.headers;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot sign the request with AWS credentials: ${reason}`);
    }
  };
}
