/** The query string of `GET /verification-queue`. */
import { REQUIREMENT_CODES } from '../model/requirement-code.js';
import type { VerificationQueueQuery } from '../ports.js';
import { checkIdentifier, checkOneOf, checkText, type Issues, validationFailure } from './field-checks.js';
import { blankAsAbsent, MAX_CURSOR_LENGTH, parseLimit } from './list-query.js';

/** Parses `siteId`, `requirementCode`, `limit` and `cursor`; throws one ValidationError listing every bad one. */
export function parseVerificationQueueQuery(
  query: Record<string, string | undefined> | null | undefined,
): VerificationQueueQuery {
  const params = query ?? {};
  const issues: Issues = [];
  const siteId = checkIdentifier(issues, blankAsAbsent(params.siteId), 'siteId', false);
  const requirementCode = checkOneOf(
    issues,
    blankAsAbsent(params.requirementCode),
    'requirementCode',
    REQUIREMENT_CODES,
    false,
  );
  const limit = parseLimit(issues, blankAsAbsent(params.limit));
  const cursor = checkText(issues, blankAsAbsent(params.cursor), 'cursor', {
    max: MAX_CURSOR_LENGTH,
    required: false,
  });
  if (issues.length > 0 || limit === undefined) throw validationFailure(issues);
  return {
    limit,
    ...(siteId === undefined ? {} : { siteId }),
    ...(requirementCode === undefined ? {} : { requirementCode }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}
