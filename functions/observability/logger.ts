import { Logger } from '@aws-lambda-powertools/logger';
import { isPlacementId } from '../core/placement-id.js';

/**
 * The function's one Logger (Powertools): structured JSON logs, one line each, written straight to
 * stdout/stderr. Callers pass identifiers and outcomes only: never names, emails, dates of birth,
 * document details, link tokens or task tokens. Handlers add the Lambda context and clear the
 * per-invocation keys with functions/middleware/log-context.ts.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'placement-onboarding',
});

/** The keys that tie a log line to a placement; cleared at the end of each invocation. */
export const PLACEMENT_LOG_KEYS = ['placementId', 'correlation_id'] as const;

/**
 * Tags every later line of this invocation with the placement: `placementId`, and the same value as
 * Powertools' `correlation_id`. Anything that is not a placement id (a malformed path or key) clears
 * the tag instead, so a line is never attributed to the wrong placement.
 */
export const correlateWithPlacement = (placementId: unknown): void => {
  if (!isPlacementId(placementId)) {
    logger.removeKeys([...PLACEMENT_LOG_KEYS]);
    return;
  }
  logger.appendKeys({ placementId });
  logger.setCorrelationId(placementId);
};

type Fields = Record<string, string | number | boolean | undefined>;

/** The parts of an error that are safe to log: its name only (messages may quote input). */
export const describeError = (error: unknown): Fields => {
  if (!(error instanceof Error)) return { errorName: 'NonError' };
  return { errorName: error.name };
};
