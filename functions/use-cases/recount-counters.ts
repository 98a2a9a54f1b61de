import { PLACEMENT_STATUSES } from '../core/model/placement.js';
import { counterContributions } from '../core/placement-counters.js';
import type { Ports } from '../core/ports.js';

/** Placements read per page while recounting. */
const RECOUNT_PAGE = 100;

/**
 * Rebuilds every dashboard counter from the placements themselves, after a logged
 * `Dashboard counter update failed` (docs/data-model.md, "Counters"). It reads every placement through
 * the listing index, status by status (Queries, never a Scan), sums each one's contributions and
 * sets the counters to those totals. An operations task, never on a request path: its cost grows
 * with the number of placements. Returns how many placements it counted.
 */
export const recountCounters = async (ports: Pick<Ports, 'placements' | 'counters'>): Promise<number> => {
  const totals = new Map<string, number>();
  let counted = 0;
  for (const status of PLACEMENT_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await ports.placements.listPlacements({
        status,
        limit: RECOUNT_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const placement of page.items) {
        counted += 1;
        for (const [counter, amount] of counterContributions(placement)) {
          totals.set(counter, (totals.get(counter) ?? 0) + amount);
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  await ports.counters.replaceCounters(totals);
  return counted;
};
