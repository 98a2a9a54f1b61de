import { describe, expect, it } from 'vitest';
import { parseWaiverInput } from '../../../functions/core/validation/waiver-input.js';
import { issuePaths } from './issue-paths.js';

describe('parseWaiverInput', () => {
  it('returns the code and the trimmed reason', () => {
    expect(
      parseWaiverInput({ requirementCode: 'TB', reason: '  Chest X-ray on file.\nSigned by Dr. Lee. ' }),
    ).toEqual({
      requirementCode: 'TB',
      reason: 'Chest X-ray on file.\nSigned by Dr. Lee.',
    });
  });

  it.each<[string, unknown, readonly ('MMR' | 'TB')[] | undefined, string[]]>([
    ['no code and no reason', {}, undefined, ['requirementCode', 'reason']],
    ['an unknown code', { requirementCode: 'XRAY', reason: 'r' }, undefined, ['requirementCode']],
    [
      'a code the placement does not have',
      { requirementCode: 'BLS', reason: 'r' },
      ['MMR', 'TB'],
      ['requirementCode'],
    ],
    ['a blank reason', { requirementCode: 'TB', reason: '  ' }, undefined, ['reason']],
    [
      'a reason over 2000 characters',
      { requirementCode: 'TB', reason: 'x'.repeat(2001) },
      undefined,
      ['reason'],
    ],
    ['a body that is null', null, undefined, ['body']],
    ['a body that is a string', 'TB', undefined, ['body']],
  ])('reports %s', (_name, body, codes, paths) => {
    expect(issuePaths(() => parseWaiverInput(body, codes))).toEqual(paths);
  });

  it('accepts a reason of exactly 2000 characters', () => {
    expect(parseWaiverInput({ requirementCode: 'TB', reason: 'x'.repeat(2000) }).reason).toHaveLength(2000);
  });
});
