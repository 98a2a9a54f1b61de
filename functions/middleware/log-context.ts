import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';
import { logger } from '../observability/logger.js';

/**
 * Powertools' context middleware, the same for every handler (use it first, so it wraps the others):
 * each line gets the function name, ARN, memory, request id and cold start; the keys an invocation
 * appends (its placementId) are cleared when it ends, success or error, so none carries over to the
 * next invocation of a warm sandbox. Events are never logged: they hold link and task tokens.
 */
export const logContext = (): middy.MiddlewareObj =>
  injectLambdaContext(logger, { resetKeys: true, logEvent: false });
