import { describe, expect, it } from 'vitest';
import {
  checkEvidence,
  type EvidenceDates,
  earliestIssueDate,
  fluSeasonOf,
} from '../../functions/core/evidence-validity.js';
import type { ValidityRule } from '../../functions/core/requirement-catalogue.js';

const ONCE: ValidityRule = { kind: 'once' };
const TDAP: ValidityRule = { kind: 'years-through-end', years: 10 };
const TB: ValidityRule = { kind: 'months-through-end', months: 12 };
const BACKGROUND: ValidityRule = { kind: 'months-through-start', months: 12 };
const FLU: ValidityRule = { kind: 'season' };
const EXPIRY: ValidityRule = { kind: 'expiry-through-end' };

const rotation = { startDate: '2026-01-05', endDate: '2026-06-15' };
const today = '2025-12-01';

interface Case {
  name: string;
  rule: ValidityRule;
  evidence: EvidenceDates;
  rotation?: { startDate: string; endDate: string };
  today?: string;
  valid: boolean;
  reason?: string;
}

const cases: Case[] = [
  // once
  { name: 'once: an old record counts', rule: ONCE, evidence: { issuedOn: '2005-03-10' }, valid: true },
  { name: 'once: a record issued today counts', rule: ONCE, evidence: { issuedOn: today }, valid: true },
  {
    name: 'once: a record dated tomorrow does not count',
    rule: ONCE,
    evidence: { issuedOn: '2025-12-02' },
    valid: false,
    reason:
      'This document is dated 2025-12-02, which is after today (2025-12-01). Enter the date it was issued.',
  },
  {
    name: 'once: no issue date',
    rule: ONCE,
    evidence: {},
    valid: false,
    reason: 'This document has no issue date. Enter the date it was issued, as YYYY-MM-DD.',
  },
  {
    name: 'once: an expiry date instead of an issue date',
    rule: ONCE,
    evidence: { expiresOn: '2030-01-01' },
    valid: false,
  },
  {
    name: 'once: an impossible issue date',
    rule: ONCE,
    evidence: { issuedOn: '2025-02-30' },
    valid: false,
    reason: 'This document has an issue date that is not a real date. Enter it as YYYY-MM-DD.',
  },
  { name: 'once: an unpadded issue date', rule: ONCE, evidence: { issuedOn: '2025-2-3' }, valid: false },

  // years N through end (TDAP, 10)
  {
    name: 'TDAP: lapsing exactly on the end date counts',
    rule: TDAP,
    evidence: { issuedOn: '2016-06-15' },
    valid: true,
  },
  {
    name: 'TDAP: lapsing the day before the end date does not count',
    rule: TDAP,
    evidence: { issuedOn: '2016-06-14' },
    valid: false,
    reason:
      'This document expires on 2026-06-14, before your rotation ends on 2026-06-15. Upload one dated 2016-06-15 or later.',
  },
  {
    name: 'TDAP: 29 February plus ten years is 28 February',
    rule: TDAP,
    evidence: { issuedOn: '2016-02-29' },
    rotation: { startDate: '2026-02-01', endDate: '2026-02-28' },
    today: '2026-01-10',
    valid: true,
  },
  {
    name: 'TDAP: 29 February plus ten years does not reach 1 March',
    rule: TDAP,
    evidence: { issuedOn: '2016-02-29' },
    rotation: { startDate: '2026-02-01', endDate: '2026-03-01' },
    today: '2026-01-10',
    valid: false,
    reason:
      'This document expires on 2026-02-28, before your rotation ends on 2026-03-01. Upload one dated 2016-03-01 or later.',
  },

  // months N through end (TB, 12)
  {
    name: 'TB: lapsing exactly on the end date counts',
    rule: TB,
    evidence: { issuedOn: '2025-06-15' },
    valid: true,
  },
  {
    name: 'TB: lapsing the day before the end date does not count',
    rule: TB,
    evidence: { issuedOn: '2025-06-14' },
    valid: false,
    reason:
      'This document expires on 2026-06-14, before your rotation ends on 2026-06-15. Upload one dated 2025-06-15 or later.',
  },
  {
    name: 'TB: 29 February plus 12 months reaches 28 February',
    rule: TB,
    evidence: { issuedOn: '2024-02-29' },
    rotation: { startDate: '2025-01-10', endDate: '2025-02-28' },
    today: '2025-01-01',
    valid: true,
  },
  {
    name: 'TB: 28 February 2023 plus 12 months does not reach 29 February 2024',
    rule: TB,
    evidence: { issuedOn: '2023-02-28' },
    rotation: { startDate: '2024-01-10', endDate: '2024-02-29' },
    today: '2024-01-01',
    valid: false,
    reason:
      'This document expires on 2024-02-28, before your rotation ends on 2024-02-29. Upload one dated 2023-03-01 or later.',
  },
  {
    name: 'a one-month override: 31 January plus one month reaches 28 February',
    rule: { kind: 'months-through-end', months: 1 },
    evidence: { issuedOn: '2025-01-31' },
    rotation: { startDate: '2025-02-01', endDate: '2025-02-28' },
    today: '2025-02-01',
    valid: true,
  },
  {
    name: 'a one-month override: 31 January plus one month does not reach 1 March',
    rule: { kind: 'months-through-end', months: 1 },
    evidence: { issuedOn: '2025-01-31' },
    rotation: { startDate: '2025-02-01', endDate: '2025-03-01' },
    today: '2025-02-01',
    valid: false,
    reason:
      'This document expires on 2025-02-28, before your rotation ends on 2025-03-01. Upload one dated 2025-02-01 or later.',
  },
  {
    name: 'a six-month TB override refuses a test that 12 months would accept',
    rule: { kind: 'months-through-end', months: 6 },
    evidence: { issuedOn: '2025-11-01' },
    rotation: { startDate: '2026-04-01', endDate: '2026-06-15' },
    today: '2025-12-01',
    valid: false,
    reason:
      'This document expires on 2026-05-01, before your rotation ends on 2026-06-15. Upload one dated 2025-12-15 or later.',
  },
  {
    name: 'TB: a test dated tomorrow does not count even though the window would cover it',
    rule: TB,
    evidence: { issuedOn: '2025-12-02' },
    valid: false,
  },

  // months N through start (BACKGROUND_CHECK, 12)
  {
    name: 'background check: lapsing exactly on the start date counts',
    rule: BACKGROUND,
    evidence: { issuedOn: '2025-01-05' },
    valid: true,
  },
  {
    name: 'background check: lapsing the day before the start date does not count',
    rule: BACKGROUND,
    evidence: { issuedOn: '2025-01-04' },
    valid: false,
    reason:
      'This document expires on 2026-01-04, before your rotation starts on 2026-01-05. Upload one dated 2025-01-05 or later.',
  },
  {
    name: 'background check: lapsing during the rotation still counts (only the start matters)',
    rule: BACKGROUND,
    evidence: { issuedOn: '2025-03-01' },
    valid: true,
  },

  // season (INFLUENZA)
  {
    name: 'flu: a shot on 1 August counts for a rotation ending in the same season',
    rule: FLU,
    evidence: { issuedOn: '2025-08-01' },
    valid: true,
  },
  {
    name: 'flu: a shot on 31 July belongs to the previous season',
    rule: FLU,
    evidence: { issuedOn: '2025-07-31' },
    valid: false,
    reason:
      'This document is dated 2025-07-31, outside the flu season your rotation ends in (2025-08-01 to 2026-07-31). ' +
      'Upload one given between 2025-08-01 and 2026-07-31.',
  },
  {
    name: 'flu: a rotation ending on 31 July is still in the season that began the August before',
    rule: FLU,
    evidence: { issuedOn: '2025-08-01' },
    rotation: { startDate: '2026-07-01', endDate: '2026-07-31' },
    today: '2026-06-01',
    valid: true,
  },
  {
    name: 'flu: a rotation ending on 1 August needs a shot from the new season',
    rule: FLU,
    evidence: { issuedOn: '2026-07-31' },
    rotation: { startDate: '2026-07-01', endDate: '2026-08-01' },
    today: '2026-08-01',
    valid: false,
  },
  {
    name: 'flu: a shot on 1 August counts for a rotation ending that day',
    rule: FLU,
    evidence: { issuedOn: '2026-08-01' },
    rotation: { startDate: '2026-07-01', endDate: '2026-08-01' },
    today: '2026-08-01',
    valid: true,
  },
  {
    name: 'flu: a shot in the right season but after today does not count',
    rule: FLU,
    evidence: { issuedOn: '2026-01-10' },
    valid: false,
    reason:
      'This document is dated 2026-01-10, which is after today (2025-12-01). Enter the date it was issued.',
  },
  { name: 'flu: no issue date', rule: FLU, evidence: {}, valid: false },

  // expiry through end (BLS, insurance)
  {
    name: 'BLS: expiring on the end date counts',
    rule: EXPIRY,
    evidence: { expiresOn: '2026-06-15' },
    valid: true,
  },
  {
    name: 'BLS: expiring the day before the end date does not count',
    rule: EXPIRY,
    evidence: { expiresOn: '2026-06-14' },
    valid: false,
    reason:
      'This document expires on 2026-06-14, before your rotation ends on 2026-06-15. Upload one that is valid until 2026-06-15 or later.',
  },
  {
    name: 'BLS: no expiry date',
    rule: EXPIRY,
    evidence: { issuedOn: '2025-01-01' },
    valid: false,
    reason: 'This document has no expiry date. Enter the date it expires, as YYYY-MM-DD.',
  },
  {
    name: 'BLS: an impossible expiry date',
    rule: EXPIRY,
    evidence: { expiresOn: '2027-02-29' },
    valid: false,
    reason: 'This document has an expiry date that is not a real date. Enter it as YYYY-MM-DD.',
  },
  {
    name: 'BLS: an issue date is not looked at, even in the future',
    rule: EXPIRY,
    evidence: { issuedOn: '2030-01-01', expiresOn: '2027-01-01' },
    valid: true,
  },
];

