import { describe, expect, it } from 'vitest';
import {
  CONSOLE_ACTIONS,
  type ConsoleAction,
  mayPerform,
  requirePermission,
} from '../../functions/staff-auth/console-permissions.js';
import { ConsoleActionForbiddenError } from '../../functions/staff-auth/staff-auth-errors.js';
import type { StaffRole } from '../../functions/staff-auth/staff-identity.js';

/** The policy of DESIGN "Staff console and sign-in", spelled out action by action. */
const EXPECTED: Record<ConsoleAction, Record<StaffRole, boolean>> = {
  read: { viewer: true, reviewer: true, coordinator: true },
  export: { viewer: true, reviewer: false, coordinator: true },
  'verify-document': { viewer: false, reviewer: true, coordinator: true },
  'reject-document': { viewer: false, reviewer: true, coordinator: true },
  'waive-requirement': { viewer: false, reviewer: false, coordinator: true },
  'cancel-placement': { viewer: false, reviewer: false, coordinator: true },
  'retry-placement': { viewer: false, reviewer: false, coordinator: true },
  'purge-placement': { viewer: false, reviewer: false, coordinator: true },
  'resend-link': { viewer: false, reviewer: false, coordinator: true },
  'edit-site': { viewer: false, reviewer: false, coordinator: true },
  'import-placements': { viewer: false, reviewer: false, coordinator: true },
};

const rows = CONSOLE_ACTIONS.flatMap((action) =>
  (['viewer', 'reviewer', 'coordinator'] as const).map(
    (role) => [role, action, EXPECTED[action][role]] as const,
  ),
);

describe('the console’s role policy', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CONSOLE_ACTIONS].sort());
  });

  it.each(rows)('a %s may %s: %s', (role, action, allowed) => {
    expect(mayPerform(role, action)).toBe(allowed);
    if (allowed) expect(() => requirePermission(role, action)).not.toThrow();
    else expect(() => requirePermission(role, action)).toThrow(ConsoleActionForbiddenError);
  });
});
