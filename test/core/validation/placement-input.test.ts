import { describe, expect, it } from 'vitest';
import { parsePlacementInput } from '../../../functions/core/validation/placement-input.js';
import { issuePaths } from './issue-paths.js';

const valid = {
  student: { id: 'stu-1', name: 'Ada Lovelace', email: 'ada@students.example.edu' },
  siteId: 'site-a',
  program: 'Nursing BSN',
  startDate: '2026-03-02',
  endDate: '2026-05-29',
  coordinatorEmail: 'coordinator@example.edu',
};

describe('parsePlacementInput', () => {
  it('returns trimmed, typed values', () => {
    expect(
      parsePlacementInput({
        student: { id: ' stu-1 ', name: ' Ada Lovelace ', email: ' ada@students.example.edu ' },
        siteId: ' site-a',
        program: 'Nursing BSN ',
        startDate: '2026-03-02',
        endDate: '2026-05-29',
        coordinatorEmail: 'coordinator@example.edu',
        extra: true,
      }),
    ).toEqual(valid);
  });

  it('accepts a one-day rotation (startDate = endDate)', () => {
    expect(parsePlacementInput({ ...valid, endDate: valid.startDate }).endDate).toBe('2026-03-02');
  });

  it.each<[string, unknown, string[]]>([
    ['no student', { ...valid, student: undefined }, ['student']],
    ['a student that is a string', { ...valid, student: 'stu-1' }, ['student']],
    ['a bad student email', { ...valid, student: { ...valid.student, email: 'ada' } }, ['student.email']],
    ['a student id with a slash', { ...valid, student: { ...valid.student, id: 'a/b' } }, ['student.id']],
    ['a student id with a hash', { ...valid, student: { ...valid.student, id: 'a#b' } }, ['student.id']],
    [
      'a student name over 200 characters',
      { ...valid, student: { ...valid.student, name: 'x'.repeat(201) } },
      ['student.name'],
    ],
    ['an empty student', { ...valid, student: {} }, ['student.id', 'student.name', 'student.email']],
    ['no siteId', { ...valid, siteId: undefined }, ['siteId']],
    ['a siteId with a control character', { ...valid, siteId: 'site\na' }, ['siteId']],
    ['a program over 200 characters', { ...valid, program: 'x'.repeat(201) }, ['program']],
    ['an impossible startDate', { ...valid, startDate: '2026-02-30' }, ['startDate']],
    ['an unpadded endDate', { ...valid, endDate: '2026-5-29' }, ['endDate']],
    ['an endDate before the startDate', { ...valid, endDate: '2026-03-01' }, ['endDate']],
    ['a bad coordinator email', { ...valid, coordinatorEmail: 'coordinator' }, ['coordinatorEmail']],
    ['a body that is null', null, ['body']],
    ['a body that is an array', [valid], ['body']],
    ['a body that is a number', 1, ['body']],
  ])('reports %s', (_name, body, paths) => {
    expect(issuePaths(() => parsePlacementInput(body))).toEqual(paths);
  });

  it('reports every bad field at once', () => {
    expect(issuePaths(() => parsePlacementInput({ student: { id: 'x', name: 'y' } }))).toEqual([
      'student.email',
      'siteId',
      'program',
      'startDate',
      'endDate',
      'coordinatorEmail',
    ]);
  });
});
