/**
 * EventBridge schedule expressions: `rate(N minute|minutes|hour|hours|day|days)` and the 6-field
 * `cron(minutes hours day-of-month month day-of-week year)` in UTC, with `*`, `?`, lists, ranges,
 * steps (`a/n`, `a-b/n`, `* /n`), month names JAN–DEC and day names SUN–SAT (day-of-week 1 = Sunday).
 * `L`, `W` and `#` are refused (no rule of the template uses them).
 */
export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
}

/** When a schedule runs next: the first run strictly after `afterEpochMs`. */
export interface Schedule {
  expression: string;
  nextRun(afterEpochMs: number): number;
}

const MINUTE_MS = 60_000;
const RATE_UNITS: Record<string, number> = {
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  hour: 60 * MINUTE_MS,
  hours: 60 * MINUTE_MS,
  day: 24 * 60 * MINUTE_MS,
  days: 24 * 60 * MINUTE_MS,
};

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: FieldSpec[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS },
  { name: 'year', min: 1970, max: 2199 },
];

/** Parses a rule's `ScheduleExpression`; a `rate` counts from `startEpochMs`. */
export function parseScheduleExpression(expression: string, startEpochMs: number): Schedule {
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(expression.trim());
  if (rate) {
    const amount = Number(rate[1]);
    const unit = RATE_UNITS[rate[2] ?? ''];
    if (!unit || !(amount > 0)) throw new ScheduleExpressionError(`${expression}: not a valid rate.`);
    const period = amount * unit;
    return {
      expression,
      nextRun: (after) => startEpochMs + (Math.floor((after - startEpochMs) / period) + 1) * period,
    };
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim());
  if (cron) return cronSchedule(expression, (cron[1] ?? '').trim().split(/\s+/));
  throw new ScheduleExpressionError(`${expression}: not a rate(...) or cron(...) expression.`);
}

/** The values a field allows, or undefined for `?` (no restriction, the other day field decides). */
function parseField(text: string, spec: FieldSpec, expression: string): Set<number> | undefined {
  if (text === '?') {
    if (spec.name !== 'day-of-month' && spec.name !== 'day-of-week') {
      throw new ScheduleExpressionError(`${expression}: "?" is only for day-of-month or day-of-week.`);
    }
    return undefined;
  }
  const value = (token: string) => {
    const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
    const number = index >= 0 ? index + spec.min : Number(token);
    if (!/^\d+$/.test(token) && index < 0) {
      throw new ScheduleExpressionError(`${expression}: "${token}" is not supported in ${spec.name}.`);
    }
    if (number < spec.min || number > spec.max) {
      throw new ScheduleExpressionError(`${expression}: ${token} is out of range for ${spec.name}.`);
    }
    return number;
  };
  const allowed = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) {
      throw new ScheduleExpressionError(`${expression}: "${part}" has no valid step.`);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.max;
    } else if (range.includes('-')) {
      const [start = '', end = ''] = range.split('-');
      from = value(start);
      to = value(end);
    } else {
      from = value(range);
      to = stepText === undefined ? from : spec.max;
    }
    if (from > to) throw new ScheduleExpressionError(`${expression}: "${part}" is an empty range.`);
    for (let item = from; item <= to; item += step) allowed.add(item);
  }
  return allowed;
}

function cronSchedule(expression: string, fields: string[]): Schedule {
  if (fields.length !== 6) {
    throw new ScheduleExpressionError(
      `${expression}: cron needs 6 fields (minutes hours day month weekday year).`,
    );
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek, years] = FIELDS.map((spec, index) =>
    parseField(fields[index] ?? '', spec, expression),
  );
  if (daysOfMonth !== undefined && daysOfWeek !== undefined && fields[2] !== '*' && fields[4] !== '*') {
    throw new ScheduleExpressionError(`${expression}: one of day-of-month and day-of-week must be "?".`);
  }
  const allows = (set: Set<number> | undefined, value: number) => set === undefined || set.has(value);
  const dayAllowed = (date: Date) =>
    allows(daysOfMonth, date.getUTCDate()) && allows(daysOfWeek, date.getUTCDay() + 1);
  return {
    expression,
    nextRun: (after) => {
      const at = new Date(Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
      // Each step moves to the next candidate of the first field that does not match; a bounded walk.
      for (let steps = 0; steps < 100_000; steps++) {
        if (at.getUTCFullYear() > 2199) break;
        if (!allows(years, at.getUTCFullYear())) {
          at.setUTCFullYear(at.getUTCFullYear() + 1, 0, 1);
          at.setUTCHours(0, 0, 0, 0);
        } else if (!allows(months, at.getUTCMonth() + 1)) {
          at.setUTCMonth(at.getUTCMonth() + 1, 1);
          at.setUTCHours(0, 0, 0, 0);
        } else if (!dayAllowed(at)) {
          at.setUTCDate(at.getUTCDate() + 1);
          at.setUTCHours(0, 0, 0, 0);
        } else if (!allows(hours, at.getUTCHours())) {
          at.setUTCHours(at.getUTCHours() + 1, 0, 0, 0);
        } else if (!allows(minutes, at.getUTCMinutes())) {
          at.setUTCMinutes(at.getUTCMinutes() + 1, 0, 0);
        } else {
          return at.getTime();
        }
      }
      throw new ScheduleExpressionError(`${expression}: never runs after ${new Date(after).toISOString()}.`);
    },
  };
}
