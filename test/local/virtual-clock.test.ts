import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVirtualClock } from '../../local/virtual-clock.js';

describe('the virtual clock of a time-scaled local cloud', () => {
  let dir: string;
  const file = () => join(dir, 'clock.json');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clock-'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is the real clock without a time scale', async () => {
    const clock = await openVirtualClock(file(), 1);
    const before = Date.now();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    expect(clock.now()).toBeLessThanOrEqual(Date.now());
    expect(clock.originEpochMs).toBe(0);
  });

  it('starts at real now on a first start', async () => {
    const before = Date.now();
    const clock = await openVirtualClock(file(), 3600);
    expect(clock.originEpochMs).toBeGreaterThanOrEqual(before);
    expect(clock.originEpochMs).toBeLessThanOrEqual(Date.now());
  });

  it('continues from the virtual time saved at the last stop, with the same scale', async () => {
    const savedVirtualNow = Date.now() + 30 * 24 * 3600 * 1000;
    await writeFile(file(), JSON.stringify({ scale: 3600, virtualNowEpochMs: savedVirtualNow }));
    const clock = await openVirtualClock(file(), 3600);
    expect(clock.now()).toBeGreaterThanOrEqual(savedVirtualNow);
    // The origin the functions get moves back, so that their formula gives the same virtual time.
    expect(clock.originEpochMs).toBeLessThan(Date.now());
    expect(clock.originEpochMs).toBeGreaterThan(0);
  });

  it('starts afresh when the scale changed', async () => {
    await writeFile(file(), JSON.stringify({ scale: 60, virtualNowEpochMs: Date.now() + 1e9 }));
    const before = Date.now();
    const clock = await openVirtualClock(file(), 3600);
    expect(clock.originEpochMs).toBeGreaterThanOrEqual(before);
  });
});
