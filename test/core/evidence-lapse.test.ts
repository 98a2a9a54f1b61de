import { describe, expect, it } from 'vitest';
import { evidenceLapsesOn } from '../../functions/core/evidence-lapse.js';
import type { ValidityRule } from '../../functions/core/requirement-catalogue.js';

describe('the last day evidence counts', () => {
  it.each<[string, ValidityRule, { issuedOn?: string; expiresOn?: string }, string | undefined]>([
    [
      'an expiry date is the last day',
      { kind: 'expiry-through-end' },
      { expiresOn: '2026-06-30' },
      '2026-06-30',
    ],
    ['no expiry date: unknown', { kind: 'expiry-through-end' }, {}, undefined],
    ['a once-only record never lapses', { kind: 'once' }, { issuedOn: '2010-01-01' }, undefined],
    [
      'a year rule counts from the issue date',
      { kind: 'years-through-end', years: 2 },
      { issuedOn: '2024-03-15' },
      '2026-03-15',
    ],
    [
      'a month rule counts from the issue date',
      { kind: 'months-through-start', months: 12 },
      { issuedOn: '2025-01-31' },
      '2026-01-31',
    ],
    [
      'a flu shot lapses at the end of its season',
      { kind: 'season' },
      { issuedOn: '2025-10-01' },
      '2026-07-31',
    ],
    [
      'a date that is not a date: unknown',
      { kind: 'months-through-end', months: 6 },
      { issuedOn: '2025-13-01' },
      undefined,
    ],
  ])('%s', (_name, rule, evidence, expected) => {
    expect(evidenceLapsesOn(rule, evidence)).toBe(expected);
  });
});
