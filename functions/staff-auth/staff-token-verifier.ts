import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { NoStaffRoleError, StaffTokenInvalidError } from './staff-auth-errors.js';
import {
  DEFAULT_ROLE_MAP,
  DEFAULT_ROLES_CLAIM,
  roleFromGroups,
  type StaffIdentity,
  type StaffRole,
} from './staff-identity.js';

/**
 * Checks a staff ID token with jose (panva; maintained, no dependencies, used by openid-client itself):
 * the signature against the provider's published keys (JWKS), `alg` pinned to RS256 (so `none` and
 * HS256-with-the-public-key are refused), issuer, audience and expiry with a small clock tolerance.
 * Nothing here parses or checks a JWT by hand.
 */
export interface StaffTokenVerifierOptions {
  /** The provider's issuer, exactly as its tokens carry it in `iss`. */
  readonly issuer: string;
  /** The console's client id: the only `aud` accepted. */
  readonly audience: string;
  /** The provider's keys: its `jwks_uri`, or a key set (tests). */
  readonly keys: URL | JWTVerifyGetKey;
  /** The claim holding the person's groups. Default `cognito:groups`. */
  readonly rolesClaim?: string;
  /** Group → role. Default coordinators/reviewers/viewers. */
  readonly roleMap?: Readonly<Record<string, StaffRole>>;
  /** Seconds of clock skew allowed on `exp`/`nbf`/`iat`. Default 30. */
  readonly clockToleranceSeconds?: number;
}

export const PINNED_ALGORITHMS = ['RS256'];

export interface StaffTokenVerifier {
  /** The person a token names; StaffTokenInvalidError (401) or NoStaffRoleError (403) otherwise. */
  verify(token: string | undefined): Promise<StaffIdentity>;
}

export const createStaffTokenVerifier = (options: StaffTokenVerifierOptions): StaffTokenVerifier => {
  const keys = options.keys instanceof URL ? createRemoteJWKSet(options.keys) : options.keys;
  const rolesClaim = options.rolesClaim ?? DEFAULT_ROLES_CLAIM;
  const roleMap = options.roleMap ?? DEFAULT_ROLE_MAP;
  return {
    verify: async (token) => {
      if (typeof token !== 'string' || token.length === 0) {
        throw new StaffTokenInvalidError('Sign in to use the staff console: no token was given.');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: PINNED_ALGORITHMS,
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          requiredClaims: ['sub', 'exp', 'iat'],
        }));
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) {
          throw new StaffTokenInvalidError(`Sign in again: the token was refused (${error.code}).`);
        }
        throw error;
      }
      const { sub, email } = payload;
      if (typeof sub !== 'string' || sub.length === 0) {
        throw new StaffTokenInvalidError('Sign in again: the token names no subject.');
      }
      if (typeof email !== 'string' || email.length === 0) {
        throw new StaffTokenInvalidError(
          'Sign in again: the token carries no email (ask for the "email" scope).',
        );
      }
      const role = roleFromGroups(payload[rolesClaim], roleMap);
      if (!role) {
        throw new NoStaffRoleError(
          `${email} is not in a staff group of the console (${Object.keys(roleMap).join(', ')}). Ask a coordinator to add you.`,
        );
      }
      return { sub, email, role };
    },
  };
};
