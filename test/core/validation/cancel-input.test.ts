import { describe, expect, it } from 'vitest';
import { parseCancelInput } from '../../../functions/core/validation/cancel-input.js';
import { issuePaths } from './issue-paths.js';

describe('parseCancelInput', () => {
  it.each<[string, unknown, object]>([
    ['no body', undefined, {}],
    ['an empty object', {}, {}],
    ['a reason', { reason: ' Student withdrew. ' }, { reason: 'Student withdrew.' }],
    ['a blank reason', { reason: '   ' }, {}],
    ['a null reason', { reason: null }, {}],
  ])('accepts %s', (_name, body, expected) => {
    expect(parseCancelInput(body)).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, ['reason']],
    ['a reason that is not a string', { reason: 5 }, ['reason']],
    ['a body that is null', null, ['body']],
    ['a body that is an array', [], ['body']],
  ])('reports %s', (_name, body, paths) => {
    expect(issuePaths(() => parseCancelInput(body))).toEqual(paths);
  });
});
