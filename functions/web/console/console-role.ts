/**
 * The staff console's roles and what each may do. Pages use this to show only the actions a role
 * may take; the console's handlers enforce the same table on the server (403 `FORBIDDEN`), whatever
 * a page shows.
 */
export const CONSOLE_ROLES = ['coordinator', 'reviewer', 'viewer'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** The signed-in staff member, as the session knows them. */
export interface StaffMember {
  /** Their sign-in email (shown in the header). */
  readonly email: string;
  readonly role: ConsoleRole;
}

/** Things a role may do, each a group of console pages or actions. */
export type ConsoleAbility =
  /** Work the verification queue: see it, verify and reject documents. */
  | 'work-queue'
  /** Waive, cancel, retry, purge a placement and resend the student's link. */
  | 'manage-placements'
  /** Create and edit sites. */
  | 'edit-sites'
  /** Import placements from a CSV file. */
  | 'import-placements';

const ABILITIES: Readonly<Record<ConsoleRole, readonly ConsoleAbility[]>> = {
  coordinator: ['work-queue', 'manage-placements', 'edit-sites', 'import-placements'],
  reviewer: ['work-queue'],
  viewer: [],
};

/** Whether `role` may do `ability`. Reading placements, sites, the dashboard and reports is open to every role. */
export const roleMay = (role: ConsoleRole, ability: ConsoleAbility): boolean =>
  ABILITIES[role].includes(ability);

/** The role as the header names it. */
export const ROLE_LABELS: Readonly<Record<ConsoleRole, string>> = {
  coordinator: 'Coordinator',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};
