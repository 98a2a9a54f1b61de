import { describe, expect, it } from 'vitest';
import { parseScheduleExpression } from '../../../../local/services/event-bridge/schedule-expression.js';

const at = (iso: string) => Date.parse(iso);
const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The next `count` runs after `fromIso`. */
function runs(expression: string, fromIso: string, count: number, startIso = fromIso): string[] {
  const schedule = parseScheduleExpression(expression, at(startIso));
  const found: string[] = [];
  let after = at(fromIso);
  for (let index = 0; index < count; index++) {
    after = schedule.nextRun(after);
    found.push(iso(after));
  }
  return found;
}

describe('when an EventBridge schedule runs next', () => {
  it('runs a rate every period from its start, never at the start itself', () => {
    expect(runs('rate(5 minutes)', '2030-01-01T00:00:00Z', 2)).toEqual([
      '2030-01-01T00:05:00.000Z',
      '2030-01-01T00:10:00.000Z',
    ]);
    expect(runs('rate(1 day)', '2030-01-01T12:00:00Z', 1, '2030-01-01T10:30:00Z')).toEqual([
      '2030-01-02T10:30:00.000Z',
    ]);
    expect(runs('rate(2 hours)', '2030-01-01T00:00:00Z', 1)).toEqual(['2030-01-01T02:00:00.000Z']);
  });

  it('runs a daily cron at its minute and hour in UTC, the next day once today’s has passed', () => {
    expect(runs('cron(15 3 * * ? *)', '2030-01-01T00:00:00Z', 2)).toEqual([
      '2030-01-01T03:15:00.000Z',
      '2030-01-02T03:15:00.000Z',
    ]);
    expect(runs('cron(15 3 * * ? *)', '2030-01-01T03:15:00Z', 1)).toEqual(['2030-01-02T03:15:00.000Z']);
  });

  it('reads lists, ranges and steps', () => {
    expect(runs('cron(0,30 9-10 * * ? *)', '2030-01-01T00:00:00Z', 5)).toEqual([
      '2030-01-01T09:00:00.000Z',
      '2030-01-01T09:30:00.000Z',
      '2030-01-01T10:00:00.000Z',
      '2030-01-01T10:30:00.000Z',
      '2030-01-02T09:00:00.000Z',
    ]);
    expect(runs('cron(*/20 * * * ? *)', '2030-01-01T00:00:00Z', 3)).toEqual([
      '2030-01-01T00:20:00.000Z',
      '2030-01-01T00:40:00.000Z',
      '2030-01-01T01:00:00.000Z',
    ]);
    expect(runs('cron(0 8 1/10 * ? *)', '2030-01-02T00:00:00Z', 3)).toEqual([
      '2030-01-11T08:00:00.000Z',
      '2030-01-21T08:00:00.000Z',
      '2030-01-31T08:00:00.000Z',
    ]);
  });

  it('takes day-of-week with 1 as Sunday, and day and month names', () => {
    // 2030-01-01 is a Tuesday.
    expect(runs('cron(0 7 ? * MON-FRI *)', '2030-01-04T08:00:00Z', 2)).toEqual([
      '2030-01-07T07:00:00.000Z',
      '2030-01-08T07:00:00.000Z',
    ]);
    expect(runs('cron(0 7 ? * 1 *)', '2030-01-01T00:00:00Z', 1)).toEqual(['2030-01-06T07:00:00.000Z']);
    expect(runs('cron(0 0 1 MAR ? 2031)', '2030-01-01T00:00:00Z', 1)).toEqual(['2031-03-01T00:00:00.000Z']);
  });

  it('rolls over month and year ends, and skips months without the day', () => {
    expect(runs('cron(0 0 31 * ? *)', '2030-01-31T00:00:00Z', 2)).toEqual([
      '2030-03-31T00:00:00.000Z',
      '2030-05-31T00:00:00.000Z',
    ]);
    expect(runs('cron(59 23 31 12 ? *)', '2030-12-31T23:59:00Z', 1)).toEqual(['2031-12-31T23:59:00.000Z']);
  });

  it('refuses what EventBridge refuses or this does not support', () => {
    for (const expression of [
      'rate(0 minutes)',
      'rate(5 weeks)',
      'cron(0 3 * * *)',
      'cron(61 3 * * ? *)',
      'cron(0 3 1 * MON *)',
      'cron(0 3 L * ? *)',
      'at(2030-01-01T00:00:00)',
    ]) {
      expect(() => parseScheduleExpression(expression, 0), expression).toThrow(
        expect.objectContaining({ name: 'ScheduleExpressionError' }),
      );
    }
  });
});
