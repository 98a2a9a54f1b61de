import type middy from '@middy/core';
import { errorResponse, toHttpError } from '../http/error-response.js';
import { describeError, logger } from '../observability/logger.js';

/**
 * Turns any thrown error into the API's JSON error; a 5xx says nothing internal. A 500 is logged as an
 * error; a 503 (a retry-able condition the caller is told to wait out) as a warning only.
 */
export const httpErrors = (): middy.MiddlewareObj => ({
  onError: async (request) => {
    const { status } = toHttpError(request.error);
    if (status === 503) logger.warn('Request deferred: try again', describeError(request.error));
    else if (status >= 500) logger.error('Request failed', describeError(request.error));
    request.response = errorResponse(request.error);
  },
});
