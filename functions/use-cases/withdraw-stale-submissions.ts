import type { Placement } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import type { Ports } from '../core/ports.js';
import { staleSubmissions } from '../core/stale-submissions.js';

/**
 * Takes the placement's SUBMITTED documents that no longer need a decision out of the verification
 * queue (`functions/core/stale-submissions.ts`). Called after whatever can make them stale: a waiver,
 * a compliance check (expiry, evidence from elsewhere), a cancel. Safe to repeat; a document deleted
 * meanwhile stays deleted (the update is conditional on the record existing).
 */
export const withdrawStaleSubmissions = async (
  ports: Pick<Ports, 'documents' | 'clock'>,
  placement: Placement,
  /** The student's documents, when the caller has just read them. */
  documents?: StudentDocument[],
): Promise<number> => {
  const candidates = documents ?? (await ports.documents.listStudentDocuments(placement.student.id));
  const stale = staleSubmissions(placement, candidates);
  const at = ports.clock.now().toISOString();
  for (const document of stale) {
    const { queueEntry: _leftTheQueue, ...rest } = document;
    await ports.documents.updateDocument({ ...rest, withdrawnAt: at, updatedAt: at });
  }
  return stale.length;
};