describe('checkEvidence', () => {
  it.each(cases)('$name', (c) => {
    const result = checkEvidence(c.rule, c.evidence, c.rotation ?? rotation, c.today ?? today);
    expect(result.valid).toBe(c.valid);
    if (c.reason !== undefined) expect(result).toEqual({ valid: false, reason: c.reason });
  });

  it.each([
    ['once', ONCE],
    ['years through end', TDAP],
    ['months through end', TB],
    ['months through start', BACKGROUND],
    ['season', FLU],
  ])('refuses an issue date after today for the %s rule', (_name, rule) => {
    const result = checkEvidence(rule, { issuedOn: '2025-12-02' }, rotation, '2025-12-01');
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('after today (2025-12-01)') });
  });

  it('starts the reason with the given subject, as in the example for students', () => {
    const result = checkEvidence(
      TB,
      { issuedOn: '2025-05-31' },
      { startDate: '2026-05-01', endDate: '2026-06-15' },
      '2025-12-01',
      'This TB test',
    );
    expect(result).toEqual({
      valid: false,
      reason:
        'This TB test expires on 2026-05-31, before your rotation ends on 2026-06-15. Upload one dated 2025-06-15 or later.',
    });
  });

  it.each([
    [{ startDate: '2026-02-30', endDate: '2026-06-15' }, today],
    [{ startDate: '2026-01-05', endDate: '' }, today],
    [rotation, '2025-12-1'],
  ])('throws on malformed rotation dates or today (%j, %s): a programming error', (dates, day) => {
    expect(() => checkEvidence(ONCE, { issuedOn: '2020-01-01' }, dates, day)).toThrow(RangeError);
  });
});

