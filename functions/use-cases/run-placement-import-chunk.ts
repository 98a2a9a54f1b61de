import { ConcurrentUpdateError, NotFoundError, ValidationError } from '../core/errors.js';
import { importFinished, type PlacementImport } from '../core/model/placement-import.js';
import type { Ports } from '../core/ports.js';
import { createPlacement } from './create-placement.js';

/** Rows created per "Continue" (one request): well inside API Gateway's 30 seconds. */
export const IMPORT_CHUNK_ROWS = 25;

const IMPORT_ID_SHAPE = /^imp_[A-Za-z0-9_-]{16}$/;

/** The stored import, or NotFoundError (404) for an id this console did not hand out (or one expired). */
export const getPlacementImport = async (
  ports: Pick<Ports, 'imports'>,
  importId: string,
): Promise<PlacementImport> => {
  const record = IMPORT_ID_SHAPE.test(importId) ? await ports.imports.getImport(importId) : undefined;
  if (!record) throw new NotFoundError('No such import: check the file again to start a new one.');
  return record;
};

/**
 * Creates the import's next {@link IMPORT_CHUNK_ROWS} rows with `createPlacement` (the staff member
 * who uploaded the file and the row are named in each placement's history) and records the progress.
 * Re-running creates nothing twice: a placement's id is its student, site and start date, so a row
 * already created answers the existing placement (counted as "already existed"). Two runs at once:
 * the progress is written on the import's `version`, and the one that loses the write answers the
 * winner's progress. A finished import is answered as it is.
 */
export const runPlacementImportChunk = async (
  ports: Pick<Ports, 'imports' | 'sites' | 'placements' | 'retention' | 'workflow' | 'clock'>,
  importId: string,
): Promise<PlacementImport> => {
  const record = await getPlacementImport(ports, importId);
  if (importFinished(record)) return record;
  const chunk = record.rows.slice(record.done, record.done + IMPORT_CHUNK_ROWS);
  const next: PlacementImport = { ...record, failed: [...record.failed], version: record.version + 1 };
  for (const row of chunk) {
    try {
      const { created } = await createPlacement(ports, row.input, {
        by: record.createdBy,
        source: `imported from ${record.fileName}, row ${row.rowNumber}`,
      });
      if (created) next.created += 1;
      else next.alreadyExisted += 1;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // One entry per row, so "done" is created + already existed + failed.
      next.failed.push({
        row: row.rowNumber,
        field: error.details.map((detail) => detail.path).join(', ') || 'row',
        message: error.details.map((detail) => detail.message).join(' ') || error.message,
      });
    }
    next.done += 1;
  }
  try {
    await ports.imports.saveImport(next, record.version);
    return next;
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    // Another run of the same chunk won; the placements both made are the same ones.
    return getPlacementImport(ports, importId);
  }
};
