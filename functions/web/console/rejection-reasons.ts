/** The reason codes a verifier sends a document back with, and what each means in plain words. */
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

/** The label a reviewer picks from (and reports show). */
export const REJECTION_REASON_LABELS: Readonly<Record<RejectionReasonCode, string>> = {
  ILLEGIBLE: 'Cannot be read',
  WRONG_DOCUMENT: 'Wrong document',
  NAME_MISMATCH: 'Name does not match the student',
  DATES_DO_NOT_MATCH: 'Dates do not match what the student entered',
  INCOMPLETE: 'Incomplete (pages or sides missing)',
  NOT_SIGNED: 'Not signed',
  EXPIRED: 'Expired',
  OTHER: 'Other (explain in the note)',
};

export const rejectionReasonLabel = (code: string): string =>
  REJECTION_REASON_LABELS[code as RejectionReasonCode] ?? code;
