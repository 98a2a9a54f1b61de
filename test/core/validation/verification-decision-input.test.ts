import { describe, expect, it } from 'vitest';
import { REJECTION_REASON_CODES } from '../../../functions/core/model/rejection-reason-code.js';
import type { RequirementCode } from '../../../functions/core/model/requirement-code.js';
import type { SiteRequirementSpec } from '../../../functions/core/model/site.js';
import { resolveRequirement } from '../../../functions/core/requirement-catalogue.js';
import {
  type DecisionContext,
  parseVerificationDecisionInput,
} from '../../../functions/core/validation/verification-decision-input.js';
import { issueMessage, issuePaths } from './issue-paths.js';

const rotation = { startDate: '2026-03-02', endDate: '2026-04-24' };
const today = '2026-02-01';
const contextFor = (spec: SiteRequirementSpec): DecisionContext => ({
  requirement: resolveRequirement(spec),
  rotation,
  today,
});
const TB = contextFor('TB');

describe('parseVerificationDecisionInput', () => {
  it('accepts a plain verify', () => {
    expect(parseVerificationDecisionInput({ decision: 'verify' }, TB)).toEqual({ decision: 'verify' });
  });

  it.each(REJECTION_REASON_CODES.filter((code) => code !== 'OTHER'))('accepts a rejection for %s', (code) => {
    expect(parseVerificationDecisionInput({ decision: 'reject', reasonCode: code }, TB)).toEqual({
      decision: 'reject',
      reasonCode: code,
    });
  });

  it('accepts OTHER with a note, trimmed, keeping line breaks', () => {
    expect(
      parseVerificationDecisionInput(
        { decision: 'reject', reasonCode: 'OTHER', note: ' Wrong year.\nSee 2025. ' },
        TB,
      ),
    ).toEqual({ decision: 'reject', reasonCode: 'OTHER', note: 'Wrong year.\nSee 2025.' });
  });

  it.each<[string, unknown, string[]]>([
    ['a body that is not an object', 'verify', ['body']],
    ['no decision', {}, ['decision']],
    ['an unknown decision', { decision: 'approve' }, ['decision']],
    ['a rejection without a reason code', { decision: 'reject' }, ['reasonCode']],
    ['an unknown reason code', { decision: 'reject', reasonCode: 'BLURRY' }, ['reasonCode']],
    ['OTHER without a note', { decision: 'reject', reasonCode: 'OTHER' }, ['note']],
    ['OTHER with a blank note', { decision: 'reject', reasonCode: 'OTHER', note: '   ' }, ['note']],
    [
      'a note over 2,000 characters',
      { decision: 'reject', reasonCode: 'ILLEGIBLE', note: 'x'.repeat(2001) },
      ['note'],
    ],
    ['a note that is not text', { decision: 'verify', note: 42 }, ['note']],
    ['a reason code with verify', { decision: 'verify', reasonCode: 'ILLEGIBLE' }, ['reasonCode']],
    [
      'a corrected date with reject',
      { decision: 'reject', reasonCode: 'ILLEGIBLE', issuedOn: '2026-01-10' },
      ['issuedOn'],
    ],
    ['an impossible issuedOn', { decision: 'verify', issuedOn: '2026-02-30' }, ['issuedOn']],
    ['an expiresOn not written YYYY-MM-DD', { decision: 'verify', expiresOn: '30/06/2027' }, ['expiresOn']],
    [
      'several bad fields at once',
      { decision: 'reject', reasonCode: 'OTHER', issuedOn: 'x' },
      ['note', 'issuedOn'],
    ],
  ])('refuses %s, naming the field', (_name, body, paths) => {
    expect(issuePaths(() => parseVerificationDecisionInput(body, TB))).toEqual(paths);
  });

  it('accepts a note of exactly 2,000 characters', () => {
    const note = 'x'.repeat(2000);
    expect(parseVerificationDecisionInput({ decision: 'verify', note }, TB).note).toBe(note);
  });

  /** Corrected dates are judged by the requirement's own rule, as uploads are (rotation 2026-03-02 to 2026-04-24). */
  it.each<[string, SiteRequirementSpec, 'issuedOn' | 'expiresOn', string, string, RegExp]>([
    ['once (MMR)', 'MMR', 'issuedOn', '2010-05-01', '2026-03-01', /after today/],
    [
      'years through end (TDAP, 10)',
      'TDAP',
      'issuedOn',
      '2017-01-01',
      '2016-04-01',
      /before your rotation ends/,
    ],
    [
      'months through end (TB, 12)',
      'TB',
      'issuedOn',
      '2025-05-01',
      '2025-04-01',
      /before your rotation ends/,
    ],
    [
      'a site override (TB, 6 months)',
      { code: 'TB', months: 6 },
      'issuedOn',
      '2025-11-01',
      '2025-09-01',
      /before your rotation ends/,
    ],
    [
      'months through start (BACKGROUND_CHECK, 12)',
      'BACKGROUND_CHECK',
      'issuedOn',
      '2025-03-02',
      '2025-03-01',
      /before your rotation starts/,
    ],
    ['season (INFLUENZA)', 'INFLUENZA', 'issuedOn', '2025-09-15', '2025-07-31', /flu season/],
    ['expiry through end (BLS)', 'BLS', 'expiresOn', '2026-04-24', '2026-04-23', /before your rotation ends/],
  ])('judges a corrected date by the %s rule', (_rule, spec, field, good, bad, problem) => {
    const context = contextFor(spec);
    expect(parseVerificationDecisionInput({ decision: 'verify', [field]: good }, context)).toEqual({
      decision: 'verify',
      [field]: good,
    });
    expect(
      issuePaths(() => parseVerificationDecisionInput({ decision: 'verify', [field]: bad }, context)),
    ).toEqual([field]);
    expect(
      issueMessage(
        () => parseVerificationDecisionInput({ decision: 'verify', [field]: bad }, context),
        field,
      ),
    ).toMatch(problem);
  });

  it('keeps a corrected date the rule does not read without judging it', () => {
    const code: RequirementCode = 'TB';
    expect(
      parseVerificationDecisionInput({ decision: 'verify', expiresOn: '2020-01-01' }, contextFor(code)),
    ).toEqual({
      decision: 'verify',
      expiresOn: '2020-01-01',
    });
  });
});
