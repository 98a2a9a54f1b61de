import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { toHttpError } from '../http/error-response.js';
import { htmlResponse } from '../http/http-response.js';
import { csrfTokenFor } from '../staff-auth/csrf-tokens.js';
import { type ConsoleErrorView, renderConsoleErrorPage } from '../web/console/console-error-page.js';
import type { ConsoleContext } from '../web/console/console-layout.js';
import type { StaffHttpEvent } from './staff-session-required.js';

export interface ConsoleErrorPagesOptions {
  /** The console's base path, e.g. `/console`. */
  readonly basePath: string;
}

const wantsPage = (event: StaffHttpEvent): boolean => {
  const accept = (event.headers?.accept ?? '').toLowerCase();
  return accept.includes('text/html');
};

/**
 * For a browser (`Accept: text/html`), replaces the JSON error httpErrors made with the console's
 * error page: 401 sign in again, 403 your role cannot, 404 not found, 5xx something went wrong (with
 * the request id to quote). JSON callers keep the JSON error. Use it before httpErrors (its onError
 * runs after httpErrors's).
 */
export const consoleErrorPages = (
  options: ConsoleErrorPagesOptions,
): middy.MiddlewareObj<StaffHttpEvent, unknown, Error, Context> => ({
  onError: async (request) => {
    const { event } = request;
    if (!wantsPage(event)) return;
    const { status } = toHttpError(request.error);
    const context: ConsoleContext | undefined = event.staff && {
      staff: { email: event.staff.email, role: event.staff.role },
      csrfToken: csrfTokenFor(event.staff.csrfSecret),
      basePath: options.basePath,
    };
    const returnTo = event.requestContext?.http?.method === 'GET' ? event.rawPath : undefined;
    let view: ConsoleErrorView | undefined;
    if (status === 401) {
      view = { kind: 'session-expired', basePath: options.basePath, ...(returnTo ? { returnTo } : {}) };
    } else if (status === 403 && context) view = { kind: 'forbidden', context };
    else if (status === 404 && context) view = { kind: 'not-found', context };
    else if (status >= 500) {
      const reference = request.context?.awsRequestId;
      view = {
        kind: 'server-error',
        basePath: options.basePath,
        ...(context ? { context } : {}),
        ...(reference ? { reference } : {}),
      };
    }
    if (!view) return;
    const page = renderConsoleErrorPage(view);
    const previous = request.response as { headers?: Record<string, string> } | undefined;
    const retryAfter = previous?.headers?.['retry-after'];
    request.response = htmlResponse(page.statusCode === 500 ? status : page.statusCode, page.html, {
      ...page.headers,
      ...(retryAfter ? { 'retry-after': retryAfter } : {}),
    });
  },
});
