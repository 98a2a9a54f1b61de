import type middy from '@middy/core';
import { originOf } from '../http/cross-site-request.js';
import { checkConsoleRequestForgery } from '../staff-auth/console-request-forgery.js';
import { StaffSessionRequiredError } from '../staff-auth/staff-auth-errors.js';
import type { StaffHttpEvent } from './staff-session-required.js';

export interface StaffForgeryProtectionOptions {
  /** The console's public base URL: the only origin whose pages may post to it. */
  readonly publicBaseUrl: string;
}

/**
 * Refuses a state-changing console request without the session's forgery-protection token or from
 * another site (403 FORBIDDEN, CsrfRejectedError). Runs after httpBody and staffSessionRequired.
 */
export const staffForgeryProtection = (
  options: StaffForgeryProtectionOptions,
): middy.MiddlewareObj<StaffHttpEvent> => {
  const consoleOrigin = originOf(options.publicBaseUrl);
  return {
    before: async ({ event }) => {
      const method = event.requestContext?.http?.method ?? 'GET';
      const headers = event.headers ?? {};
      if (!event.staff) throw new StaffSessionRequiredError('Sign in to use the staff console.');
      checkConsoleRequestForgery(
        { method, headers, body: event.parsedBody },
        event.staff.csrfSecret,
        consoleOrigin,
      );
    },
  };
};
