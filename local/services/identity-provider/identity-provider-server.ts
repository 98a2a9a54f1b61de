import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type ProviderContext } from 'oidc-provider';
import type { RenderedPage } from '../../../functions/contract/page-kit.js';
import { closeServer, LOOPBACK, listenOnLoopback } from '../listen-on-loopback.js';
import { renderMessagePage, renderSignInPage, renderSignOutPage } from './identity-provider-pages.js';
import { loadOrCreateIdentityProviderKeys } from './signing-keys.js';
import { loadOrCreateStaffAccounts, ROLE_GROUPS, type StaffAccount } from './staff-accounts.js';

/**
 * The local OpenID Connect provider: oidc-provider (panva; OpenID Certified) on loopback, standing in
 * for the template's Cognito user pool. Authorization code flow only, PKCE (S256) required on every
 * request, RS256 ID tokens, RP-initiated logout, discovery at `/.well-known/openid-configuration`.
 * Its own sign-in page checks the demo accounts of `staff-accounts.json`.
 *
 * ID tokens carry `sub`, `email` and `cognito:groups` (the account's role group), named as Cognito
 * names it, so the console reads the same claim locally and on AWS.
 */

/** A relying party the provider knows: the console, registered from the template or the fallback. */
export interface IdentityProviderClient {
  /** The OAuth client id (the `Ref` of the template's user pool client, or `onboarding-console`). */
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
}

export interface IdentityProviderOptions {
  /** 0 = any free port. */
  readonly port: number;
  /** Where the signing keys and staff-accounts.json are kept. */
  readonly dataDir: string;
}

export interface RunningIdentityProvider {
  /** The issuer: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly accounts: readonly StaffAccount[];
  /** Registers the clients and starts answering; until then every request gets 503. */
  configure(clients: readonly IdentityProviderClient[]): void;
  stop(): Promise<void>;
}

/** The groups claim, as Cognito names it. */
export const GROUPS_CLAIM = 'cognito:groups';

const CONSOLE_SCOPES = 'openid email';

const send = (response: ServerResponse, statusCode: number, page: RenderedPage) => {
  response.writeHead(statusCode, page.headers);
  response.end(page.html);
};

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16_384) throw new Error('The form is too large.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Compares two passwords in constant time (of the longer one's length). */
const samePassword = (typed: string, stored: string): boolean => {
  const a = Buffer.from(typed, 'utf8');
  const b = Buffer.from(stored, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
};

const originsOf = (clients: readonly IdentityProviderClient[]): string[] => [
  ...new Set(
    clients
      .flatMap((client) => [...client.redirectUris, ...client.postLogoutRedirectUris])
      .map((uri) => new URL(uri).origin),
  ),
];

/** Starts listening at once (so the issuer URL is known); `configure` then registers the clients. */
export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<RunningIdentityProvider> {
  const [keys, accounts] = await Promise.all([
    loadOrCreateIdentityProviderKeys(options.dataDir),
    loadOrCreateStaffAccounts(options.dataDir),
  ]);
  const byEmail = new Map(accounts.map((account) => [account.email.toLowerCase(), account]));
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server = createServer((request, response) => {
    if (handle) handle(request, response);
    else
      send(
        response,
        503,
        renderMessagePage('Starting', 'The sign-in service is starting. Try again in a moment.'),
      );
  });
  const port = await listenOnLoopback(server, options.port);
  const url = `http://${LOOPBACK}:${port}`;

  const configure = (clients: readonly IdentityProviderClient[]) => {
    const formTargets = originsOf(clients);
    const pageOnContext = (ctx: ProviderContext, page: RenderedPage) => {
      for (const [name, value] of Object.entries(page.headers)) ctx.set(name, value);
      ctx.body = page.html;
    };
    const provider = new Provider(url, {
      clients: clients.map((client) => ({
        client_id: client.clientId,
        client_name: 'Staff console',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [...client.redirectUris],
        post_logout_redirect_uris: [...client.postLogoutRedirectUris],
        id_token_signed_response_alg: 'RS256',
      })),
      jwks: { keys: [keys.signingKey] },
      cookies: { keys: keys.cookieKeys },
      pkce: { required: () => true },
      responseTypes: ['code'],
      scopes: ['openid', 'email'],
      claims: { openid: ['sub', GROUPS_CLAIM], email: ['email', 'email_verified'] },
      // The console reads email and groups from the ID token (there is no userinfo call on the Lambda side).
      conformIdTokenClaims: false,
      enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: ProviderContext, form: string) =>
            // `form` is oidc-provider's own markup (its action and hidden xsrf field), not request data.
            pageOnContext(ctx, renderSignOutPage(form, formTargets)),
          postLogoutSuccessSource: async (ctx: ProviderContext) =>
            pageOnContext(ctx, renderMessagePage('Signed out', 'You are signed out of the staff console.')),
        },
      },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx: unknown, sub: string) => {
        const account = byEmail.get(sub);
        if (!account) return undefined;
        return {
          accountId: account.email,
          claims: () => ({
            sub: account.email,
            email: account.email,
            email_verified: true,
            [GROUPS_CLAIM]: [ROLE_GROUPS[account.role]],
          }),
        };
      },
      // The console is this provider's first-party client: its scopes are granted without a consent page.
      loadExistingGrant: async (ctx: ProviderContext) => {
        const { client, session, result, provider: self } = ctx.oidc;
        if (!client || !session.accountId) return undefined;
        const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return self.Grant.find(grantId);
        const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope(CONSOLE_SCOPES);
        await grant.save();
        return grant;
      },
      renderError: async (ctx: ProviderContext, out: Record<string, string>) =>
        pageOnContext(
          ctx,
          renderMessagePage(
            'Sign-in problem',
            `${out.error_description ?? out.error ?? 'The request was refused.'} Go back to the console and sign in again.`,
          ),
        ),
      ttl: {
        Session: 12 * 3600,
        Interaction: 600,
        Grant: 12 * 3600,
        AuthorizationCode: 60,
        IdToken: 3600,
        AccessToken: 3600,
      },
    });
    const providerCallback = provider.callback();

    const interaction = async (request: IncomingMessage, response: ServerResponse) => {
      const details = await provider.interactionDetails(request, response);
      const action = `/interaction/${details.uid}`;
      if (details.prompt.name !== 'login') {
        // Consent: loadExistingGrant grants the console's scopes, so nothing is left to ask.
        await provider.interactionFinished(
          request,
          response,
          { consent: {} },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      if (request.method === 'GET') {
        send(response, 200, renderSignInPage({ action, formTargets }));
        return;
      }
      const form = await readForm(request);
      const email = (form.get('email') ?? '').trim();
      const account = byEmail.get(email.toLowerCase());
      if (!account || !samePassword(form.get('password') ?? '', account.password)) {
        send(
          response,
          401,
          renderSignInPage({
            action,
            email,
            error: 'That email and password do not match a staff account. Check both and try again.',
            formTargets,
          }),
        );
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: account.email } },
        { mergeWithLastSubmission: false },
      );
    };

    handle = (request, response) => {
      const path = new URL(request.url ?? '/', url).pathname;
      if (!/^\/interaction\/[^/]+$/.test(path) || (request.method !== 'GET' && request.method !== 'POST')) {
        providerCallback(request, response);
        return;
      }
      interaction(request, response).catch(() => {
        send(
          response,
          400,
          renderMessagePage(
            'Sign-in expired',
            'This sign-in page has expired. Go back to the console and sign in again.',
          ),
        );
      });
    };
  };

  return { url, accounts, configure, stop: () => closeServer(server) };
}
