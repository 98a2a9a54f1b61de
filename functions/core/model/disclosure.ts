import type { RequirementCode } from './requirement-code.js';

/** The ways a student's document is shown to someone: the console's session or a site's review link. */
export const DISCLOSURE_CHANNELS = ['console', 'review-link'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

/**
 * One view or download of a student's document (the disclosure log a school keeps of its students'
 * records): who, when, which document, through which way in. One entry per view, also when the same
 * person opens the same document again.
 */
export interface Disclosure {
  /** ISO-8601 instant of the view. */
  at: string;
  /** The staff member's or site administrator's email. */
  by: string;
  requirementCode: RequirementCode;
  documentId: string;
  via: DisclosureChannel;
}
