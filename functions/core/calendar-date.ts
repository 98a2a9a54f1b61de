/**
 * Calendar dates (`YYYY-MM-DD`) on the UTC calendar. Requirement rules and rotations are
 * counted in whole days, so these never carry a time or a time zone.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

function partsOf(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function requireParts(date: string): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Throws a RangeError unless `date` is a calendar date: for dates that were validated already. */
export function assertCalendarDate(date: string): void {
  requireParts(date);
}

function requireWholeNumber(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Expected a whole number, got ${n}`);
}

function format({ year, month, day }: DateParts): string {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000-9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before it). `setUTCFullYear` keeps years below 100 as given. */
function epochDayOf({ year, month, day }: DateParts): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return Math.round(instant.getTime() / MS_PER_DAY);
}

function partsOfInstant(instant: Date): DateParts {
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}

/** True for a real date written exactly as `YYYY-MM-DD` (zero-padded; no 2025-02-30, no 2023-02-29). */
export function isCalendarDate(value: unknown): value is string {
  return partsOf(value) !== undefined;
}

/** `date` moved by `n` days (negative goes back). */
export function addDays(date: string, n: number): string {
  requireWholeNumber(n);
  const epochDay = epochDayOf(requireParts(date)) + n;
  return format(partsOfInstant(new Date(epochDay * MS_PER_DAY)));
}

/** `date` moved by `n` calendar months, clamped to the end of a shorter month (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: string, n: number): string {
  requireWholeNumber(n);
  const { year, month, day } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** `date` moved by `n` years; 29 February lands on 28 February in a common year. */
export function addYears(date: string, n: number): string {
  requireWholeNumber(n);
  return addMonths(date, n * 12);
}

/** -1 when `a` is before `b`, 0 when they are the same day, 1 when `a` is after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  requireParts(a);
  requireParts(b);
  // Zero-padded four-digit years: string order is date order.
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The UTC calendar date of an instant. */
export function calendarDateOf(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  return format(partsOfInstant(instant));
}

/** The instant a date is over: midnight UTC at the start of the next day. */
export function startOfDayAfter(date: string): Date {
  return new Date((epochDayOf(requireParts(date)) + 1) * MS_PER_DAY);
}

/**
 * The latest calendar date anywhere on Earth at `instant` (UTC+14). "Not in the future" is
 * judged against it, so a student east of UTC can give today's date.
 */
export function latestCalendarDateOf(instant: Date): string {
  return calendarDateOf(new Date(instant.getTime() + 14 * 3_600_000));
}
