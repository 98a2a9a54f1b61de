import type { PlacementInput } from '../validation/placement-input.js';

/** A problem with one row of an import file: its row number (the header is row 1), field and message. */
export interface ImportRowProblem {
  row: number;
  /** The column or API field at fault (`startDate`, `student.email`), or `row` for the whole row. */
  field: string;
  message: string;
}

/**
 * A checked CSV import, stored once every row passed the pre-check (item `IMPORT#{importId}`,
 * docs/data-model.md) and worked through a chunk at a time. Creating is idempotent (the placement id
 * comes from student, site and start date), so a chunk run twice creates nothing twice.
 */
export interface PlacementImport {
  importId: string;
  fileName: string;
  /** ISO-8601 instant of the check. */
  createdAt: string;
  /** The staff member who uploaded it; each placement it creates names them in its history. */
  createdBy: { sub: string; email: string };
  /** Every row of the file, checked, in file order. */
  rows: Array<{ rowNumber: number; input: PlacementInput }>;
  /** Rows that matched placements existing when the file was checked. */
  alreadyExistAtCheck: number;
  /** How many rows (from the start) have been worked through. */
  done: number;
  created: number;
  alreadyExisted: number;
  /** Rows that failed while creating (the site went away since the check, say). */
  failed: ImportRowProblem[];
  /** Optimistic-concurrency counter: two "Continue" clicks at once work one chunk once. */
  version: number;
}

export const importFinished = (record: Pick<PlacementImport, 'done' | 'rows'>): boolean =>
  record.done >= record.rows.length;
