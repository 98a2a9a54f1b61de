import { ConflictError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import { assertTransition } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { parseCancelInput } from '../core/validation/cancel-input.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** Cancels a placement and stops its workflow. Cancelling twice is a no-op; a finished placement cannot be cancelled. */
export const cancelPlacement = async (
  ports: Pick<Ports, 'placements' | 'workflow' | 'clock'>,
  placementId: string,
  body: unknown,
): Promise<Placement> => {
  const { reason } = parseCancelInput(body);
  const placement = await updatePlacement(ports, placementId, (current, now) => {
    if (current.status === 'CANCELLED') return undefined;
    try {
      assertTransition(current.status, 'CANCELLED');
    } catch {
      throw new ConflictError(`The placement is already ${current.status} and cannot be cancelled.`);
    }
    const { pendingTask: _stopped, ...rest } = current;
    return withHistory({ ...rest, status: 'CANCELLED' }, now, 'CANCELLED', reason);
  });
  await ports.workflow.stop(
    placement.executionName ?? placement.placementId,
    reason ?? 'Cancelled by the coordinator',
  );
  return placement;
};
