import { ConflictError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import { assertTransition } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { parseOptionalReasonInput } from '../core/validation/optional-reason-input.js';
import { notifyOutcome } from './notify-outcome.js';
import { updatePlacement, withHistory } from './update-placement.js';
import { withdrawStaleSubmissions } from './withdraw-stale-submissions.js';

/**
 * Cancels a placement, stops its workflow and tells the student (and the site admins, if they had
 * been asked to review) with one email each. Cancelling twice changes nothing and sends nothing
 * twice (the once-ledger), but does send what an interrupted first call had not; a finished
 * placement cannot be cancelled. Cancelling a purged (so already CANCELLED) placement sends nothing.
 */
export const cancelPlacement = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'workflow' | 'clock' | 'ledger' | 'mailer'>,
  placementId: string,
  body: unknown,
  by?: ChangedBy,
): Promise<Placement> => {
  const { reason } = parseOptionalReasonInput(body);
  const placement = await stopPlacement(ports, placementId, reason, by);
  // A purged placement has nobody left to tell: its student is '[purged]' (and the purge deletes its documents).
  if (placement.purge) return placement;
  // Its uploads waiting for a verifier need no decision any more.
  await withdrawStaleSubmissions(ports, placement);
  const { sent } = await notifyOutcome(ports, placementId);
  return sent > 0 ? ((await ports.placements.getPlacement(placementId)) ?? placement) : placement;
};

/**
 * Sets the placement CANCELLED (forgetting its task token) and stops its execution: what cancel does,
 * for any caller that must halt a placement (a purge). Throws ConflictError for a finished placement.
 */
export const stopPlacement = async (
  ports: Pick<Ports, 'placements' | 'workflow' | 'clock'>,
  placementId: string,
  reason: string | undefined,
  by?: ChangedBy,
): Promise<Placement> => {
  const placement = await updatePlacement(ports, placementId, (current, now) => {
    if (current.status === 'CANCELLED') return undefined;
    try {
      assertTransition(current.status, 'CANCELLED');
    } catch {
      throw new ConflictError(`The placement is already ${current.status} and cannot be cancelled.`);
    }
    const { pendingTask: _stopped, ...rest } = current;
    return withHistory({ ...rest, status: 'CANCELLED' }, now, 'CANCELLED', reason, by);
  });
  await ports.workflow.stop(
    placement.executionName ?? placement.placementId,
    reason ?? 'Cancelled by the coordinator',
  );
  return placement;
};
