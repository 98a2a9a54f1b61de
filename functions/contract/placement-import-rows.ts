/**
 * The rows of a placements CSV as `POST /placements` bodies, and the pre-check every import path
 * (the CLI's `placements import`, the console's import) runs before it creates anything. Every
 * row is checked with the API's own parser and against the sites that exist, and every problem
 * is kept with its row number (row 1 is the header, so the first placement is row 2).
 */
import { ValidationError } from '../core/errors.js';
import { type PlacementInput, parsePlacementInput } from '../core/validation/placement-input.js';
import { CsvFormatError, type CsvRecord, parseCsv } from './csv-records.js';
import { mapConcurrently } from './task-limiter.js';

/** How many sites the pre-check asks for at once. */
const SITE_LOOKUPS_IN_FLIGHT = 8;

export const IMPORT_COLUMNS = [
  'studentId',
  'studentName',
  'studentEmail',
  'siteId',
  'program',
  'startDate',
  'endDate',
  'coordinatorEmail',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The body field each column fills, as the API names it in `details[].path`. */
const FIELD_OF_COLUMN: Record<ImportColumn, string> = {
  studentId: 'student.id',
  studentName: 'student.name',
  studentEmail: 'student.email',
  siteId: 'siteId',
  program: 'program',
  startDate: 'startDate',
  endDate: 'endDate',
  coordinatorEmail: 'coordinatorEmail',
};

/** The file cannot be read as a placements CSV at all (bad header, broken quoting, no rows). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export interface PlacementRow {
  rowNumber: number;
  input: PlacementInput;
}

export interface RowProblem {
  rowNumber: number;
  /** The CSV column, when the problem is one field's. */
  column?: ImportColumn;
  /** The API's field path (`student.email`), when the problem is one field's. */
  path?: string;
  message: string;
}

export interface PlacementRows {
  rows: PlacementRow[];
  problems: RowProblem[];
}

export function readPlacementRows(text: string): PlacementRows {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw new ImportFileError(`The CSV cannot be read: ${error.message}`);
    throw error;
  }
  const [header, ...data] = records;
  if (!header)
    throw new ImportFileError(`The file is empty: it needs a header row ${IMPORT_COLUMNS.join(',')}.`);
  const columnPositions = readHeader(header.fields);

  const rows: PlacementRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const record of data) {
    if (record.fields.every((field) => field.trim() === '')) continue;
    if (record.fields.length !== header.fields.length) {
      problems.push({
        rowNumber: record.rowNumber,
        message: `Has ${record.fields.length} fields; the header has ${header.fields.length}.`,
      });
      continue;
    }
    const cell = (column: ImportColumn) => record.fields[columnPositions[column]];

    let input: PlacementInput;
    try {
      input = parsePlacementInput({
        student: { id: cell('studentId'), name: cell('studentName'), email: cell('studentEmail') },
        siteId: cell('siteId'),
        program: cell('program'),
        startDate: cell('startDate'),
        endDate: cell('endDate'),
        coordinatorEmail: cell('coordinatorEmail'),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const detail of error.details)
        problems.push(fieldProblem(record.rowNumber, detail.path, detail.message));
      continue;
    }

    // The API treats the same student, site and start date as the same placement.
    const key = JSON.stringify([input.student.id, input.siteId, input.startDate]);
    const firstRow = firstRowOfKey.get(key);
    if (firstRow !== undefined) {
      problems.push({
        rowNumber: record.rowNumber,
        message: `Duplicate of row ${firstRow}: same studentId, siteId and startDate.`,
      });
      continue;
    }
    firstRowOfKey.set(key, record.rowNumber);
    rows.push({ rowNumber: record.rowNumber, input });
  }
  return { rows, problems };
}

/** What the API says of a placement whose site does not exist (`details[].message` of `siteId`). */
export const unknownSiteMessage = (siteId: string): string => `no site "${siteId}" exists; create it first`;

/** What the pre-check asks of the API (the CLI answers with `GET /sites/{siteId}`). */
export interface ImportLookups {
  /** True when the site exists; throws when that cannot be told (the import then stops). */
  siteExists(siteId: string): Promise<boolean>;
}

/**
 * Everything the API would refuse for a row, found before any row is created: each row's fields
 * (`readPlacementRows`), then the sites the valid rows name, each distinct site asked once. Rows
 * with a problem are left out of `rows`; `problems` is in row order.
 */
export async function checkPlacementImport(text: string, lookups: ImportLookups): Promise<PlacementRows> {
  const { rows, problems } = readPlacementRows(text);
  const siteIds = [...new Set(rows.map((row) => row.input.siteId))];
  const existence = await mapConcurrently(siteIds, SITE_LOOKUPS_IN_FLIGHT, (siteId) =>
    lookups.siteExists(siteId),
  );
  const unknownSites = new Set(siteIds.filter((_, index) => !existence[index]));
  const siteProblems = rows
    .filter((row) => unknownSites.has(row.input.siteId))
    .map((row) => fieldProblem(row.rowNumber, 'siteId', unknownSiteMessage(row.input.siteId)));
  return {
    rows: rows.filter((row) => !unknownSites.has(row.input.siteId)),
    problems: [...problems, ...siteProblems].sort((a, b) => a.rowNumber - b.rowNumber),
  };
}

/** `row 5, studentEmail (student.email): Must be an email address.` */
export function describeRowProblem(problem: RowProblem): string {
  let where = '';
  if (problem.column !== undefined && problem.path !== undefined && problem.path !== problem.column) {
    where = `, ${problem.column} (${problem.path})`;
  } else if (problem.column !== undefined || problem.path !== undefined) {
    where = `, ${problem.column ?? problem.path}`;
  }
  return `row ${problem.rowNumber}${where}: ${problem.message}`;
}

function readHeader(names: string[]): Record<ImportColumn, number> {
  const byLowerCase = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const positions: Partial<Record<ImportColumn, number>> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  names.forEach((name, position) => {
    const column = byLowerCase.get(name.trim().toLowerCase());
    if (column === undefined) unknown.push(JSON.stringify(name.trim()));
    else if (positions[column] !== undefined) repeated.push(column);
    else positions[column] = position;
  });
  const missing = IMPORT_COLUMNS.filter((column) => positions[column] === undefined);

  const faults = [
    unknown.length > 0 ? `unknown column(s) ${unknown.join(', ')}` : '',
    missing.length > 0 ? `missing column(s) ${missing.join(', ')}` : '',
    repeated.length > 0 ? `repeated column(s) ${repeated.join(', ')}` : '',
  ].filter((fault) => fault !== '');
  if (faults.length > 0) {
    throw new ImportFileError(
      `The header row has ${faults.join('; ')}. Expected these columns, in any order: ${IMPORT_COLUMNS.join(',')}.`,
    );
  }
  return positions as Record<ImportColumn, number>;
}

function fieldProblem(rowNumber: number, path: string, message: string): RowProblem {
  const column = IMPORT_COLUMNS.find((candidate) => FIELD_OF_COLUMN[candidate] === path);
  return column === undefined ? { rowNumber, path, message } : { rowNumber, column, path, message };
}
