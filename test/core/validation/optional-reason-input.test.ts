import { describe, expect, it } from 'vitest';
import { parseOptionalReasonInput } from '../../../functions/core/validation/optional-reason-input.js';
import { issuePaths } from './issue-paths.js';

describe('parseOptionalReasonInput', () => {
  it.each<[string, unknown, object]>([
    ['no body', undefined, {}],
    ['an empty object', {}, {}],
    ['a reason', { reason: ' Student withdrew. ' }, { reason: 'Student withdrew.' }],
    ['a blank reason', { reason: '   ' }, {}],
    ['a null reason', { reason: null }, {}],
  ])('accepts %s', (_name, body, expected) => {
    expect(parseOptionalReasonInput(body)).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, ['reason']],
    ['a reason that is not a string', { reason: 5 }, ['reason']],
    ['a body that is null', null, ['body']],
    ['a body that is an array', [], ['body']],
  ])('reports %s', (_name, body, paths) => {
    expect(issuePaths(() => parseOptionalReasonInput(body))).toEqual(paths);
  });
});
