import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcRelyingParty } from '../../functions/staff-auth/oidc-relying-party.js';
import { SignInCallbackError } from '../../functions/staff-auth/staff-auth-errors.js';
import {
  beginStaffSignIn,
  completeStaffSignIn,
  endStaffSession,
  resumeStaffSession,
} from '../../functions/staff-auth/staff-sign-in.js';
import { createStaffTokenVerifier } from '../../functions/staff-auth/staff-token-verifier.js';
import {
  type RunningIdentityProvider,
  startIdentityProvider,
} from '../../local/services/identity-provider/identity-provider-server.js';
import type { StaffAccount } from '../../local/services/identity-provider/staff-accounts.js';
import { BrowserWalk, formAction } from './support/browser-walk.js';
import { InMemoryPendingSignIns, InMemoryStaffSessions } from './support/in-memory-staff-stores.js';

const CONSOLE = 'http://127.0.0.1:9/console';
const CALLBACK = `${CONSOLE}/auth/callback`;
const CLIENT_ID = 'onboarding-console';

let dataDir: string;
let idp: RunningIdentityProvider;
let relyingParty: OidcRelyingParty;

const ports = () => {
  const pendingSignIns = new InMemoryPendingSignIns();
  const sessions = new InMemoryStaffSessions();
  return {
    relyingParty,
    verifier: createStaffTokenVerifier({
      issuer: relyingParty.issuer,
      audience: CLIENT_ID,
      keys: relyingParty.jwksUri,
    }),
    pendingSignIns,
    sessions,
    clock: { now: () => new Date() },
  };
};

const account = (role: StaffAccount['role']): StaffAccount => {
  const found = idp.accounts.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`No ${role} account.`);
  return found;
};

/** Opens the provider's sign-in page from the console's redirect, as a browser would. */
async function openSignInPage(browser: BrowserWalk, authorizationUrl: URL) {
  const { response, url } = await browser.follow(
    await browser.request(authorizationUrl),
    authorizationUrl,
    CALLBACK,
  );
  const page = await response.text();
  return { response, url, page };
}

async function postSignIn(browser: BrowserWalk, page: string, pageUrl: URL, email: string, password: string) {
  const action = formAction(page, pageUrl);
  const response = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  return { response, action };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'idp-'));
  idp = await startIdentityProvider({ port: 0, dataDir });
  idp.configure([{ clientId: CLIENT_ID, redirectUris: [CALLBACK], postLogoutRedirectUris: [CONSOLE] }]);
  relyingParty = await OidcRelyingParty.discover({
    issuer: idp.url,
    clientId: CLIENT_ID,
    redirectUri: CALLBACK,
    postLogoutRedirectUri: CONSOLE,
  });
});

afterAll(async () => {
  await idp?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('signing in to the console through the local OpenID Connect provider', () => {
  it('publishes discovery with code flow, PKCE S256, RS256 and an end-session endpoint', async () => {
    const discovery = await (await fetch(`${idp.url}/.well-known/openid-configuration`)).json();
    expect(discovery).toMatchObject({
      issuer: idp.url,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      end_session_endpoint: `${idp.url}/session/end`,
    });
  });

  it.each(['coordinator', 'reviewer', 'viewer'] as const)(
    'a %s signs in on the provider’s own page and gets a session with that role',
    async (role) => {
      const signIn = ports();
      const browser = new BrowserWalk();
      const { redirectTo, signInId } = await beginStaffSignIn(signIn, '/console/placements?status=BLOCKED');
      expect(redirectTo.searchParams.get('code_challenge_method')).toBe('S256');

      const { response: pageResponse, url: pageUrl, page } = await openSignInPage(browser, redirectTo);
      expect(pageResponse.status).toBe(200);
      expect(page).toContain('<label for="email">Email</label>');
      expect(pageResponse.headers.get('content-security-policy')).toContain("script-src 'none'");

      const { response, action } = await postSignIn(
        browser,
        page,
        pageUrl,
        account(role).email,
        account(role).password,
      );
      const { url: callbackUrl } = await browser.follow(response, action, CALLBACK);
      expect(callbackUrl.href.startsWith(CALLBACK)).toBe(true);
      expect(callbackUrl.searchParams.get('code')).toBeTruthy();

      const { sessionId, session, returnTo } = await completeStaffSignIn(signIn, callbackUrl, signInId);
      expect(session).toMatchObject({ sub: account(role).email, email: account(role).email, role });
      expect(returnTo).toBe('/console/placements?status=BLOCKED');
      await expect(resumeStaffSession(signIn, sessionId)).resolves.toMatchObject({ role });
    },
  );

  it('refuses a wrong password on the provider’s page and sends no code', async () => {
    const signIn = ports();
    const browser = new BrowserWalk();
    const { redirectTo } = await beginStaffSignIn(signIn, undefined);
    const { url: pageUrl, page } = await openSignInPage(browser, redirectTo);
    const { response } = await postSignIn(
      browser,
      page,
      pageUrl,
      account('coordinator').email,
      'not-the-password',
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    const again = await response.text();
    expect(again).toContain('do not match a staff account');
    expect(again).toContain(`value="${account('coordinator').email}"`);
  });

  it('refuses a callback completed in another browser (no pending sign-in cookie)', async () => {
    const signIn = ports();
    const browser = new BrowserWalk();
    const { redirectTo } = await beginStaffSignIn(signIn, undefined);
    const { url: pageUrl, page } = await openSignInPage(browser, redirectTo);
    const { response, action } = await postSignIn(
      browser,
      page,
      pageUrl,
      account('viewer').email,
      account('viewer').password,
    );
    const { url: callbackUrl } = await browser.follow(response, action, CALLBACK);
    await expect(completeStaffSignIn(signIn, callbackUrl, undefined)).rejects.toBeInstanceOf(
      SignInCallbackError,
    );
  });

  it('signing out deletes the session and points at the provider’s end-session endpoint', async () => {
    const signIn = ports();
    const browser = new BrowserWalk();
    const { redirectTo, signInId } = await beginStaffSignIn(signIn, undefined);
    const { url: pageUrl, page } = await openSignInPage(browser, redirectTo);
    const { response, action } = await postSignIn(
      browser,
      page,
      pageUrl,
      account('viewer').email,
      account('viewer').password,
    );
    const { url: callbackUrl } = await browser.follow(response, action, CALLBACK);
    const { sessionId } = await completeStaffSignIn(signIn, callbackUrl, signInId);

    const signOutUrl = await endStaffSession(signIn, sessionId);
    expect(signIn.sessions.items.size).toBe(0);
    expect(signOutUrl?.href.startsWith(`${idp.url}/session/end`)).toBe(true);
    const confirm = await browser.request(signOutUrl as URL);
    const confirmPage = await confirm.text();
    expect(confirm.status).toBe(200);
    const logout = await browser.request(formAction(confirmPage, signOutUrl as URL), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        xsrf: /name="xsrf" value="([^"]+)"/.exec(confirmPage)?.[1] ?? '',
        logout: 'yes',
      }),
    });
    const { url: afterLogout } = await browser.follow(logout, signOutUrl as URL, CONSOLE);
    expect(afterLogout.href).toBe(CONSOLE);
  });
});
