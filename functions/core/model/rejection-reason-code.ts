/** Why a staff verifier sent a document back (docs/design.md, "Document verification"). */
export const REJECTION_REASON_CODES = [
  'ILLEGIBLE',
  'WRONG_DOCUMENT',
  'NAME_MISMATCH',
  'DATES_DO_NOT_MATCH',
  'INCOMPLETE',
  'NOT_SIGNED',
  'EXPIRED',
  'OTHER',
] as const;

export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];