describe('fluSeasonOf', () => {
  it.each([
    ['2025-07-31', '2024-08-01', '2025-07-31'],
    ['2025-08-01', '2025-08-01', '2026-07-31'],
    ['2026-01-15', '2025-08-01', '2026-07-31'],
    ['2025-12-31', '2025-08-01', '2026-07-31'],
  ])('%s is in the season %s to %s', (date, start, end) => {
    expect(fluSeasonOf(date)).toEqual({ start, end });
  });
});

describe('earliestIssueDate', () => {
  it.each<[string, ValidityRule, { startDate: string; endDate: string }, string | undefined]>([
    ['12 months through end', TB, rotation, '2025-06-15'],
    ['12 months through start', BACKGROUND, rotation, '2025-01-05'],
    ['10 years through end', TDAP, rotation, '2016-06-15'],
    ['12 months to a leap day', TB, { startDate: '2024-01-01', endDate: '2024-02-29' }, '2023-03-01'],
    [
      'one month to 31 March (28 February + 1 month is only 28 March)',
      { kind: 'months-through-end', months: 1 },
      { startDate: '2025-03-01', endDate: '2025-03-31' },
      '2025-03-01',
    ],
    ['the flu season', FLU, rotation, '2025-08-01'],
    ['once: any past date', ONCE, rotation, undefined],
    ['expiry: the rule reads expiresOn', EXPIRY, rotation, undefined],
  ])('%s', (_name, rule, dates, expected) => {
    expect(earliestIssueDate(rule, dates)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 12],
    ['2025-03-31', 1],
    ['2025-05-31', 3],
    ['2026-01-01', 12],
    ['2025-12-31', 2],
  ])(
    'for an end date of %s and %i months, the day before the earliest date fails and the earliest passes',
    (endDate, months) => {
      const rule: ValidityRule = { kind: 'months-through-end', months };
      const dates = { startDate: endDate, endDate };
      const earliest = earliestIssueDate(rule, dates) ?? '';
      const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(checkEvidence(rule, { issuedOn: earliest }, dates, endDate).valid).toBe(true);
      expect(checkEvidence(rule, { issuedOn: dayBefore }, dates, endDate).valid).toBe(false);
    },
  );
});
