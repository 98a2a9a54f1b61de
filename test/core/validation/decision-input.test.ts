import { describe, expect, it } from 'vitest';
import type { RequirementCode } from '../../../functions/core/model/requirement-code.js';
import { parseDecisionInput } from '../../../functions/core/validation/decision-input.js';
import { issuePaths } from './issue-paths.js';

const codes: RequirementCode[] = ['MMR', 'TB', 'BLS'];

describe('parseDecisionInput', () => {
  it.each<[string, unknown, object]>([
    ['an approval', { decision: 'approve' }, { decision: 'approve' }],
    [
      'an approval with a note',
      { decision: 'approve', reason: ' Welcome! ' },
      { decision: 'approve', reason: 'Welcome!' },
    ],
    [
      'an approval ignores requirement codes',
      { decision: 'approve', requirementCodes: ['NOPE'] },
      { decision: 'approve' },
    ],
    [
      'a decline with a reason',
      { decision: 'decline', reason: 'No capacity.' },
      { decision: 'decline', reason: 'No capacity.' },
    ],
    [
      'a change request',
      { decision: 'request-changes', reason: 'Blurry scans.', requirementCodes: ['TB', 'MMR', 'TB'] },
      { decision: 'request-changes', reason: 'Blurry scans.', requirementCodes: ['TB', 'MMR'] },
    ],
    [
      'a change request from a form with one ticked box',
      { decision: 'request-changes', reason: 'Blurry.', requirementCodes: 'BLS' },
      { decision: 'request-changes', reason: 'Blurry.', requirementCodes: ['BLS'] },
    ],
  ])('accepts %s', (_name, body, expected) => {
    expect(parseDecisionInput(body, codes)).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['no decision', {}, ['decision']],
    ['an unknown decision', { decision: 'maybe' }, ['decision']],
    ['a decision in upper case', { decision: 'APPROVE' }, ['decision']],
    ['a decline without a reason', { decision: 'decline' }, ['reason']],
    ['a decline with a blank reason', { decision: 'decline', reason: ' ' }, ['reason']],
    ['a reason over 2000 characters', { decision: 'decline', reason: 'x'.repeat(2001) }, ['reason']],
    ['a change request without anything', { decision: 'request-changes' }, ['reason', 'requirementCodes']],
    [
      'a change request with no codes',
      { decision: 'request-changes', reason: 'r', requirementCodes: [] },
      ['requirementCodes'],
    ],
    [
      'a change request naming a code the placement does not have',
      { decision: 'request-changes', reason: 'r', requirementCodes: ['TB', 'DRUG_SCREEN'] },
      ['requirementCodes[1]'],
    ],
    [
      'a change request with an unknown and a non-string code',
      { decision: 'request-changes', reason: 'r', requirementCodes: ['XRAY', 'MMR', 3] },
      ['requirementCodes[0]', 'requirementCodes[2]'],
    ],
    ['a body that is null', null, ['body']],
    ['a body that is a string', 'approve', ['body']],
  ])('reports %s', (_name, body, paths) => {
    expect(issuePaths(() => parseDecisionInput(body, codes))).toEqual(paths);
  });
});
