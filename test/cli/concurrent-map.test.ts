import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../functions/contract/task-limiter.js';

describe('mapConcurrently', () => {
  it('never has more than the limit in flight and keeps the results in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const run = mapConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight--;
      return item * 10;
    });
    // Release tasks one by one, newest first, so they finish out of order.
    while (releases.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.pop()?.();
    }
    await expect(run).resolves.toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });

  it('handles no items', async () => {
    await expect(mapConcurrently([], 8, async () => 1)).resolves.toEqual([]);
  });
});
