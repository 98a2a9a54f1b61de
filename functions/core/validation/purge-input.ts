/** The body of `POST /placements/{placementId}/purge`. */
import { bodyFields, checkText, type Issues, MAX_REASON_LENGTH, validationFailure } from './field-checks.js';

export interface PurgeInput {
  reason?: string;
}

/** Parses a purge request. No body at all (undefined) is an empty one; a blank reason is no reason. */
export function parsePurgeInput(body: unknown): PurgeInput {
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
