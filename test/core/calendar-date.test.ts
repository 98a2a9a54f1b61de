import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  calendarDateOf,
  compareDates,
  isCalendarDate,
  latestCalendarDateOf,
  startOfDayAfter,
} from '../../functions/core/calendar-date.js';

describe('isCalendarDate', () => {
  it.each([['2025-01-31'], ['2024-02-29'], ['2000-02-29'], ['2025-12-31'], ['0999-06-15']])(
    'accepts the real date %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(true);
    },
  );

  it.each([
    ['2025-02-30', 'a 30 February'],
    ['2023-02-29', 'a 29 February in a common year'],
    ['1900-02-29', 'a 29 February in a century that is not a leap year'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-04-31', 'a 31 April'],
    ['2025-01-00', 'day 0'],
    ['2025-1-5', 'unpadded month and day'],
    ['25-01-05', 'a two-digit year'],
    ['2025/01/05', 'slashes'],
    ['2025-01-05T00:00:00Z', 'a timestamp'],
    [' 2025-01-05', 'leading space'],
    ['2025-01-05\n', 'a trailing newline'],
    ['２０２５-01-05', 'non-ASCII digits'],
    ['', 'an empty string'],
    [20250105, 'a number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [new Date('2025-01-05'), 'a Date object'],
  ] as [unknown, string][])('rejects %j (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-15', -14, '2025-01-01'],
    ['2025-01-15', 0, '2025-01-15'],
    ['2024-01-01', 366, '2025-01-01'],
    ['0050-01-01', 1, '0050-01-02'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('refuses a fractional number of days', () => {
    expect(() => addDays('2025-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28', 'clamps to the end of February'],
    ['2024-01-31', 1, '2024-02-29', 'clamps to 29 February in a leap year'],
    ['2025-03-31', 1, '2025-04-30', 'clamps to a 30-day month'],
    ['2025-01-15', 1, '2025-02-15', 'keeps the day when it exists'],
    ['2025-11-30', 2, '2026-01-30', 'crosses a year'],
    ['2025-05-31', 12, '2026-05-31', 'adds a whole year in months'],
    ['2025-03-31', -1, '2025-02-28', 'goes back and clamps'],
    ['2025-01-10', -1, '2024-12-10', 'goes back across a year'],
    ['2025-06-15', -18, '2023-12-15', 'goes back more than a year'],
    ['2025-06-15', 0, '2025-06-15', 'adds nothing'],
  ])('%s + %i months = %s (%s)', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('addYears', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28', '29 February lands on 28 February in a common year'],
    ['2024-02-29', 4, '2028-02-29', '29 February stays in the next leap year'],
    ['2015-06-15', 10, '2025-06-15', 'ten years'],
    ['2025-06-15', -10, '2015-06-15', 'back ten years'],
  ])('%s + %i years = %s (%s)', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('compareDates', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('refuses a malformed date instead of comparing strings', () => {
    expect(() => compareDates('2025-1-5', '2025-01-05')).toThrow(RangeError);
  });
});

describe('calendarDateOf', () => {
  it.each([
    ['2025-06-15T00:00:00.000Z', '2025-06-15'],
    ['2025-06-15T23:59:59.999Z', '2025-06-15'],
    ['2025-06-15T23:30:00-05:00', '2025-06-16'],
    ['2024-02-29T12:00:00Z', '2024-02-29'],
  ])('the UTC date of %s is %s', (instant, expected) => {
    expect(calendarDateOf(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => calendarDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('startOfDayAfter', () => {
  it.each([
    ['2025-06-15', '2025-06-16T00:00:00.000Z'],
    ['2025-12-31', '2026-01-01T00:00:00.000Z'],
    ['2024-02-28', '2024-02-29T00:00:00.000Z'],
  ])('%s is over at %s', (date, expected) => {
    expect(startOfDayAfter(date).toISOString()).toBe(expected);
  });
});

describe('latestCalendarDateOf', () => {
  it.each([
    ['2026-11-25T09:59:59Z', '2026-11-25'],
    ['2026-11-25T10:00:00Z', '2026-11-26'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s the latest date on Earth (UTC+14) is %s', (instant, expected) => {
    expect(latestCalendarDateOf(new Date(instant))).toBe(expected);
  });
});
