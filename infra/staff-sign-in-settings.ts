import type { ContextReader } from './deployment-settings.js';

/** The console's roles, and the names of the groups (or claim values) that grant them by default. */
export const STAFF_ROLES = ['coordinator', 'reviewer', 'viewer'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

/** Cognito group (and default claim value) of each role: members of `coordinators` are coordinators. */
export const DEFAULT_ROLE_MAP: Readonly<Record<string, StaffRoleName>> = {
  coordinators: 'coordinator',
  reviewers: 'reviewer',
  viewers: 'viewer',
};

/** The claim Cognito puts a user's groups in. */
export const COGNITO_GROUPS_CLAIM = 'cognito:groups';

/**
 * How staff sign in to the console. By default the stateful stack creates a Cognito user pool with
 * managed login; `oidcIssuer` + `oidcClientId` point the console at the school's own OpenID Connect
 * provider instead (Entra ID, Okta, Google Workspace, Shibboleth), and no pool is created.
 */
export type StaffSignInSettings =
  | {
      readonly kind: 'cognito';
      /** MFA for every staff account: `required` (the default in `prod`) or `optional`. */
      readonly mfa: 'required' | 'optional';
      /** Prefix of the managed-login domain, `<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
      readonly domainPrefix: string;
    }
  | {
      readonly kind: 'oidc';
      /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
      readonly issuer: string;
      /** The console's client id at that provider (a public client using PKCE: no secret). */
      readonly clientId: string;
      /** The ID-token claim holding the user's groups or roles. */
      readonly rolesClaim: string;
      /** Claim value → console role. */
      readonly roleMap: Readonly<Record<string, StaffRoleName>>;
    };

const DOMAIN_PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Reads `oidcIssuer`, `oidcClientId`, `oidcRolesClaim`, `oidcRoleMap` (the school's own provider), or
 * `staffMfa` and `cognitoDomainPrefix` (the Cognito pool), adding each problem to `problems`.
 */
export function readStaffSignInSettings(
  read: ContextReader,
  stage: string | undefined,
  problems: string[],
): StaffSignInSettings | undefined {
  const issuer = optionalString(read, 'oidcIssuer', problems);
  const clientId = optionalString(read, 'oidcClientId', problems);
  if (issuer !== undefined || clientId !== undefined) {
    if (issuer === undefined) problems.push('oidcIssuer: missing (oidcClientId is set)');
    if (clientId === undefined) problems.push('oidcClientId: missing (oidcIssuer is set)');
    if (issuer !== undefined && !isHttpsUrl(issuer)) {
      problems.push(`oidcIssuer: "${issuer}" must be an https URL`);
    }
    const rolesClaim = optionalString(read, 'oidcRolesClaim', problems) ?? 'groups';
    const roleMap = readRoleMap(read, problems);
    if (issuer === undefined || clientId === undefined || roleMap === undefined) return undefined;
    return { kind: 'oidc', issuer, clientId, rolesClaim, roleMap };
  }
  const mfa = optionalString(read, 'staffMfa', problems) ?? (stage === 'prod' ? 'required' : 'optional');
  if (mfa !== 'required' && mfa !== 'optional') {
    problems.push(`staffMfa: must be "required" or "optional", got ${JSON.stringify(mfa)}`);
    return undefined;
  }
  if (stage === 'prod' && mfa !== 'required') {
    problems.push('staffMfa: prod requires MFA for every staff account');
  }
  const domainPrefix =
    optionalString(read, 'cognitoDomainPrefix', problems) ?? `placement-onboarding-${stage ?? 'dev'}`;
  if (
    !DOMAIN_PREFIX_PATTERN.test(domainPrefix) ||
    domainPrefix.includes('aws') ||
    domainPrefix.includes('cognito')
  ) {
    problems.push(
      `cognitoDomainPrefix: "${domainPrefix}" must be lowercase letters, digits and "-" (at most 63) without "aws" or "cognito"`,
    );
  }
  return { kind: 'cognito', mfa, domainPrefix };
}

function optionalString(read: ContextReader, key: string, problems: string[]): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push(`${key}: must be a string, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

/** `oidcRoleMap`: an object (cdk.json) or its JSON text (`-c oidcRoleMap='{"staff-admins":"coordinator"}'`). */
function readRoleMap(
  read: ContextReader,
  problems: string[],
): Readonly<Record<string, StaffRoleName>> | undefined {
  const raw = read('oidcRoleMap');
  if (raw === undefined || raw === null || raw === '') return DEFAULT_ROLE_MAP;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push('oidcRoleMap: must be a JSON object of claim value → role');
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('oidcRoleMap: must be an object of claim value → role');
    return undefined;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const bad = entries.filter(([, role]) => !STAFF_ROLES.includes(role as StaffRoleName));
  for (const [claim, role] of bad) {
    problems.push(`oidcRoleMap.${claim}: ${JSON.stringify(role)} is not one of ${STAFF_ROLES.join(', ')}`);
  }
  if (entries.length === 0) problems.push('oidcRoleMap: maps no claim value to a role');
  return bad.length === 0 && entries.length > 0
    ? (Object.fromEntries(entries) as Record<string, StaffRoleName>)
    : undefined;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
