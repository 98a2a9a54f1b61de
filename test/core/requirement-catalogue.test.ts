import { describe, expect, it } from 'vitest';
import { REQUIREMENT_CODES } from '../../functions/core/model/requirement-code.js';
import {
  dateFieldFor,
  overrideFieldFor,
  REQUIREMENT_CATALOGUE,
  resolveRequirement,
  type ValidityRule,
} from '../../functions/core/requirement-catalogue.js';

describe('REQUIREMENT_CATALOGUE', () => {
  it.each<[string, ValidityRule]>([
    ['MMR', { kind: 'once' }],
    ['VARICELLA', { kind: 'once' }],
    ['HEPATITIS_B', { kind: 'once' }],
    ['COVID19', { kind: 'once' }],
    ['TDAP', { kind: 'years-through-end', years: 10 }],
    ['TB', { kind: 'months-through-end', months: 12 }],
    ['HIPAA_TRAINING', { kind: 'months-through-end', months: 12 }],
    ['BACKGROUND_CHECK', { kind: 'months-through-start', months: 12 }],
    ['DRUG_SCREEN', { kind: 'months-through-start', months: 12 }],
    ['PHYSICAL_EXAM', { kind: 'months-through-start', months: 12 }],
    ['INFLUENZA', { kind: 'season' }],
    ['BLS', { kind: 'expiry-through-end' }],
    ['LIABILITY_INSURANCE', { kind: 'expiry-through-end' }],
    ['HEALTH_INSURANCE', { kind: 'expiry-through-end' }],
  ])('%s follows the rule in docs/design.md', (code, rule) => {
    expect(REQUIREMENT_CATALOGUE[code as keyof typeof REQUIREMENT_CATALOGUE].rule).toEqual(rule);
  });

  it.each(REQUIREMENT_CODES.map((code) => [code]))(
    '%s has a title, a one-sentence evidence text naming its date, and a noun',
    (code) => {
      const entry = REQUIREMENT_CATALOGUE[code];
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.evidence).toMatch(/^[A-Z].*\bdate\b.*\.$/);
      expect(entry.evidence.split('. ')).toHaveLength(1);
      expect(entry.noun.length).toBeGreaterThan(0);
    },
  );
});

describe('resolveRequirement', () => {
  it.each<[Parameters<typeof resolveRequirement>[0], ValidityRule]>([
    ['TB', { kind: 'months-through-end', months: 12 }],
    [
      { code: 'TB', months: 6 },
      { kind: 'months-through-end', months: 6 },
    ],
    [
      { code: 'BACKGROUND_CHECK', months: 3 },
      { kind: 'months-through-start', months: 3 },
    ],
    [
      { code: 'TDAP', years: 5 },
      { kind: 'years-through-end', years: 5 },
    ],
    [
      { code: 'TDAP', months: 6 },
      { kind: 'years-through-end', years: 10 },
    ],
    [
      { code: 'TB', years: 2 },
      { kind: 'months-through-end', months: 12 },
    ],
    [{ code: 'BLS', months: 6 }, { kind: 'expiry-through-end' }],
    [{ code: 'INFLUENZA' }, { kind: 'season' }],
  ])('resolves %j to the rule %j', (spec, rule) => {
    expect(resolveRequirement(spec).rule).toEqual(rule);
  });

  it('gives the code, title, evidence and date field with the rule', () => {
    expect(resolveRequirement({ code: 'TB', months: 6 })).toEqual({
      code: 'TB',
      title: REQUIREMENT_CATALOGUE.TB.title,
      evidence: REQUIREMENT_CATALOGUE.TB.evidence,
      noun: REQUIREMENT_CATALOGUE.TB.noun,
      rule: { kind: 'months-through-end', months: 6 },
      dateField: 'issuedOn',
    });
  });

  it('does not change the catalogue when an override is applied', () => {
    resolveRequirement({ code: 'TB', months: 3 });
    expect(REQUIREMENT_CATALOGUE.TB.rule).toEqual({ kind: 'months-through-end', months: 12 });
  });
});

describe('dateFieldFor', () => {
  it.each([
    ['BLS', 'expiresOn'],
    ['LIABILITY_INSURANCE', 'expiresOn'],
    ['HEALTH_INSURANCE', 'expiresOn'],
    ['MMR', 'issuedOn'],
    ['TDAP', 'issuedOn'],
    ['TB', 'issuedOn'],
    ['INFLUENZA', 'issuedOn'],
    ['DRUG_SCREEN', 'issuedOn'],
  ] as const)('%s asks for %s', (code, field) => {
    expect(dateFieldFor(code)).toBe(field);
  });
});

describe('overrideFieldFor', () => {
  it.each([
    ['TB', 'months'],
    ['PHYSICAL_EXAM', 'months'],
    ['TDAP', 'years'],
    ['MMR', undefined],
    ['INFLUENZA', undefined],
    ['BLS', undefined],
  ] as const)('%s takes %s', (code, field) => {
    expect(overrideFieldFor(code)).toBe(field);
  });
});
