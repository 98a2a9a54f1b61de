import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../functions/core/errors.js';
import { toHttpError } from '../../functions/http/error-response.js';
import { NoStaffRoleError, StaffTokenInvalidError } from '../../functions/staff-auth/staff-auth-errors.js';
import {
  createStaffTokenVerifier,
  type StaffTokenVerifier,
} from '../../functions/staff-auth/staff-token-verifier.js';

const ISSUER = 'https://idp.school.example';
const AUDIENCE = 'console-client';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

let providerKey: PrivateKey;
let otherKey: PrivateKey;
let verifier: StaffTokenVerifier;

const claims = (extra: JWTPayload = {}): JWTPayload => ({
  sub: 'staff-1',
  email: 'pat@school.example',
  'cognito:groups': ['reviewers'],
  ...extra,
});

const signed = (
  payload: JWTPayload,
  { key = providerKey, issuer = ISSUER, audience = AUDIENCE, expiresIn = '5m' as string | number } = {},
) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: 'provider' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);

beforeAll(async () => {
  const provider = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  providerKey = provider.privateKey;
  otherKey = other.privateKey;
  const published = { ...(await exportJWK(provider.publicKey)), kid: 'provider', alg: 'RS256' };
  verifier = createStaffTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    keys: createLocalJWKSet({ keys: [published] }),
    clockToleranceSeconds: 5,
  });
});

describe('the staff token verifier (jose)', () => {
  it('turns a valid token into the person’s identity and role', async () => {
    await expect(verifier.verify(await signed(claims()))).resolves.toEqual({
      sub: 'staff-1',
      email: 'pat@school.example',
      role: 'reviewer',
    });
  });

  it('gives the highest role when the person is in several staff groups', async () => {
    const token = await signed(claims({ 'cognito:groups': ['viewers', 'coordinators', 'reviewers'] }));
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'coordinator' });
  });

  it.each([
    ['no token', async () => undefined],
    ['an empty token', async () => ''],
    ['a malformed token', async () => 'not.a.jwt'],
    [
      'an unsigned token (alg: none)',
      async () =>
        new UnsecuredJWT(claims())
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('5m')
          .encode(),
    ],
    ['a token signed by another key', async () => signed(claims(), { key: otherKey })],
    ['a token for another audience', async () => signed(claims(), { audience: 'another-app' })],
    ['a token from another issuer', async () => signed(claims(), { issuer: 'https://evil.example' })],
    ['an expired token', async () => signed(claims(), { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
  ])('refuses %s with 401 UNAUTHORIZED', async (_case, token) => {
    const outcome = verifier.verify(await token());
    await expect(outcome).rejects.toBeInstanceOf(StaffTokenInvalidError);
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(toHttpError(error)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('refuses an HS256 token made with the public key as a secret (alg pinned to RS256)', async () => {
    const secret = new TextEncoder().encode('provider-public-key-as-a-secret-0123456789');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'provider' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(StaffTokenInvalidError);
  });

  it('refuses a valid token whose groups map to no role with 403 FORBIDDEN', async () => {
    const outcome = verifier.verify(await signed(claims({ 'cognito:groups': ['students'] })));
    await expect(outcome).rejects.toBeInstanceOf(NoStaffRoleError);
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).name).toBe('NoStaffRoleError');
    expect(toHttpError(error)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('reads the roles claim and role map it is configured with (a school’s own provider)', async () => {
    const provider = await generateKeyPair('RS256');
    const schoolVerifier = createStaffTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: createLocalJWKSet({ keys: [{ ...(await exportJWK(provider.publicKey)), kid: 'provider' }] }),
      rolesClaim: 'roles',
      roleMap: { 'Placement.Coordinator': 'coordinator' },
    });
    const token = await signed(
      {
        sub: 'entra-9',
        email: 'sam@school.example',
        roles: ['Placement.Coordinator'],
        'cognito:groups': ['viewers'],
      },
      { key: provider.privateKey },
    );
    await expect(schoolVerifier.verify(token)).resolves.toMatchObject({ role: 'coordinator' });
  });

  it('refuses a signed token without an email with 401', async () => {
    await expect(verifier.verify(await signed(claims({ email: undefined })))).rejects.toBeInstanceOf(
      StaffTokenInvalidError,
    );
  });
});
