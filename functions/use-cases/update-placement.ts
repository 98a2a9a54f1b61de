import { type RetryPolicy, retryWithBackoff } from '../contract/retry-with-backoff.js';
import { ConcurrentUpdateError, NotFoundError } from '../core/errors.js';
import type { ChangedBy, HistoryEntry, Placement } from '../core/model/placement.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';

/** Retried on a lost race, with full-jitter pauses so racing writers spread out instead of colliding again. */
const RACE_RETRY: RetryPolicy = {
  attempts: 12,
  baseDelayMs: 20,
  maxDelayMs: 200,
  isRetryable: (error) => error instanceof ConcurrentUpdateError,
};

export type PlacementChange = (
  placement: Placement,
  now: Date,
) => Placement | undefined | Promise<Placement | undefined>;

/**
 * Optimistic read-modify-write of one placement: read it, apply a pure change, write it
 * only if nobody else did in between, and retry on a lost race. `change` returns
 * undefined to leave the placement as it is. Returns the placement as stored.
 */
export const updatePlacement = async (
  ports: Pick<Ports, 'placements' | 'clock'>,
  placementId: string,
  change: PlacementChange,
): Promise<Placement> => {
  const attempt = async (): Promise<Placement> => {
    const current = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
    if (!current) throw new NotFoundError('No such placement.');
    const now = ports.clock.now();
    const next = await change(current, now);
    if (!next) return current;
    const stored = { ...next, version: current.version + 1, updatedAt: now.toISOString() };
    await ports.placements.savePlacement(stored, current.version);
    return stored;
  };
  return retryWithBackoff(attempt, RACE_RETRY);
};

/** Appends a history entry; `by` names the staff member when a person made the change in the console. */
export const withHistory = (
  placement: Placement,
  now: Date,
  type: string,
  detail?: string,
  by?: ChangedBy,
): Placement => {
  const entry: HistoryEntry = {
    at: now.toISOString(),
    type,
    ...(detail ? { detail } : {}),
    ...(by ? { by: { sub: by.sub, email: by.email } } : {}),
  };
  return { ...placement, history: [...placement.history, entry] };
};
