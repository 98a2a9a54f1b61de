/** Durations and counts as staff read them on the dashboard and in reports. */

const oneDecimal = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');

const plural = (value: number, unit: string): string =>
  `${oneDecimal(value)} ${unit}${value === 1 ? '' : 's'}`;

/** `3.25` → `3.3 days`; undefined (nothing measured yet) → `–` with a spoken "not measured yet". */
export const displayDays = (days: number | undefined): string =>
  days === undefined ? 'Not measured yet' : plural(days, 'day');

/** Hours, switching to days from 48 hours on: `5` → `5 hours`, `60` → `2.5 days`. */
export const displayHours = (hours: number | undefined): string => {
  if (hours === undefined) return 'Not measured yet';
  return hours >= 48 ? plural(hours / 24, 'day') : plural(hours, 'hour');
};

/** `1234` → `1,234`. */
export const displayCount = (count: number): string => count.toLocaleString('en-US');
