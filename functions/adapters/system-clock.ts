import type { Clock } from '../core/ports.js';

/**
 * The wall clock. The local cloud can run virtual time (`npm start -- --time-scale N`):
 * it sets ONBOARDING_TIME_SCALE and ONBOARDING_TIME_ORIGIN (epoch ms) so that the
 * functions' "now" runs N times faster from that origin, in step with the state
 * machine's sped-up waits. Neither variable exists on AWS.
 */
const createClock = (env: NodeJS.ProcessEnv): Clock => {
  const scale = Number(env.ONBOARDING_TIME_SCALE ?? '1');
  const origin = Number(env.ONBOARDING_TIME_ORIGIN ?? '0');
  if (!(scale > 1) || !(origin > 0)) return { now: () => new Date() };
  return { now: () => new Date(origin + (Date.now() - origin) * scale) };
};

export const systemClock: Clock = createClock(process.env);
