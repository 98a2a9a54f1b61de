/** The query string of `GET /placements`. */
import { PLACEMENT_STATUSES } from '../model/placement.js';
import type { ListPlacementsQuery } from '../ports.js';
import { checkIdentifier, checkOneOf, checkText, type Issues, validationFailure } from './field-checks.js';

export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;
export const MAX_CURSOR_LENGTH = 1024;

/**
 * Parses `siteId`, `status`, `limit` and `cursor` (query-string values; an empty one is
 * absent); throws one ValidationError listing every bad parameter.
 */
export function parseListQuery(
  query: Record<string, string | undefined> | null | undefined,
): ListPlacementsQuery {
  const params = query ?? {};
  const issues: Issues = [];
  const siteId = checkIdentifier(issues, blankAsAbsent(params.siteId), 'siteId', false);
  const status = checkOneOf(issues, blankAsAbsent(params.status), 'status', PLACEMENT_STATUSES, false);
  const limit = parseLimit(issues, blankAsAbsent(params.limit));
  const cursor = checkText(issues, blankAsAbsent(params.cursor), 'cursor', {
    max: MAX_CURSOR_LENGTH,
    required: false,
  });
  if (issues.length > 0 || limit === undefined) throw validationFailure(issues);

  const result: ListPlacementsQuery = { limit };
  if (siteId !== undefined) result.siteId = siteId;
  if (status !== undefined) result.status = status;
  if (cursor !== undefined) result.cursor = cursor;
  return result;
}

/** A blank query-string value is an absent one. */
export const blankAsAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** `limit`: 1 to 100, 25 when absent. */
export function parseLimit(issues: Issues, value: unknown): number | undefined {
  if (value === undefined) return DEFAULT_LIST_LIMIT;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && /^\d{1,3}$/.test(text.trim())) {
    const limit = Number(text.trim());
    if (limit >= 1 && limit <= MAX_LIST_LIMIT) return limit;
  }
  issues.push({ path: 'limit', message: `Must be a whole number from 1 to ${MAX_LIST_LIMIT}.` });
  return undefined;
}
