import { ConsoleActionForbiddenError } from './staff-auth-errors.js';
import type { StaffRole } from './staff-identity.js';

/** Everything a person can do in the staff console; the server checks one of these on every request. */
export const CONSOLE_ACTIONS = [
  'read',
  'export',
  'verify-document',
  'reject-document',
  'waive-requirement',
  'cancel-placement',
  'retry-placement',
  'purge-placement',
  'resend-link',
  'edit-site',
  'import-placements',
] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

const ALLOWED: Readonly<Record<StaffRole, ReadonlySet<ConsoleAction>>> = {
  // Reads everything and exports, changes nothing.
  viewer: new Set<ConsoleAction>(['read', 'export']),
  // Reads placements and works the verification queue; no bulk export.
  reviewer: new Set<ConsoleAction>(['read', 'verify-document', 'reject-document']),
  coordinator: new Set<ConsoleAction>(CONSOLE_ACTIONS),
};

/** Whether a role may perform a console action (DESIGN "Staff console and sign-in"). */
export const mayPerform = (role: StaffRole, action: ConsoleAction): boolean => ALLOWED[role].has(action);

/** Refuses with ConsoleActionForbiddenError (403 FORBIDDEN) when the role does not allow the action. */
export const requirePermission = (role: StaffRole, action: ConsoleAction): void => {
  if (!mayPerform(role, action)) {
    throw new ConsoleActionForbiddenError(`A ${role} cannot do this (${action}). Ask a coordinator.`);
  }
};
