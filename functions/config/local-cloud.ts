import type { DocumentVersions } from '../adapters/s3-object-deletion.js';
import { systemClock } from '../adapters/system-clock.js';
import type { Clock } from '../core/ports.js';
import { readEnvironment } from './environment.js';

/**
 * THE seam between the functions and the local cloud (`npm start`): the only code of functions/ that
 * exists for an emulator, and the only place that reads the variables the local cloud sets for it
 * (local/runtime/lambda-environment.ts). None of them exists on AWS, where every answer here is AWS's
 * behaviour: the wall clock, and a documents bucket that keeps versions.
 *
 * - `ONBOARDING_TIME_SCALE`, `ONBOARDING_TIME_ORIGIN` (epoch ms): virtual time (`--time-scale N`); the
 *   functions' "now" runs N times faster from that origin, in step with the state machine's sped-up waits.
 * - `ONBOARDING_DOCUMENT_VERSIONS=none`: the local S3 (s3rver) keeps no versions and refuses a version
 *   listing (405), so deleting a document is a plain delete of its only copy.
 *
 * The third emulator difference is the local engine's own: aws-local-stepfunctions reads an explicit
 * `"ResultPath": "$"` as a key named "$"; local/services/step-functions/local-definition.ts drops it.
 */
export interface LocalCloudVariants {
  clock: Clock;
  documentVersions: DocumentVersions;
}

export const LOCAL_CLOUD_VARIABLES = [
  'ONBOARDING_TIME_SCALE',
  'ONBOARDING_TIME_ORIGIN',
  'ONBOARDING_DOCUMENT_VERSIONS',
] as const;

/** A clock that runs `scale` times faster than the wall clock from `originEpochMs`. */
const scaledClock = (scale: number, originEpochMs: number): Clock => ({
  now: () => new Date(originEpochMs + (Date.now() - originEpochMs) * scale),
});

/** What the local cloud changes for a function; on AWS, the wall clock and a versioned bucket. */
export const readLocalCloudVariants = (source: NodeJS.ProcessEnv = process.env): LocalCloudVariants => {
  const env = readEnvironment([], LOCAL_CLOUD_VARIABLES, source);
  const scale = Number(env.ONBOARDING_TIME_SCALE ?? '1');
  const origin = Number(env.ONBOARDING_TIME_ORIGIN ?? '0');
  return {
    clock: scale > 1 && origin > 0 ? scaledClock(scale, origin) : systemClock,
    documentVersions: env.ONBOARDING_DOCUMENT_VERSIONS === 'none' ? 'none' : 'kept',
  };
};
