import type { RequirementCode } from './requirement-code.js';
import { DEFAULT_VERIFICATION, STORED_WITHOUT_VERIFICATION, type VerificationMode } from './verification.js';

/** A site requirement as given: a bare code, or a code with the site's own validity window. */
export type SiteRequirementSpec =
  | RequirementCode
  | { code: RequirementCode; months?: number; years?: number };

export interface Site {
  siteId: string;
  name: string;
  adminEmails: string[];
  requirements: SiteRequirementSpec[];
  documentsDueDays: number;
  reminderIntervalHours: number;
  siteReminderIntervalHours: number;
  /**
   * Who checks uploads: `staff` (the default for new sites) or `automatic`. Absent on a site stored
   * before the setting existed: read it with `siteVerification`.
   */
  verification?: VerificationMode;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const SITE_DEFAULTS = {
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  verification: DEFAULT_VERIFICATION,
} as const;

/**
 * A stored site's verification mode. A site stored before sites had a `verification` setting was
 * created when every upload was accepted automatically: it keeps `automatic` until its profile is put
 * again (a PUT without the field makes it `staff`, the default for what is written from now on).
 */
export const siteVerification = (site: { verification?: unknown }): VerificationMode =>
  site.verification === 'staff' || site.verification === 'automatic'
    ? site.verification
    : STORED_WITHOUT_VERIFICATION;

/** A site as read from storage, with its verification mode spelled out (`siteVerification`). */
export const siteFromStorage = (stored: Site): Site => ({
  ...stored,
  verification: siteVerification(stored),
});
