import type { Json, StackTemplate } from './cloudformation-template.js';
import { IntrinsicResolver } from './intrinsic-resolver.js';
import { localUserPoolClientId } from './local-resource-attributes.js';

/** A console client the local identity provider registers (structurally its IdentityProviderClient). */
export interface LocalUserPoolClient {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
}

export interface UserPoolClientOptions {
  /** The local API's base URL: where the console is served locally. */
  readonly apiUrl: string;
  readonly identityProviderUrl?: string;
}

/** The client registered when the template has no user pool client (no pool, or `oidc*` settings). */
export const FALLBACK_CONSOLE_CLIENT_ID = 'onboarding-console';

const asStrings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** 127.0.0.1 and localhost name the same local API; a browser may use either. */
const localVariants = (apiUrl: string): string[] => [apiUrl, apiUrl.replace('127.0.0.1', 'localhost')];

/**
 * The same path on the local API: a template's URL names the deployed console
 * (`https://onboarding.school.edu/console/auth/callback`), which runs locally at the local API's
 * address, as the functions' PUBLIC_BASE_URL does. The template's own URL is kept too.
 */
const withLocalCopies = (urls: readonly string[], apiUrl: string): string[] => {
  const all = new Set<string>();
  for (const url of urls) {
    all.add(url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    for (const base of localVariants(apiUrl))
      all.add(new URL(`${parsed.pathname}${parsed.search}`, base).href);
  }
  return [...all];
};

/**
 * The console clients of the template's `AWS::Cognito::UserPoolClient` resources, with their
 * `CallbackURLs` and `LogoutURLs`, under the client id their `Ref` gives locally; without any, the
 * fallback client `onboarding-console` with `<api>/console/auth/callback` and `<api>/console/signed-out`.
 */
export function readUserPoolClients(
  stacks: StackTemplate[],
  options: UserPoolClientOptions,
): LocalUserPoolClient[] {
  const resolver = new IntrinsicResolver(stacks, options);
  const clients = resolver
    .resourcesOfType('AWS::Cognito::UserPoolClient')
    .map(({ stackName, logicalId, resource }) => {
      const property = (name: string) => {
        const raw = resource.Properties?.[name];
        return raw === undefined ? undefined : resolver.resolve(stackName, raw);
      };
      return {
        clientId: localUserPoolClientId({ logicalId, type: resource.Type, apiUrl: options.apiUrl, property }),
        redirectUris: withLocalCopies(asStrings(property('CallbackURLs')), options.apiUrl),
        postLogoutRedirectUris: withLocalCopies(asStrings(property('LogoutURLs')), options.apiUrl),
      };
    })
    .filter((client) => client.redirectUris.length > 0);
  if (clients.length > 0) return clients;
  return [
    {
      clientId: FALLBACK_CONSOLE_CLIENT_ID,
      redirectUris: localVariants(options.apiUrl).map((base) => `${base}/console/auth/callback`),
      postLogoutRedirectUris: localVariants(options.apiUrl).map((base) => `${base}/console/signed-out`),
    },
  ];
}
