import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv } from '../../functions/contract/csv-records.js';

describe('parseCsv', () => {
  it('splits plain rows and numbers them from 1', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      { rowNumber: 1, fields: ['a', 'b'] },
      { rowNumber: 2, fields: ['1', '2'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const records = parseCsv('name,note\n"Smith, Jo","said ""hi""\nthen left"\nnext,row\n');
    expect(records).toEqual([
      { rowNumber: 1, fields: ['name', 'note'] },
      { rowNumber: 2, fields: ['Smith, Jo', 'said "hi"\nthen left'] },
      { rowNumber: 3, fields: ['next', 'row'] },
    ]);
  });

  it('drops a UTF-8 byte order mark so the first header name is clean', () => {
    expect(parseCsv('\uFEFFstudentId,siteId\r\nS-1,demo\r\n')[0]?.fields).toEqual(['studentId', 'siteId']);
  });

  it('reads CRLF line endings, including inside quoted fields', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",2\r\n')).toEqual([
      { rowNumber: 1, fields: ['a', 'b'] },
      { rowNumber: 2, fields: ['x\r\ny', '2'] },
    ]);
  });

  it('skips blank lines but still counts them, as a spreadsheet numbers rows', () => {
    expect(parseCsv('a\n\nb\n\n\n')).toEqual([
      { rowNumber: 1, fields: ['a'] },
      { rowNumber: 3, fields: ['b'] },
    ]);
  });

  it('reads a last row without a trailing line break, and empty fields', () => {
    expect(parseCsv('a,,c\n,"",')).toEqual([
      { rowNumber: 1, fields: ['a', '', 'c'] },
      { rowNumber: 2, fields: ['', '', ''] },
    ]);
  });

  it('treats a quote inside an unquoted field as a plain character', () => {
    expect(parseCsv('5" tall,x')[0]?.fields).toEqual(['5" tall', 'x']);
  });

  it('rejects an unclosed quoted field with the row where it started', () => {
    const failure = catchError(() => parseCsv('a,b\n1,"open\n2,3\n'));
    expect(failure).toBeInstanceOf(CsvFormatError);
    expect((failure as CsvFormatError).rowNumber).toBe(2);
    expect((failure as CsvFormatError).message).toMatch(/^row 2: a quoted field is not closed/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/^row 2: unexpected text after a closing quote/);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF\r\n')).toEqual([]);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
