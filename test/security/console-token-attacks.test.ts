import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toHttpError } from '../../functions/http/error-response.js';
import { requirePermission } from '../../functions/staff-auth/console-permissions.js';
import { OidcRelyingParty } from '../../functions/staff-auth/oidc-relying-party.js';
import {
  ConsoleActionForbiddenError,
  StaffTokenInvalidError,
} from '../../functions/staff-auth/staff-auth-errors.js';
import {
  createStaffTokenVerifier,
  type StaffTokenVerifier,
} from '../../functions/staff-auth/staff-token-verifier.js';
import {
  GROUPS_CLAIM,
  type RunningIdentityProvider,
  startIdentityProvider,
} from '../../local/services/identity-provider/identity-provider-server.js';
import { loadOrCreateIdentityProviderKeys } from '../../local/services/identity-provider/signing-keys.js';
import type { StaffAccount } from '../../local/services/identity-provider/staff-accounts.js';
import { BrowserWalk, formAction } from '../staff-auth/support/browser-walk.js';

/**
 * Token attacks against the console's token check as the console is configured: the verifier built
 * from the REAL local provider's discovery (its issuer and `jwks_uri`, fetched over HTTP as the
 * console fetches them), fed genuine ID tokens the provider issued through its own login page and
 * forgeries made from them. The unit test (test/staff-auth/staff-token-verifier.test.ts) uses keys it
 * made itself; here the keys, the issuer and the token shapes are the provider's own.
 *
 * The console takes no `Authorization: Bearer` token (its credential is the session cookie set after the
 * code exchange), so the server-side check every token meets is this verifier.
 */
const CONSOLE = 'http://127.0.0.1:9/console';
const CALLBACK = `${CONSOLE}/auth/callback`;
const CLIENT_ID = 'onboarding-console';
/** Another application registered at the same provider: its tokens are real, but not for the console. */
const OTHER_CLIENT_ID = 'timesheets-app';
const OTHER_CALLBACK = 'http://127.0.0.1:9/timesheets/callback';

let dataDir: string;
let idp: RunningIdentityProvider;
let consoleParty: OidcRelyingParty;
let otherParty: OidcRelyingParty;
let verifier: StaffTokenVerifier;
/** The provider's own signing key (from its data directory): what an attacker would need, and lacks. */
let providerKey: Awaited<ReturnType<typeof importJWK>>;
let providerKid: string;

const account = (role: StaffAccount['role']): StaffAccount => {
  const found = idp.accounts.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`No ${role} account.`);
  return found;
};

/** A genuine ID token: the provider's login page walked as a browser, the code exchanged with PKCE. */
async function idTokenFor(
  role: StaffAccount['role'],
  party: OidcRelyingParty = consoleParty,
  callback = CALLBACK,
): Promise<string> {
  const browser = new BrowserWalk();
  const request = await party.authorizationRequest();
  const opened = await browser.follow(await browser.request(request.url), request.url, callback);
  const page = await opened.response.text();
  const action = formAction(page, opened.url);
  const posted = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: account(role).email, password: account(role).password }),
  });
  const { url } = await browser.follow(posted, action, callback);
  if (!url.searchParams.get('code')) throw new Error(`No code for ${role}: ${url.href}`);
  return party.exchangeCode(url, request);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token made with the provider's real key, with the claims of `real` changed by `change`. */
async function resigned(real: string, change: (claims: JWTPayload) => JWTPayload): Promise<string> {
  return new SignJWT(change({ ...decodeJwt(real) }))
    .setProtectedHeader({ alg: 'RS256', kid: providerKid })
    .sign(providerKey);
}

