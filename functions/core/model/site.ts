import type { RequirementCode } from './requirement-code.js';

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
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const SITE_DEFAULTS = {
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
} as const;
