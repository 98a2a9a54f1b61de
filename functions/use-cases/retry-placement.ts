import { ConflictError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import { assertTransition } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** The history entry a retry writes; its count names the next execution. */
export const RETRIED = 'RETRIED';

/** `pl_…-retry-1`, `pl_…-retry-2`…: an execution name is unique for 90 days, so each retry needs its own. */
export const retryExecutionName = (placementId: string, attempt: number) => `${placementId}-retry-${attempt}`;

const retriesOf = (placement: Placement) =>
  placement.history.filter((entry) => entry.type === RETRIED).length;

/**
 * Starts a FAILED placement over in a new execution (its first one ended in the workflow's Fail
 * state, which a Step Functions redrive would only re-enter). The placement goes back to CHECKING
 * with the new execution's name stored, so cancel stops the right one; the new execution's first
 * CheckCompliance takes it on to the step its evidence calls for.
 *
 * The conditional write decides a race: of two concurrent retries, one moves the placement. A repeat
 * that finds the retry recorded and nothing run since (still CHECKING) starts that same execution
 * again, which is a no-op when it exists (the name is the idempotency key) and completes a retry
 * that stopped between its write and StartExecution. Any other status is a 409.
 */
export const retryPlacement = async (
  ports: Pick<Ports, 'placements' | 'workflow' | 'clock'>,
  placementId: string,
  by?: ChangedBy,
): Promise<Placement> => {
  const placement = await updatePlacement(ports, placementId, (current, now) => {
    if (current.status === 'CHECKING' && current.history.at(-1)?.type === RETRIED) return undefined;
    // A purged placement has no student left to onboard (purge-placement.ts).
    if (current.purge)
      throw new ConflictError('The student’s data was purged: the placement cannot be retried.');
    if (current.status !== 'FAILED') {
      throw new ConflictError(`The placement is ${current.status}; only a FAILED placement can be retried.`);
    }
    assertTransition(current.status, 'CHECKING');
    const executionName = retryExecutionName(current.placementId, retriesOf(current) + 1);
    const { failure, pendingTask: _abandoned, ...rest } = current;
    return withHistory(
      { ...rest, status: 'CHECKING', executionName },
      now,
      RETRIED,
      `After ${failure?.error ?? 'a failure'}; new execution ${executionName}.`,
      by,
    );
  });
  await ports.workflow.start(placement.executionName ?? placement.placementId, { placementId });
  return placement;
};
