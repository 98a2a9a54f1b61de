import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/core/errors.js';
import {
  bodyFields,
  checkCalendarDate,
  checkEmail,
  checkIdentifier,
  checkInteger,
  checkRequirementCode,
  checkText,
  type Issues,
} from '../../../functions/core/validation/field-checks.js';

function run<T>(check: (issues: Issues) => T): { value: T; paths: string[] } {
  const issues: Issues = [];
  const value = check(issues);
  return { value, paths: issues.map((issue) => issue.path) };
}

describe('checkText', () => {
  it.each<[unknown, boolean, string | undefined, string[]]>([
    ['  Ada Lovelace  ', true, 'Ada Lovelace', []],
    ['x'.repeat(200), true, 'x'.repeat(200), []],
    ['x'.repeat(201), true, undefined, ['f']],
    [' '.repeat(300), true, undefined, ['f']],
    ['', true, undefined, ['f']],
    ['', false, undefined, []],
    [undefined, true, undefined, ['f']],
    [undefined, false, undefined, []],
    [null, false, undefined, []],
    [42, false, undefined, ['f']],
    [['a'], true, undefined, ['f']],
    ['line\nbreak', true, undefined, ['f']],
    ['nul\u0000char', true, undefined, ['f']],
  ])('%j (required: %s) → %j', (value, required, expected, paths) => {
    expect(run((issues) => checkText(issues, value, 'f', { max: 200, required }))).toEqual({
      value: expected,
      paths,
    });
  });

  it('keeps line breaks in multi-line text but not other control characters', () => {
    expect(
      run((issues) => checkText(issues, 'a\r\nb\tc', 'f', { max: 10, required: true, multiline: true })),
    ).toEqual({
      value: 'a\r\nb\tc',
      paths: [],
    });
    expect(
      run((issues) => checkText(issues, 'a\u001bb', 'f', { max: 10, required: true, multiline: true })).paths,
    ).toEqual(['f']);
  });
});

describe('checkIdentifier', () => {
  it.each<[unknown, string | undefined]>([
    ['site-a', 'site-a'],
    [' stu_1 ', 'stu_1'],
    ['a/b', undefined],
    ['a#b', undefined],
    ['a\tb', undefined],
    ['x'.repeat(201), undefined],
    ['', undefined],
    [7, undefined],
  ])('%j → %j', (value, expected) => {
    const result = run((issues) => checkIdentifier(issues, value, 'id'));
    expect(result.value).toBe(expected);
    expect(result.paths).toEqual(expected === undefined ? ['id'] : []);
  });
});

describe('checkEmail', () => {
  it.each<[unknown, string | undefined]>([
    ['student@example.org', 'student@example.org'],
    ['  First.Last+tag@Mail.Example.ac.uk ', 'First.Last+tag@Mail.Example.ac.uk'],
    ['no-at-sign.example.org', undefined],
    ['two@@example.org', undefined],
    ['user@localhost', undefined],
    ['user@-bad.example', undefined],
    ['user name@example.org', undefined],
    ['user@example.org\nBcc: x@evil.test', undefined],
    ['"Name" <user@example.org>', undefined],
    ['a,b@example.org', undefined],
    [`${'a'.repeat(65)}@example.org`, undefined],
    [`a@${'b'.repeat(250)}.org`, undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    const result = run((issues) => checkEmail(issues, value, 'email'));
    expect(result.value).toBe(expected);
    expect(result.paths).toEqual(expected === undefined ? ['email'] : []);
  });
});

describe('checkCalendarDate', () => {
  it.each<[unknown, boolean, string | undefined, string[]]>([
    ['2026-03-02', true, '2026-03-02', []],
    [' 2026-03-02 ', true, '2026-03-02', []],
    ['2026-02-30', true, undefined, ['d']],
    ['2026-3-2', true, undefined, ['d']],
    [20260302, true, undefined, ['d']],
    [undefined, true, undefined, ['d']],
    ['', true, undefined, ['d']],
    [undefined, false, undefined, []],
    ['2026-02-30', false, undefined, ['d']],
  ])('%j (required: %s) → %j', (value, required, expected, paths) => {
    expect(run((issues) => checkCalendarDate(issues, value, 'd', required))).toEqual({
      value: expected,
      paths,
    });
  });
});

describe('checkInteger', () => {
  it.each<[unknown, number | undefined, number | undefined, string[]]>([
    [14, undefined, 14, []],
    [0, undefined, 0, []],
    [365, undefined, 365, []],
    [366, undefined, undefined, ['n']],
    [-1, undefined, undefined, ['n']],
    [1.5, undefined, undefined, ['n']],
    ['14', undefined, undefined, ['n']],
    [Number.NaN, undefined, undefined, ['n']],
    [undefined, 14, 14, []],
    [null, 14, 14, []],
    [undefined, undefined, undefined, ['n']],
  ])('%j (default %j) → %j', (value, fallback, expected, paths) => {
    const options = fallback === undefined ? { min: 0, max: 365 } : { min: 0, max: 365, default: fallback };
    expect(run((issues) => checkInteger(issues, value, 'n', options))).toEqual({ value: expected, paths });
  });
});

describe('checkRequirementCode', () => {
  it.each<[unknown, readonly ('MMR' | 'TB')[] | undefined, string | undefined]>([
    ['MMR', undefined, 'MMR'],
    ['MMR', ['MMR', 'TB'], 'MMR'],
    ['BLS', ['MMR', 'TB'], undefined],
    ['mmr', undefined, undefined],
    ['NOPE', undefined, undefined],
    [undefined, undefined, undefined],
  ])('%j in %j → %j', (value, allowed, expected) => {
    const result = run((issues) => checkRequirementCode(issues, value, 'code', allowed));
    expect(result.value).toBe(expected);
    expect(result.paths).toEqual(expected === undefined ? ['code'] : []);
  });
});

describe('bodyFields', () => {
  it.each([[null], [[]], ['text'], [42], [true], [undefined]])(
    'throws one issue at "body" for %j, after the issues found so far',
    (body) => {
      const issues: Issues = [{ path: 'siteId', message: 'Required.' }];
      try {
        bodyFields(issues, body);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details.map((issue) => issue.path)).toEqual(['siteId', 'body']);
      }
    },
  );

  it('returns an object body as is', () => {
    const body = { a: 1 };
    expect(bodyFields([], body)).toBe(body);
  });
});
