/** The console's roles (DESIGN "Staff console and sign-in"), lowest to highest. */
export const STAFF_ROLES = ['viewer', 'reviewer', 'coordinator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is signed in to the console: from a verified ID token, then from the session. */
export interface StaffIdentity {
  /** The provider's subject: stable for the person, recorded in a placement's history. */
  readonly sub: string;
  readonly email: string;
  readonly role: StaffRole;
}

/** The groups claim a Cognito user pool puts in its tokens; `oidcRolesClaim` changes it. */
export const DEFAULT_ROLES_CLAIM = 'cognito:groups';

/** Group (claim value) → role, as the Cognito pool's groups are named; `oidcRoleMap` changes it. */
export const DEFAULT_ROLE_MAP: Readonly<Record<string, StaffRole>> = {
  coordinators: 'coordinator',
  reviewers: 'reviewer',
  viewers: 'viewer',
};

const rank = (role: StaffRole): number => STAFF_ROLES.indexOf(role);

/**
 * The role a person has from their groups: the highest role any group maps to, or undefined when none
 * does. A claim may be an array of groups or one string (some providers send a single value, and
 * space-separated lists are common too).
 */
export const roleFromGroups = (
  claim: unknown,
  roleMap: Readonly<Record<string, StaffRole>>,
): StaffRole | undefined => {
  const groups = Array.isArray(claim)
    ? claim.filter((group): group is string => typeof group === 'string')
    : typeof claim === 'string'
      ? claim.split(/\s+/)
      : [];
  let best: StaffRole | undefined;
  for (const group of groups) {
    const role = Object.hasOwn(roleMap, group) ? roleMap[group] : undefined;
    if (role && (best === undefined || rank(role) > rank(best))) best = role;
  }
  return best;
};

export const isStaffRole = (value: unknown): value is StaffRole => STAFF_ROLES.includes(value as StaffRole);
