import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { CONSOLE_BASE_PATH, type ConsolePorts, secureConsole } from '../console/console-request.js';
import { consoleRoutes, PUBLIC_CONSOLE_ROUTES } from '../console/console-routes.js';
import { MAX_IMPORT_BODY_BYTES } from '../console/routes/import-routes.js';
import { dispatch } from '../http/route-table.js';
import { consoleErrorPages } from '../middleware/console-error-pages.js';
import { httpBody } from '../middleware/http-body.js';
import { httpCompression } from '../middleware/http-compression.js';
import { httpErrors } from '../middleware/http-errors.js';
import { logContext } from '../middleware/log-context.js';
import { staffForgeryProtection } from '../middleware/staff-forgery-protection.js';
import { type StaffHttpEvent, staffSessionRequired } from '../middleware/staff-session-required.js';
import { consoleCookieNames } from '../staff-auth/console-cookies.js';

export type { ConsolePorts } from '../console/console-request.js';

/** The request as a route key of a literal path (`GET /console/auth/sign-in`). */
const requestKeyOf = (event: StaffHttpEvent): string =>
  `${event.requestContext?.http?.method ?? ''} ${(event.rawPath ?? '').replace(/\/+$/, '')}`;

/** Runs a middleware's `before` only on the routes that need a session (not sign-in or signed-out). */
const onSessionRoutes = (
  middleware: middy.MiddlewareObj<StaffHttpEvent>,
): middy.MiddlewareObj<StaffHttpEvent> => ({
  before: async (request) =>
    PUBLIC_CONSOLE_ROUTES.has(requestKeyOf(request.event)) ? undefined : middleware.before?.(request),
});

/**
 * The staff console: every page and form of `{publicBaseUrl}/console`. Sign-in routes are open;
 * every other route needs an active session (a browser asking for a page is sent to sign in, anything
 * else gets 401), every POST the session's forgery-protection token from the console's own origin,
 * and each route checks the role's permission itself (403). Errors are the console's error pages for
 * a browser, the API's JSON error otherwise; answers over 1 KB are compressed when the client accepts it.
 */
export const createConsoleHandler = (ports: ConsolePorts) => {
  const routes = consoleRoutes(ports);
  const secure = secureConsole(ports);
  return middy<StaffHttpEvent, unknown, Error, Context>()
    .use(logContext())
    .use(httpCompression())
    .use(consoleErrorPages({ basePath: CONSOLE_BASE_PATH }))
    .use(httpErrors())
    .use(httpBody({ maxBytes: MAX_IMPORT_BODY_BYTES }))
    .use(
      onSessionRoutes(
        staffSessionRequired({
          sessions: ports.sessions,
          clock: ports.clock,
          cookieName: consoleCookieNames(secure).session,
          secure,
        }),
      ),
    )
    .use(onSessionRoutes(staffForgeryProtection({ publicBaseUrl: ports.config.publicBaseUrl })))
    .handler((event) => dispatch(routes, event));
};
