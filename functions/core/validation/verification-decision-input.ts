/** The body of `POST /placements/{placementId}/documents/{documentId}/verification`. */
import { checkEvidence, type RotationDates } from '../evidence-validity.js';
import { REJECTION_REASON_CODES, type RejectionReasonCode } from '../model/rejection-reason-code.js';
import type { ResolvedRequirement } from '../requirement-catalogue.js';
import {
  bodyFields,
  checkCalendarDate,
  checkOneOf,
  checkText,
  type Issues,
  MAX_REASON_LENGTH,
  validationFailure,
} from './field-checks.js';

export const VERIFICATION_DECISIONS = ['verify', 'reject'] as const;
export type VerificationDecisionKind = (typeof VERIFICATION_DECISIONS)[number];

export interface VerificationDecisionInput {
  decision: VerificationDecisionKind;
  /** Reject only (required there). */
  reasonCode?: RejectionReasonCode;
  /** Required with `OTHER`; at most 2,000 characters. */
  note?: string;
  /** Verify only: the dates as the verifier read them off the document. */
  issuedOn?: string;
  expiresOn?: string;
}

/** What corrected dates are judged against: the document's requirement (with the site's override) and the rotation. */
export interface DecisionContext {
  requirement: Pick<ResolvedRequirement, 'rule' | 'noun' | 'dateField'>;
  rotation: RotationDates;
  /** Today's calendar date (UTC). */
  today: string;
}

const DATE_FIELDS = ['issuedOn', 'expiresOn'] as const;

/**
 * Parses a verifier's decision; throws one ValidationError listing every bad field. `reasonCode` is
 * required to reject and refused with verify; `OTHER` requires a note. Dates may be corrected only
 * when verifying, and a corrected date the requirement's rule reads is judged by that rule exactly as
 * an upload's date is (`checkEvidence`): one that fails it is refused at its own field, with the reason.
 */
export function parseVerificationDecisionInput(
  body: unknown,
  context: DecisionContext,
): VerificationDecisionInput {
  const issues: Issues = [];
  const fields = bodyFields(issues, body);

  const decision = checkOneOf(issues, fields.decision, 'decision', VERIFICATION_DECISIONS);
  const reasonCode = checkOneOf(
    issues,
    fields.reasonCode,
    'reasonCode',
    REJECTION_REASON_CODES,
    decision === 'reject',
  );
  if (decision === 'verify' && reasonCode !== undefined) {
    issues.push({ path: 'reasonCode', message: 'Only a rejection takes a reason code.' });
  }
  const note = checkText(issues, fields.note, 'note', {
    max: MAX_REASON_LENGTH,
    required: decision === 'reject' && reasonCode === 'OTHER',
    multiline: true,
  });

  const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
  for (const field of DATE_FIELDS) {
    const before = issues.length;
    const date = checkCalendarDate(issues, fields[field], field, false);
    if (date === undefined || issues.length > before) continue;
    if (decision === 'reject') {
      issues.push({ path: field, message: 'Dates can be corrected only when verifying the document.' });
      continue;
    }
    if (field === context.requirement.dateField) {
      const check = checkEvidence(
        context.requirement.rule,
        { [field]: date },
        context.rotation,
        context.today,
        `This ${context.requirement.noun}`,
      );
      if (!check.valid) {
        issues.push({ path: field, message: check.reason });
        continue;
      }
    }
    dates[field] = date;
  }

  if (issues.length > 0 || decision === undefined) throw validationFailure(issues);
  return {
    decision,
    ...(reasonCode === undefined ? {} : { reasonCode }),
    ...(note === undefined ? {} : { note }),
    ...dates,
  };
}
