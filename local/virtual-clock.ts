import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * The local cloud's clock under a time scale: virtual time runs `scale` times faster than real
 * time, as `origin + (realNow − origin) × scale`. Functions get `scale` and `origin` as
 * ONBOARDING_TIME_SCALE / ONBOARDING_TIME_ORIGIN (see functions/adapters/system-clock.ts), so
 * that their "now" keeps step with the state machine's shortened waits.
 *
 * Virtual time only runs while the cloud runs: a restart with the same scale continues from the
 * virtual time reached before (saved in the data directory), never going back.
 */
export interface VirtualClock {
  scale: number;
  /** Epoch ms where virtual and real time meet; 0 when there is no time scale. */
  originEpochMs: number;
  /** Virtual now, epoch ms. */
  now(): number;
  /** Records the virtual time reached, for the next start. */
  save(): Promise<void>;
}

interface SavedClock {
  scale: number;
  virtualNowEpochMs: number;
}

export async function openVirtualClock(file: string, scale: number): Promise<VirtualClock> {
  if (scale === 1) return { scale, originEpochMs: 0, now: () => Date.now(), save: async () => {} };
  const realNow = Date.now();
  let originEpochMs = realNow;
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as SavedClock;
      if (saved.scale === scale && saved.virtualNowEpochMs > realNow) {
        // The line through (origin, origin) with slope `scale` that passes through (realNow, savedVirtualNow).
        // Rounded down: a whole-ms origin that never puts virtual time before the saved one.
        originEpochMs = Math.floor((realNow * scale - saved.virtualNowEpochMs) / (scale - 1));
      }
    } catch {
      // An unreadable clock file starts virtual time afresh.
    }
  }
  const now = () => originEpochMs + (Date.now() - originEpochMs) * scale;
  return {
    scale,
    originEpochMs,
    now,
    save: () =>
      writeFile(file, JSON.stringify({ scale, virtualNowEpochMs: Math.round(now()) } satisfies SavedClock)),
  };
}
