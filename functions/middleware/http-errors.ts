import type middy from '@middy/core';
import { errorResponse, toHttpError } from '../http/error-response.js';
import { describeError, logger } from '../observability/logger.js';

/** Turns any thrown error into the API's JSON error; a 5xx is logged and says nothing internal. */
export const httpErrors = (): middy.MiddlewareObj => ({
  onError: async (request) => {
    const { status } = toHttpError(request.error);
    if (status >= 500) logger.error('Request failed', describeError(request.error));
    request.response = errorResponse(request.error);
  },
});
