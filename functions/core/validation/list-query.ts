/** The query string of `GET /placements`. */
import { PLACEMENT_STATUSES } from '../model/placement.js';
import { normalizeSearchTerm } from '../placement-search-terms.js';
import type { ListPlacementsQuery } from '../ports.js';
import {
  checkCalendarDate,
  checkIdentifier,
  checkOneOf,
  checkText,
  type Issues,
  MAX_NAME_LENGTH,
  validationFailure,
} from './field-checks.js';

export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;
export const MAX_CURSOR_LENGTH = 1024;

/** A search shorter than this would match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;

/**
 * Parses `siteId`, `status`, `program`, `startFrom`, `startTo`, `search`, `limit` and `cursor`
 * (query-string values; an empty one is absent); throws one ValidationError listing every bad
 * parameter.
 */
export function parseListQuery(
  query: Record<string, string | undefined> | null | undefined,
): ListPlacementsQuery {
  const params = query ?? {};
  const issues: Issues = [];
  const siteId = checkIdentifier(issues, blankAsAbsent(params.siteId), 'siteId', false);
  const status = checkOneOf(issues, blankAsAbsent(params.status), 'status', PLACEMENT_STATUSES, false);
  const program = checkText(issues, blankAsAbsent(params.program), 'program', {
    max: MAX_NAME_LENGTH,
    required: false,
  });
  const startFrom = checkCalendarDate(issues, blankAsAbsent(params.startFrom), 'startFrom', false);
  const startTo = checkCalendarDate(issues, blankAsAbsent(params.startTo), 'startTo', false);
  if (startFrom !== undefined && startTo !== undefined && startTo < startFrom) {
    issues.push({ path: 'startTo', message: 'Must be on or after startFrom.' });
  }
  const searchText = checkText(issues, blankAsAbsent(params.search), 'search', {
    max: MAX_NAME_LENGTH,
    required: false,
  });
  const search = searchText === undefined ? undefined : normalizeSearchTerm(searchText);
  if (search !== undefined && search.length < MIN_SEARCH_LENGTH) {
    issues.push({ path: 'search', message: `Must have at least ${MIN_SEARCH_LENGTH} letters or digits.` });
  }
  const limit = parseLimit(issues, blankAsAbsent(params.limit));
  const cursor = checkText(issues, blankAsAbsent(params.cursor), 'cursor', {
    max: MAX_CURSOR_LENGTH,
    required: false,
  });
  if (issues.length > 0 || limit === undefined) throw validationFailure(issues);

  const result: ListPlacementsQuery = { limit };
  if (siteId !== undefined) result.siteId = siteId;
  if (status !== undefined) result.status = status;
  if (program !== undefined) result.program = program;
  if (startFrom !== undefined) result.startFrom = startFrom;
  if (startTo !== undefined) result.startTo = startTo;
  if (search !== undefined) result.search = search;
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
