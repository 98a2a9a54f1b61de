import { describe, expect, it } from 'vitest';
import {
  checkPlacementImport,
  describeRowProblem,
  ImportFileError,
  readPlacementRows,
} from '../../functions/contract/placement-import-rows.js';

const HEADER = 'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';
const row = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const values = {
    studentId: id,
    studentName: `Student ${id}`,
    studentEmail: `${id.toLowerCase()}@example.edu`,
    siteId: 'demo-hospital',
    program: 'Nursing',
    startDate: '2027-02-01',
    endDate: '2027-03-01',
    coordinatorEmail: 'coordinator@example.edu',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => values[column as keyof typeof values])
    .join(',');
};

describe('readPlacementRows', () => {
  it('builds POST /placements bodies keyed by row number (the first data row is row 2)', () => {
    const { rows, problems } = readPlacementRows(`${HEADER}\n${row('S-1')}\n${row('S-2')}\n`);
    expect(problems).toEqual([]);
    expect(rows.map((entry) => entry.rowNumber)).toEqual([2, 3]);
    expect(rows[0]?.input).toEqual({
      student: { id: 'S-1', name: 'Student S-1', email: 's-1@example.edu' },
      siteId: 'demo-hospital',
      program: 'Nursing',
      startDate: '2027-02-01',
      endDate: '2027-03-01',
      coordinatorEmail: 'coordinator@example.edu',
    });
  });

  it('accepts the columns in any order, with a BOM, CRLF and blank trailing lines', () => {
    const text =
      '\uFEFFsiteId,startDate,endDate,program,coordinatorEmail,studentEmail,studentName,studentId\r\n' +
      'demo-hospital,2027-02-01,2027-03-01,"Nursing, year 3",c@example.edu,s@example.edu,"Lee, Sam",S-9\r\n' +
      '\r\n,,,,,,,\r\n';
    const { rows, problems } = readPlacementRows(text);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.input.student).toEqual({ id: 'S-9', name: 'Lee, Sam', email: 's@example.edu' });
    expect(rows[0]?.input.program).toBe('Nursing, year 3');
  });

  it('reports every bad field of every bad row by row number, column and API path', () => {
    const text = [
      HEADER,
      row('S-1'),
      row('S-2', { studentEmail: 'not-an-email', startDate: '2027-02-30' }),
      row('S-3'),
      row('S-4', { endDate: '2027-01-01' }),
    ].join('\n');
    const { rows, problems } = readPlacementRows(text);
    expect(rows.map((entry) => entry.rowNumber)).toEqual([2, 4]);
    expect(problems.map((problem) => [problem.rowNumber, problem.column, problem.path])).toEqual([
      [3, 'studentEmail', 'student.email'],
      [3, 'startDate', 'startDate'],
      [5, 'endDate', 'endDate'],
    ]);
    expect(describeRowProblem(problems[0] ?? { rowNumber: 0, message: '' })).toMatch(
      /^row 3, studentEmail \(student\.email\): \S/,
    );
    expect(describeRowProblem(problems[2] ?? { rowNumber: 0, message: '' })).toMatch(/^row 5, endDate: \S/);
  });

  it('reports an empty required cell', () => {
    const { problems } = readPlacementRows(`${HEADER}\n${row('S-1', { studentName: '  ' })}\n`);
    expect(problems).toEqual([expect.objectContaining({ rowNumber: 2, column: 'studentName' })]);
  });

  it('reports a row whose field count differs from the header', () => {
    const { problems } = readPlacementRows(`${HEADER}\n${row('S-1')},extra\n`);
    expect(problems).toEqual([{ rowNumber: 2, message: 'Has 9 fields; the header has 8.' }]);
  });

  it('reports a later row that repeats a student, site and start date', () => {
    const text = [HEADER, row('S-1'), row('S-2'), row('S-1', { program: 'Other' })].join('\n');
    const { rows, problems } = readPlacementRows(text);
    expect(rows.map((entry) => entry.rowNumber)).toEqual([2, 3]);
    expect(problems).toEqual([
      { rowNumber: 4, message: 'Duplicate of row 2: same studentId, siteId and startDate.' },
    ]);
  });

  it('does not call the same student at another start date a duplicate', () => {
    const text = [HEADER, row('S-1'), row('S-1', { startDate: '2027-02-02' })].join('\n');
    expect(readPlacementRows(text).problems).toEqual([]);
  });

  it('numbers rows as records when a quoted field spans lines', () => {
    const text = [
      HEADER,
      row('S-1', { program: '"Nursing\nyear 3"' }),
      row('S-2', { studentEmail: 'bad' }),
    ].join('\n');
    // The line break itself is not allowed in a program name, but it does not shift the numbering.
    expect(readPlacementRows(text).problems.map((problem) => [problem.rowNumber, problem.column])).toEqual([
      [2, 'program'],
      [3, 'studentEmail'],
    ]);
  });

  it('rejects unknown and missing columns before reading any row', () => {
    const header = HEADER.replace('program', 'programme').replace(',coordinatorEmail', '');
    expect(() => readPlacementRows(`${header}\n`)).toThrow(ImportFileError);
    expect(() => readPlacementRows(`${header}\n`)).toThrow(
      /unknown column\(s\) "programme"; missing column\(s\) program, coordinatorEmail/,
    );
  });

  it('rejects a repeated column', () => {
    expect(() => readPlacementRows(`${HEADER},siteId\n`)).toThrow(/repeated column\(s\) siteId/);
  });

  it('rejects an empty file and broken quoting', () => {
    expect(() => readPlacementRows('')).toThrow(/empty/);
    expect(() => readPlacementRows(`${HEADER}\n"S-1,x\n`)).toThrow(/row 2: a quoted field is not closed/);
  });
});

describe('checkPlacementImport', () => {
  const existingSites = new Set(['demo-hospital', 'city-clinic']);

  it('refuses the rows whose site does not exist, asking each distinct site once, with field problems in row order', async () => {
    const asked: string[] = [];
    const text = [
      HEADER,
      row('S-1'),
      row('S-2', { siteId: 'nowhere' }),
      row('S-3', { studentEmail: 'not-an-email' }),
      row('S-4', { siteId: 'city-clinic' }),
      row('S-5', { siteId: 'nowhere' }),
      row('S-6'),
    ].join('\n');
    const { rows, problems } = await checkPlacementImport(text, {
      siteExists: async (siteId) => {
        asked.push(siteId);
        return existingSites.has(siteId);
      },
    });
    expect(asked.sort()).toEqual(['city-clinic', 'demo-hospital', 'nowhere']);
    expect(rows.map((entry) => entry.rowNumber)).toEqual([2, 5, 7]);
    expect(problems.map(describeRowProblem)).toEqual([
      'row 3, siteId: no site "nowhere" exists; create it first',
      expect.stringMatching(/^row 4, studentEmail \(student\.email\): /),
      'row 6, siteId: no site "nowhere" exists; create it first',
    ]);
  });

  it('stops with the lookup failure when a site cannot be asked for', async () => {
    const unreachable = new Error('no answer');
    await expect(
      checkPlacementImport(`${HEADER}\n${row('S-1')}\n`, {
        siteExists: () => Promise.reject(unreachable),
      }),
    ).rejects.toBe(unreachable);
  });

  it('asks for no site when the file itself cannot be read', async () => {
    const asked: string[] = [];
    await expect(
      checkPlacementImport('studentId\nS-1\n', {
        siteExists: async (siteId) => {
          asked.push(siteId);
          return true;
        },
      }),
    ).rejects.toBeInstanceOf(ImportFileError);
    expect(asked).toEqual([]);
  });
});
