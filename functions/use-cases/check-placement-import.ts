import { randomBytes } from 'node:crypto';
import { checkPlacementImport, ImportFileError, type RowProblem } from '../contract/placement-import-rows.js';
import { mapConcurrently } from '../contract/task-limiter.js';
import { ValidationError } from '../core/errors.js';
import type { ChangedBy } from '../core/model/placement.js';
import type { ImportRowProblem, PlacementImport } from '../core/model/placement-import.js';
import { placementIdFor } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';

/** An import is one table item: its rows must stay well under DynamoDB's 400 KB item limit. */
export const MAX_IMPORT_ROWS_BYTES = 350_000;
/** How many existing-placement lookups the check makes at once. */
const LOOKUPS_IN_FLIGHT = 8;

export type ImportCheck =
  /** Some rows have problems: nothing was stored or created. */
  | { outcome: 'invalid'; rows: number; problems: ImportRowProblem[] }
  /** Every row is good: the import is stored, waiting to be started. */
  | { outcome: 'ready'; record: PlacementImport };

/** A pre-check problem as the console shows it: row number, the column (or field), the message. */
export const importRowProblemOf = (problem: RowProblem): ImportRowProblem => ({
  row: problem.rowNumber,
  field: problem.column ?? problem.path ?? 'row',
  message: problem.message,
});

const fileProblem = (message: string) => new ValidationError([{ path: 'file', message }]);

/**
 * The console's import, step one: checks every row of the CSV with the same pre-check as the CLI
 * (`checkPlacementImport`: each row's fields, duplicates, and that its site exists) and, only when
 * every row is good, stores the rows as one import to be worked through (`runPlacementImportChunk`).
 * A file that cannot be read at all (no header, broken quoting, no rows, too big) is a
 * ValidationError at `file`. Nothing is created here.
 */
export const checkAndStorePlacementImport = async (
  ports: Pick<Ports, 'sites' | 'placements' | 'imports' | 'clock'>,
  input: { readonly fileName: string; readonly text: string; readonly by: ChangedBy },
): Promise<ImportCheck> => {
  let checked: Awaited<ReturnType<typeof checkPlacementImport>>;
  try {
    checked = await checkPlacementImport(input.text, {
      siteExists: async (siteId) => (await ports.sites.getSite(siteId)) !== undefined,
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw fileProblem(error.message);
    throw error;
  }
  const total = checked.rows.length + new Set(checked.problems.map((problem) => problem.rowNumber)).size;
  if (checked.problems.length > 0) {
    return { outcome: 'invalid', rows: total, problems: checked.problems.map(importRowProblemOf) };
  }
  if (checked.rows.length === 0) throw fileProblem('The file has a header row but no placements.');
  const rows = checked.rows.map((row) => ({ rowNumber: row.rowNumber, input: row.input }));
  if (Buffer.byteLength(JSON.stringify(rows), 'utf8') > MAX_IMPORT_ROWS_BYTES) {
    throw fileProblem(
      `The file is too big to import in one go (${rows.length} rows): split it into files of about 1,000 rows.`,
    );
  }
  const existing = await mapConcurrently(rows, LOOKUPS_IN_FLIGHT, async ({ input: row }) =>
    ports.placements.getPlacement(placementIdFor(row.student.id, row.siteId, row.startDate)),
  );
  const record: PlacementImport = {
    importId: `imp_${randomBytes(12).toString('base64url')}`,
    fileName: input.fileName,
    createdAt: ports.clock.now().toISOString(),
    createdBy: { sub: input.by.sub, email: input.by.email },
    rows,
    alreadyExistAtCheck: existing.filter((placement) => placement !== undefined).length,
    done: 0,
    created: 0,
    alreadyExisted: 0,
    failed: [],
    version: 1,
  };
  await ports.imports.saveImport(record, undefined);
  return { outcome: 'ready', record };
};
