import { isCrossSiteRequest } from '../http/cross-site-request.js';
import { csrfTokenValid } from './csrf-tokens.js';
import { CsrfRejectedError } from './staff-auth-errors.js';

/** Methods that change something: every one of them needs a forgery-protection token. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The form field and the header a console page sends its token in. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface ConsoleRequestFacts {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed body (a form's fields, or JSON), where the `_csrf` field may be. */
  readonly body?: unknown;
}

const tokenOf = (request: ConsoleRequestFacts): unknown => {
  const header = request.headers[CSRF_HEADER];
  if (header !== undefined) return header;
  const body = request.body;
  return body !== null && typeof body === 'object'
    ? (body as Record<string, unknown>)[CSRF_FIELD]
    : undefined;
};

export const isStateChanging = (method: string): boolean => STATE_CHANGING.has(method.toUpperCase());

/**
 * Refuses a state-changing console request (CsrfRejectedError, 403) that came from another website
 * (`Origin` / `Sec-Fetch-Site`, as the link routes check) or that lacks a token made from the
 * session's secret (`_csrf` form field or `x-csrf-token` header). Both checks, as OWASP recommends:
 * the origin check stops a browser's cross-site post, the token stops one that hides its origin.
 * Reads pass.
 */
export const checkConsoleRequestForgery = (
  request: ConsoleRequestFacts,
  csrfSecret: string,
  consoleOrigin: string,
): void => {
  if (!isStateChanging(request.method)) return;
  if (isCrossSiteRequest(request.headers, consoleOrigin)) {
    throw new CsrfRejectedError(
      'This request came from another website. Open the console and try again there.',
    );
  }
  const token = tokenOf(request);
  if (!csrfTokenValid(csrfSecret, Array.isArray(token) ? undefined : token)) {
    throw new CsrfRejectedError(
      'This form has expired or was not sent by the console. Reload the page and try again.',
    );
  }
};
