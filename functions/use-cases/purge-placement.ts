import { ConflictError, NotFoundError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import type { PurgeRecord } from '../core/model/purge-record.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { isPlacementId } from '../core/placement-id.js';
import { redactPlacement } from '../core/placement-redaction.js';
import { hasSettled } from '../core/placement-status.js';
import type { ObjectDeletion, Ports } from '../core/ports.js';
import { parseOptionalReasonInput } from '../core/validation/optional-reason-input.js';
import { logger } from '../observability/logger.js';
import { stopPlacement } from './cancel-placement.js';
import { deleteDocuments, placementDocuments } from './delete-placement-documents.js';
import { updatePlacement, withHistory } from './update-placement.js';

export type PurgePorts = Pick<
  Ports,
  'placements' | 'documents' | 'links' | 'purges' | 'workflow' | 'clock'
> & {
  storage: ObjectDeletion;
};

export interface PurgeResult {
  placement: Placement;
  purge: PurgeRecord;
}

/**
 * Deletes a student's documents and personal data for one placement, on request, and keeps an
 * audit record that it did. Every step can be re-run: the audit record is written last, and a
 * purge that finds it answers with it and changes nothing. Documents of other placements stay.
 *
 * 1. A placement still in flight is stopped exactly as cancel stops it (CANCELLED); the execution of any
 *    placement but a FAILED one is stopped again on every run (a no-op once it has ended).
 * 2. The placement is marked as being purged, then its documents are listed and noted on it before any
 *    is deleted, so a re-run counts them once.
 * 3. Each document's object, then its record, is deleted (evidence reuse then never finds them).
 * 4. The placement's links are deleted (they answer 404).
 * 5. The placement is redacted (`redactPlacement`), with a PURGED history entry.
 * 6. The audit record is written.
 */
export const purgePlacement = async (
  ports: PurgePorts,
  placementId: string,
  body: unknown,
  requestedBy?: string,
  by?: ChangedBy,
): Promise<PurgeResult> => {
  const { reason } = parseOptionalReasonInput(body);
  const found = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
  if (!found) throw new NotFoundError('No such placement.');
  const done = await ports.purges.getPurgeRecord(placementId);
  if (done) return { placement: found, purge: done };

  const stopped = !hasSettled(found.status) && (await halt(ports, placementId, by));

  let placement = await ports.placements.getPlacement(placementId);
  if (!placement) throw new NotFoundError('No such placement.');
  // Stopping is idempotent, so it is repeated for any placement that may still have an execution: a run
  // that crashed between writing CANCELLED and stopping, or a CLEARED one still in NotifyOutcome.
  if (!stopped && placement.status !== 'FAILED') {
    await ports.workflow.stop(placement.executionName ?? placementId, STOP_CAUSE);
  }
  if (!placement.purge?.purgedAt) {
    const request = { reason, requestedBy };
    // Marked first, listed after: an upload request that saves its record after this listing sees the
    // mark and takes the record back; one that saved it before is in the list.
    placement = await notePurge(ports, placementId, [], request);
    const documents = await placementDocuments(ports, placement);
    placement = await notePurge(ports, placementId, documents, request);
    await deleteDocuments(ports, documents);
  }
  const linksDeleted = await ports.links.deletePlacementLinks(placementId);
  placement = await updatePlacement(ports, placementId, (current, now) =>
    current.purge && !current.purge.purgedAt
      ? withHistory(
          { ...redactPlacement(current), purge: { ...current.purge, purgedAt: now.toISOString() } },
          now,
          'PURGED',
          undefined,
          by,
        )
      : undefined,
  );
  const progress = placement.purge;
  if (!progress?.purgedAt) throw new Error(`Placement ${placementId} was not redacted`);
  const purge = await ports.purges.savePurgeRecord({
    placementId,
    purgedAt: progress.purgedAt,
    documentsDeleted: progress.documentIds.length,
    ...(progress.reason ? { reason: progress.reason } : {}),
    ...(progress.requestedBy ? { requestedBy: progress.requestedBy } : {}),
  });
  logger.info('Placement purged', { placementId, documentsDeleted: purge.documentsDeleted, linksDeleted });
  return { placement, purge };
};

const STOP_CAUSE = 'Cancelled to delete the student’s data on request';

/**
 * Stops a running placement as cancel does (CANCELLED, then its execution stopped); answers false,
 * having stopped nothing, for one that finished meanwhile.
 */
const halt = async (ports: PurgePorts, placementId: string, by?: ChangedBy): Promise<boolean> => {
  try {
    await stopPlacement(ports, placementId, STOP_CAUSE, by);
    return true;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return false;
  }
};

/** Notes on the placement that a purge started and which documents it found (added to any noted before). */
const notePurge = (
  ports: PurgePorts,
  placementId: string,
  documents: StudentDocument[],
  request: { reason: string | undefined; requestedBy: string | undefined },
): Promise<Placement> =>
  updatePlacement(ports, placementId, (current, now) => {
    const noted = current.purge?.documentIds ?? [];
    const documentIds = [...new Set([...noted, ...documents.map((document) => document.documentId)])];
    if (current.purge && documentIds.length === noted.length) return undefined;
    return {
      ...current,
      purge: current.purge
        ? { ...current.purge, documentIds }
        : {
            startedAt: now.toISOString(),
            documentIds,
            ...(request.reason ? { reason: request.reason } : {}),
            ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
          },
    };
  });
