import { addDays, calendarDateOf } from '../core/calendar-date.js';
import { RetentionIncompleteError } from '../core/errors.js';
import { hasSettled } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { describeError, logger } from '../observability/logger.js';
import {
  type DocumentDeletionPorts,
  deleteDocuments,
  placementDocuments,
} from './delete-placement-documents.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** End dates each daily run looks back over, so a few failed or missed runs are caught up. */
export const RETENTION_SWEEP_DAYS = 7;

export type RetentionPorts = Pick<Ports, 'placements' | 'retention' | 'clock'> & DocumentDeletionPorts;

export interface RetentionOutcome {
  /** The rotation end dates looked at, oldest first. */
  endDates: string[];
  placementsCleared: number;
  documentsDeleted: number;
  /** Placements still running (e.g. waiting on a site decision): tried again on the next runs. */
  placementsWaiting: number;
}

/**
 * The daily retention sweep: deletes the documents of every placement whose rotation ended more than
 * `retentionDays` days ago (the day it ends counts as in the rotation), with the document deletion a
 * purge uses. It finds them through the retention index (no Scan), over the last RETENTION_SWEEP_DAYS
 * end dates that are due. The placement keeps the student's name and email (the school's record of the
 * placement); its requirement statuses stay, and a DOCUMENTS_DELETED history entry says when. Safe to
 * re-run: a placement already cleared or purged is skipped.
 */
export const applyRetention = async (
  ports: RetentionPorts,
  retentionDays: number,
): Promise<RetentionOutcome> => {
  const newestDue = addDays(calendarDateOf(ports.clock.now()), -(retentionDays + 1));
  const endDates = Array.from({ length: RETENTION_SWEEP_DAYS }, (_, index) =>
    addDays(newestDue, index - RETENTION_SWEEP_DAYS + 1),
  );
  const outcome: RetentionOutcome = {
    endDates,
    placementsCleared: 0,
    documentsDeleted: 0,
    placementsWaiting: 0,
  };
  let failures = 0;
  for (const endDate of endDates) {
    for (const placementId of await ports.retention.placementsEndingOn(endDate)) {
      try {
        const result = await clearPlacement(ports, placementId, endDate, retentionDays);
        if (result === 'waiting') outcome.placementsWaiting++;
        if (typeof result === 'number') {
          outcome.placementsCleared++;
          outcome.documentsDeleted += result;
        }
      } catch (error) {
        failures++;
        logger.error('Retention failed for a placement', { placementId, ...describeError(error) });
      }
    }
  }
  logger.info('Retention applied', {
    fromEndDate: endDates[0],
    toEndDate: newestDue,
    placementsCleared: outcome.placementsCleared,
    documentsDeleted: outcome.documentsDeleted,
    placementsWaiting: outcome.placementsWaiting,
    failures,
  });
  if (failures > 0) throw new RetentionIncompleteError(`${failures} placements could not be cleared.`);
  return outcome;
};

/** Deletes one placement's documents: the count, 'waiting' while it still runs, or 'skipped'. */
const clearPlacement = async (
  ports: RetentionPorts,
  placementId: string,
  endDate: string,
  retentionDays: number,
): Promise<number | 'waiting' | 'skipped'> => {
  const placement = await ports.placements.getPlacement(placementId);
  // An index entry whose create lost (no placement), or a placement cleared or purged before.
  if (!placement || placement.endDate !== endDate || placement.documentsDeletedAt || placement.purge) {
    return 'skipped';
  }
  if (!hasSettled(placement.status)) {
    logger.warn('Retention waits for a placement still running', { placementId, status: placement.status });
    return 'waiting';
  }
  const documents = await placementDocuments(ports, placement);
  await deleteDocuments(ports, documents);
  await updatePlacement(ports, placementId, (current, now) =>
    current.documentsDeletedAt
      ? undefined
      : withHistory(
          { ...current, documentsDeletedAt: now.toISOString() },
          now,
          'DOCUMENTS_DELETED',
          `${documents.length} document(s) deleted ${retentionDays} days after the rotation ended.`,
        ),
  );
  return documents.length;
};