const expectRefusedAs401 = async (token: string | undefined, because: RegExp) => {
  const error = await verifier.verify(token).then(
    (identity) => new Error(`accepted as ${JSON.stringify(identity)}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StaffTokenInvalidError);
  expect((error as Error).message).toMatch(because);
  expect(toHttpError(error)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'token-attacks-'));
  idp = await startIdentityProvider({ port: 0, dataDir });
  idp.configure([
    { clientId: CLIENT_ID, redirectUris: [CALLBACK], postLogoutRedirectUris: [CONSOLE] },
    { clientId: OTHER_CLIENT_ID, redirectUris: [OTHER_CALLBACK], postLogoutRedirectUris: [OTHER_CALLBACK] },
  ]);
  [consoleParty, otherParty] = await Promise.all([
    OidcRelyingParty.discover({
      issuer: idp.url,
      clientId: CLIENT_ID,
      redirectUri: CALLBACK,
      postLogoutRedirectUri: CONSOLE,
    }),
    OidcRelyingParty.discover({
      issuer: idp.url,
      clientId: OTHER_CLIENT_ID,
      redirectUri: OTHER_CALLBACK,
      postLogoutRedirectUri: OTHER_CALLBACK,
    }),
  ]);
  // As the console builds it: issuer and keys from the provider's discovery, audience its client id.
  verifier = createStaffTokenVerifier({
    issuer: consoleParty.issuer,
    audience: CLIENT_ID,
    keys: consoleParty.jwksUri,
  });
  const { signingKey } = await loadOrCreateIdentityProviderKeys(dataDir);
  providerKid = signingKey.kid ?? '';
  providerKey = await importJWK(signingKey, 'RS256');
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await idp?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('token attacks on the console’s token check (the real local provider’s keys)', () => {
  it('accepts a genuine coordinator token from the provider (so every refusal below is the attack’s doing)', async () => {
    const token = await idTokenFor('coordinator');
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: providerKid });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: account('coordinator').email,
      email: account('coordinator').email,
      role: 'coordinator',
    });
  });

  it('refuses no token and an empty token with 401', async () => {
    await expectRefusedAs401(undefined, /no token was given/);
    await expectRefusedAs401('', /no token was given/);
  });

  it('refuses a genuine token re-headed as `alg: none` with its signature dropped', async () => {
    const [, payload] = (await idTokenFor('viewer')).split('.');
    await expectRefusedAs401(`${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`, /refused/);
    // The same with the provider's kid kept, in case a check keys off the kid before the alg.
    await expectRefusedAs401(`${base64url({ alg: 'none', kid: providerKid })}.${payload}.`, /refused/);
  });

  it('refuses a viewer’s genuine token whose groups were raised to coordinators (signature no longer matches)', async () => {
    const [header, payload, signature] = (await idTokenFor('viewer')).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    expect(claims[GROUPS_CLAIM]).toEqual(['viewers']);
    const raised = base64url({ ...claims, [GROUPS_CLAIM]: ['coordinators'] });
    await expectRefusedAs401(`${header}.${raised}.${signature}`, /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('refuses a token signed by another key under the provider’s kid', async () => {
    const real = await idTokenFor('coordinator');
    const attacker = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...decodeJwt(real) })
      .setProtectedHeader({ alg: 'RS256', kid: providerKid })
      .sign(attacker.privateKey);
    await expectRefusedAs401(forged, /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('refuses an HS256 token keyed with the provider’s published public key (algorithm confusion)', async () => {
    const real = await idTokenFor('coordinator');
    const jwks = (await (await fetch(consoleParty.jwksUri)).json()) as { keys: Array<{ kid?: string }> };
    const published = jwks.keys.find((key) => key.kid === providerKid);
    expect(published).toBeDefined();
    const secret = new TextEncoder().encode(JSON.stringify(published));
    const forged = await new SignJWT({ ...decodeJwt(real) })
      .setProtectedHeader({ alg: 'HS256', kid: providerKid })
      .sign(secret);
    await expectRefusedAs401(forged, /ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it('refuses a genuine token the provider issued to another application (wrong audience)', async () => {
    const other = await idTokenFor('coordinator', otherParty, OTHER_CALLBACK);
    expect(decodeJwt(other).aud).toBe(OTHER_CLIENT_ID);
    await expectRefusedAs401(other, /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it('refuses a token with the provider’s key but another issuer', async () => {
    const forged = await resigned(await idTokenFor('coordinator'), (claims) => ({
      ...claims,
      iss: 'https://idp.attacker.example',
    }));
    await expectRefusedAs401(forged, /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it('refuses a genuine token once it has expired (the clock moved past `exp` and the tolerance)', async () => {
    const token = await idTokenFor('coordinator');
    const { exp = 0 } = decodeJwt(token);
    // The JWKS is fetched and cached while the clock is real; then only Date moves.
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'coordinator' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((exp + 31) * 1000);
    await expectRefusedAs401(token, /ERR_JWT_EXPIRED/);
  });

  it('refuses a token signed by the provider’s key whose `exp` is in the past', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await resigned(await idTokenFor('coordinator'), (claims) => ({
      ...claims,
      iat: now - 7200,
      exp: now - 3600,
    }));
    await expectRefusedAs401(forged, /ERR_JWT_EXPIRED/);
  });

  it.each([
    ['viewer', 'waive-requirement'],
    ['viewer', 'cancel-placement'],
    ['viewer', 'edit-site'],
    ['reviewer', 'purge-placement'],
    ['reviewer', 'import-placements'],
  ] as const)('a genuine %s token names its person, and %s is refused with 403', async (role, action) => {
    const identity = await verifier.verify(await idTokenFor(role));
    expect(identity).toEqual({ sub: account(role).email, email: account(role).email, role });
    const refused = (() => {
      try {
        requirePermission(identity.role, action);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConsoleActionForbiddenError);
    expect(toHttpError(refused)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('the coordinator’s genuine token allows those same actions (the refusals are the role’s)', async () => {
    const identity = await verifier.verify(await idTokenFor('coordinator'));
    for (const action of ['waive-requirement', 'cancel-placement', 'purge-placement'] as const) {
      expect(() => requirePermission(identity.role, action)).not.toThrow();
    }
  });

  it('publishes only RS256 public keys: the JWKS gives an attacker nothing to sign with', async () => {
    const jwks = (await (await fetch(consoleParty.jwksUri)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA' });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(secret);
    }
  });
});
