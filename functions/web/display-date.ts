/** Dates as people read them in pages and emails. Locale-independent, so output is stable. */

/** Month names, January first (the portal script spells dates with them too). */
export const MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-06-02` → `2 June 2025`. Anything that is not a calendar date is shown as given. */
export const displayDate = (calendarDate: string): string => {
  const match = CALENDAR_DATE.exec(calendarDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return calendarDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
};

/** `2025-06-02` and `2025-08-29` → `2 June 2025 to 29 August 2025`. */
export const displayDateRange = (startDate: string, endDate: string): string =>
  `${displayDate(startDate)} to ${displayDate(endDate)}`;

/** An ISO-8601 instant → `2 June 2025 at 14:05 UTC`. Anything unparseable is shown as given. */
export const displayInstant = (instant: string): string => {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  const iso = parsed.toISOString();
  return `${displayDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
};
