/**
 * CSV as spreadsheets write it (RFC 4180): comma-separated, fields optionally in double
 * quotes, `""` for a quote inside one, line breaks (LF or CRLF) inside quoted fields. A UTF-8
 * byte order mark is dropped and empty lines are skipped. Rows are numbered as a spreadsheet
 * shows them: one per record, empty lines included, the first row is 1.
 *
 * Kept hand-written rather than `csv-parse` (installed): csv-parse numbers physical lines, not
 * records, keeps a line holding only `""` indistinguishable from a blank one, and its one
 * `relax_quotes` switch both allows a quote inside an unquoted field (`5" tall`, which we keep)
 * and allows text after a closing quote (`"x"y`, which we refuse with the row number); the
 * import's row numbers and messages would change.
 */

export interface CsvRecord {
  rowNumber: number;
  fields: string[];
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  constructor(
    readonly rowNumber: number,
    problem: string,
  ) {
    super(`row ${rowNumber}: ${problem}`);
  }
}

const BYTE_ORDER_MARK = '\uFEFF';

export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let rowNumber = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoted = false; // the current field was quoted (and its closing quote seen)

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const empty = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!empty) records.push({ rowNumber, fields });
    fields = [];
    rowNumber++;
  };

  for (let index = 0; index < input.length; index++) {
    const char = input[index];
    if (inQuotes) {
      if (char !== '"') {
        field += char;
      } else if (input[index + 1] === '"') {
        field += '"';
        index++;
      } else {
        inQuotes = false;
        quoted = true;
      }
      continue;
    }

    if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index++;
      endRecord();
    } else if (quoted) {
      throw new CsvFormatError(
        rowNumber,
        'unexpected text after a closing quote (a quote inside a field is "").',
      );
    } else if (char === '"' && field === '') {
      inQuotes = true;
    } else {
      field += char;
    }
  }

  if (inQuotes)
    throw new CsvFormatError(rowNumber, 'a quoted field is not closed before the end of the file.');
  if (fields.length > 0 || field !== '' || quoted) endRecord();
  return records;
}
