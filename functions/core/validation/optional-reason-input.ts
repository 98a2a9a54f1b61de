/** The body of a coordinator action that takes an optional reason: `cancel` and `purge` of a placement. */
import { bodyFields, checkText, type Issues, MAX_REASON_LENGTH, validationFailure } from './field-checks.js';

export interface OptionalReasonInput {
  reason?: string;
}

/** Parses the body. No body at all (undefined) is an empty one; a blank reason is no reason. */
export function parseOptionalReasonInput(body: unknown): OptionalReasonInput {
  const issues: Issues = [];
  const fields = bodyFields(issues, body === undefined ? {} : body);
  const reason = checkText(issues, fields.reason, 'reason', {
    max: MAX_REASON_LENGTH,
    required: false,
    multiline: true,
  });
  if (issues.length > 0) throw validationFailure(issues);
  return reason === undefined ? {} : { reason };
}
