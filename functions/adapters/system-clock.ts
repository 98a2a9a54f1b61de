import type { Clock } from '../core/ports.js';

/** The wall clock: what every function's "now" is on AWS. */
export const systemClock: Clock = { now: () => new Date() };
