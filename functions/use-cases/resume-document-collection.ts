import { isCollectionComplete } from '../core/compliance.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { updatePlacement } from './update-placement.js';

/**
 * Resumes a workflow waiting in CollectDocuments when collection is complete: every requirement
 * ACCEPTED or WAIVED (a SUBMITTED one still waits for a verifier). Every path that completes an
 * item calls it with the placement as it stored it (an accepted upload, a waiver, a verification).
 * Step Functions accepts a task token once, so concurrent callers resume it exactly once;
 * the stored token is then cleared so nobody tries again.
 */
export const resumeDocumentCollectionIfComplete = async (
  ports: Pick<Ports, 'placements' | 'workflow' | 'clock'>,
  placement: Placement,
): Promise<boolean> => {
  const task = placement.pendingTask;
  if (placement.status !== 'AWAITING_DOCUMENTS' || task?.kind !== 'COLLECT_DOCUMENTS') return false;
  if (!isCollectionComplete(placement.requirements)) return false;
  await ports.workflow.resume(task.token, { event: 'DOCUMENTS_COMPLETE' });
  await clearPendingTask(ports, placement.placementId, task.token);
  return true;
};

/** Forgets a task token once it has been used, unless a newer one replaced it meanwhile. */
export const clearPendingTask = (
  ports: Pick<Ports, 'placements' | 'clock'>,
  placementId: string,
  token: string,
): Promise<Placement> =>
  updatePlacement(ports, placementId, (current) => {
    if (current.pendingTask?.token !== token) return undefined;
    const { pendingTask: _used, ...rest } = current;
    return rest;
  });
