import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * What each function bundle uses in place of `@aws-sdk/credential-provider-node` (an esbuild alias in
 * infra/bundling/lambda-build-options.ts). Lambda hands a function its role's credentials in the
 * environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the first place the
 * SDK's default chain looks and the only one a function ever finds credentials in; the rest of that
 * chain (shared files, SSO, web identity, process, container and instance metadata) is dead weight in a
 * bundle, about 100 KB with the STS and SSO clients it carries. The local cloud sets the same variables.
 */
export const defaultProvider = (_init?: unknown): AwsCredentialIdentityProvider => fromEnv();
