/**
 * Reusable field checks for request parsers. Each check records what is wrong in `issues`
 * (so a parser reports every bad field at once) and returns the cleaned value, or
 * undefined when the field is absent or bad.
 */
import { isCalendarDate } from '../calendar-date.js';
import { type FieldIssue, ValidationError } from '../errors.js';
import { isRequirementCode, type RequirementCode } from '../model/requirement-code.js';

export type Issues = FieldIssue[];

export const MAX_NAME_LENGTH = 200;
export const MAX_REASON_LENGTH = 2000;
const MAX_EMAIL_LENGTH = 254;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// Multi-line text may keep line breaks and tabs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const EMAIL_SHAPE =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body's fields, or — for null, an array, a string or any other non-object —
 * a ValidationError with the issues so far and one at path `body`.
 */
export function bodyFields(issues: Issues, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) {
    throw new ValidationError([
      ...issues,
      { path: 'body', message: 'The request body must be a JSON object.' },
    ]);
  }
  return body;
}

/** The error a parser throws once it has checked every field. */
export const validationFailure = (issues: Issues): ValidationError => new ValidationError(issues);

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

export interface TextOptions {
  max: number;
  required: boolean;
  /** Allow line breaks and tabs (reasons). */
  multiline?: boolean;
}

/** A trimmed, non-empty string of at most `max` characters. An optional blank string counts as absent. */
export function checkText(
  issues: Issues,
  value: unknown,
  path: string,
  options: TextOptions,
): string | undefined {
  if (isAbsent(value)) {
    if (options.required) issues.push({ path, message: 'Required.' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ path, message: 'Must be a string.' });
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    if (options.required) issues.push({ path, message: 'Must not be empty.' });
    return undefined;
  }
  if (text.length > options.max) {
    issues.push({ path, message: `Must be at most ${options.max} characters.` });
    return undefined;
  }
  if ((options.multiline ? CONTROL_CHARS_EXCEPT_LINE_BREAKS : CONTROL_CHARS).test(text)) {
    issues.push({ path, message: 'Must not contain control characters.' });
    return undefined;
  }
  return text;
}

/** An identifier: a trimmed string of at most 200 characters without `/`, `#` or control characters. */
export function checkIdentifier(
  issues: Issues,
  value: unknown,
  path: string,
  required = true,
): string | undefined {
  const before = issues.length;
  const id = checkText(issues, value, path, { max: MAX_NAME_LENGTH, required });
  if (id === undefined || issues.length > before) return undefined;
  if (id.includes('/') || id.includes('#')) {
    issues.push({ path, message: 'Must not contain "/" or "#".' });
    return undefined;
  }
  return id;
}

/** An email address (trimmed). */
export function checkEmail(
  issues: Issues,
  value: unknown,
  path: string,
  required = true,
): string | undefined {
  const before = issues.length;
  const email = checkText(issues, value, path, { max: MAX_EMAIL_LENGTH, required });
  if (email === undefined || issues.length > before) return undefined;
  if (!EMAIL_SHAPE.test(email)) {
    issues.push({ path, message: 'Must be an email address, like name@example.org.' });
    return undefined;
  }
  return email;
}

/** A real calendar date written as YYYY-MM-DD. */
export function checkCalendarDate(
  issues: Issues,
  value: unknown,
  path: string,
  required = true,
): string | undefined {
  if (isAbsent(value) || value === '') {
    if (required) issues.push({ path, message: 'Required: a date as YYYY-MM-DD.' });
    return undefined;
  }
  const date = typeof value === 'string' ? value.trim() : value;
  if (!isCalendarDate(date)) {
    issues.push({ path, message: 'Must be a real date written as YYYY-MM-DD.' });
    return undefined;
  }
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    issues.push({ path, message: `Must be a date between ${MIN_YEAR} and ${MAX_YEAR}.` });
    return undefined;
  }
  return date;
}

/** Dates people give for rotations and documents: anything else is a typo, and date arithmetic stays in range. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export interface IntegerOptions {
  min: number;
  max: number;
  /** Used when the field is absent; without one the field is required. */
  default?: number;
}

/** A whole number from `min` to `max` (a JSON number, not a string). */
export function checkInteger(
  issues: Issues,
  value: unknown,
  path: string,
  options: IntegerOptions,
): number | undefined {
  if (isAbsent(value)) {
    if (options.default === undefined) issues.push({ path, message: 'Required.' });
    return options.default;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
    issues.push({ path, message: `Must be a whole number from ${options.min} to ${options.max}.` });
    return undefined;
  }
  return value;
}

/** One of `allowed` (exact match). */
export function checkOneOf<T extends string>(
  issues: Issues,
  value: unknown,
  path: string,
  allowed: readonly T[],
  required = true,
): T | undefined {
  if (isAbsent(value) || value === '') {
    if (required) issues.push({ path, message: `Required: one of ${allowed.join(', ')}.` });
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.push({ path, message: `Must be one of ${allowed.join(', ')}.` });
    return undefined;
  }
  return value as T;
}

/**
 * A requirement code; when `allowed` is given (the placement's codes), it must be one of them.
 */
export function checkRequirementCode(
  issues: Issues,
  value: unknown,
  path: string,
  allowed?: readonly RequirementCode[],
): RequirementCode | undefined {
  if (isAbsent(value) || value === '') {
    issues.push({ path, message: 'Required: a requirement code such as MMR or TB.' });
    return undefined;
  }
  if (!isRequirementCode(value)) {
    issues.push({ path, message: 'Not a known requirement code.' });
    return undefined;
  }
  if (allowed !== undefined && !allowed.includes(value)) {
    issues.push({ path, message: `${value} is not a requirement of this placement.` });
    return undefined;
  }
  return value;
}
