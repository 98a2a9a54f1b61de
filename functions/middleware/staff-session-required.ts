import type middy from '@middy/core';
import type { Clock } from '../core/ports.js';
import type { HttpResult } from '../http/http-response.js';
import { consoleCookie, readCookie } from '../staff-auth/console-cookies.js';
import { StaffSessionRequiredError } from '../staff-auth/staff-auth-errors.js';
import type { StaffSession, StaffSessionStore } from '../staff-auth/staff-session.js';
import { resumeStaffSession } from '../staff-auth/staff-sign-in.js';
import type { ParsedHttpEvent } from './http-body.js';

/** A console request after staffSessionRequired: `staff` is the signed-in person's active session. */
export type StaffHttpEvent = ParsedHttpEvent & { staff?: StaffSession };

export interface StaffSessionRequiredOptions {
  readonly sessions: StaffSessionStore;
  readonly clock: Clock;
  /** The session cookie's name (consoleCookieNames(secure).session). */
  readonly cookieName: string;
  /** Whether cookies are Secure (HTTPS). */
  readonly secure: boolean;
  /** Where a browser is sent to sign in; gets `?returnTo=<the page>`. Default `/console/auth/sign-in`. */
  readonly signInPath?: string;
}

const wantsPage = (event: ParsedHttpEvent): boolean => {
  const method = event.requestContext?.http?.method ?? 'GET';
  const accept = (event.headers?.accept ?? '').toLowerCase();
  return (method === 'GET' || method === 'HEAD') && accept.includes('text/html');
};

/**
 * Loads the console session the cookie names and puts it on `event.staff` (touching it). Without an
 * active session: a browser asking for a page is sent to sign in (303, returning to the page after),
 * anything else is refused with 401 UNAUTHORIZED (StaffSessionRequiredError, JSON via httpErrors).
 */
export const staffSessionRequired = (
  options: StaffSessionRequiredOptions,
): middy.MiddlewareObj<StaffHttpEvent> => ({
  before: async (request): Promise<HttpResult | undefined> => {
    const { event } = request;
    try {
      event.staff = await resumeStaffSession(options, readCookie(event, options.cookieName));
      return undefined;
    } catch (error) {
      if (!(error instanceof StaffSessionRequiredError) || !wantsPage(event)) throw error;
      const page = `${event.rawPath ?? '/console'}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
      return {
        statusCode: 303,
        headers: {
          location: `${options.signInPath ?? '/console/auth/sign-in'}?${new URLSearchParams({ returnTo: page })}`,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        },
        cookies: [consoleCookie(options.cookieName, '', options.secure, 0)],
        body: '',
      };
    }
  },
});
