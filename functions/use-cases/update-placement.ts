import { ConcurrentUpdateError, NotFoundError } from '../core/errors.js';
import type { HistoryEntry, Placement } from '../core/model/placement.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';

const MAX_ATTEMPTS = 12;

/** Full-jitter pause between attempts, so racing writers spread out instead of colliding again. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));

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
  for (let attempt = 1; ; attempt++) {
    const current = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
    if (!current) throw new NotFoundError('No such placement.');
    const now = ports.clock.now();
    const next = await change(current, now);
    if (!next) return current;
    const stored = { ...next, version: current.version + 1, updatedAt: now.toISOString() };
    try {
      await ports.placements.savePlacement(stored, current.version);
      return stored;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= MAX_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
};

export const withHistory = (placement: Placement, now: Date, type: string, detail?: string): Placement => {
  const entry: HistoryEntry = { at: now.toISOString(), type, ...(detail ? { detail } : {}) };
  return { ...placement, history: [...placement.history, entry] };
};
