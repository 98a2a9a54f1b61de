import type { ChangedBy } from '../core/model/placement.js';
import type { ObjectDeletion, Ports, TablePorts } from '../core/ports.js';
import { type HttpResult, htmlResponse, jsonResponse } from '../http/http-response.js';
import type { RouteRequest } from '../http/route-table.js';
import type { StaffHttpEvent } from '../middleware/staff-session-required.js';
import { consoleCookie, isSecureBaseUrl, readCookie } from '../staff-auth/console-cookies.js';
import { type ConsoleAction, requirePermission } from '../staff-auth/console-permissions.js';
import { csrfTokenFor } from '../staff-auth/csrf-tokens.js';
import type { OidcRelyingParty } from '../staff-auth/oidc-relying-party.js';
import type { PendingSignInStore } from '../staff-auth/pending-sign-in.js';
import { StaffSessionRequiredError } from '../staff-auth/staff-auth-errors.js';
import type { StaffSession, StaffSessionStore } from '../staff-auth/staff-session.js';
import type { StaffTokenVerifier } from '../staff-auth/staff-token-verifier.js';
import type { ConsoleContext, FlashMessage } from '../web/console/console-layout.js';
import type { RenderedPage } from '../web/page-layout.js';

/** The console's base path: its pages link and post under it. */
export const CONSOLE_BASE_PATH = '/console';

/** The provider side of sign-in, discovered once per container (on the first sign-in). */
export interface ConsoleSignInProvider {
  readonly relyingParty: OidcRelyingParty;
  readonly verifier: StaffTokenVerifier;
}

/** What the console's routes work with: the table, the workflow, mail, storage, sessions, sign-in. */
export type ConsolePorts = TablePorts &
  Pick<Ports, 'counters' | 'imports' | 'verificationQueue' | 'workflow' | 'mailer' | 'clock' | 'config'> & {
    /**
     * A purge deletes a placement's documents; the document views read them (a 60-second URL after
     * the disclosure is recorded), and the queue's item page allows the storage origin in its frame.
     */
    readonly storage: ObjectDeletion & Pick<Ports['storage'], 'createDownloadUrl' | 'uploadOrigin'>;
    readonly sessions: StaffSessionStore;
    readonly pendingSignIns: PendingSignInStore;
    /** The relying party and token verifier (discovery needs the network: done lazily, once). */
    readonly signInProvider: () => Promise<ConsoleSignInProvider>;
    /**
     * Where sign-out sends the browser at the provider when its discovery has no end-session endpoint
     * (Cognito's managed login `/logout`): `?client_id=…&logout_uri=…` is added.
     */
    readonly providerSignOutUrl?: string;
    /** The console's client id (Cognito's logout needs it). */
    readonly clientId: string;
  };

/** Whether the console is served over HTTPS: Secure, `__Host-` cookies then. */
export const secureConsole = (ports: Pick<ConsolePorts, 'config'>): boolean =>
  isSecureBaseUrl(ports.config.publicBaseUrl);

const flashCookieName = (secure: boolean) => (secure ? '__Host-console-flash' : 'console-flash');

/** The signed-in staff member (staffSessionRequired put them on the event). */
export const staffOf = (request: RouteRequest): StaffSession => {
  const staff = (request.event as StaffHttpEvent).staff;
  if (!staff) throw new StaffSessionRequiredError('Sign in to use the staff console.');
  return staff;
};

/** The staff member, after checking their role allows `action` (403 FORBIDDEN otherwise). */
export const allow = (request: RouteRequest, action: ConsoleAction): StaffSession => {
  const staff = staffOf(request);
  requirePermission(staff.role, action);
  return staff;
};

/** Who a change is recorded as in the placement's history. */
export const changedBy = (staff: Pick<StaffSession, 'sub' | 'email'>): ChangedBy => ({
  sub: staff.sub,
  email: staff.email,
});

/** Whether the caller asked for the page's view model as JSON (`Accept: application/json`). */
export const wantsJson = (headers: Readonly<Record<string, string | undefined>>): boolean => {
  const accept = (headers.accept ?? headers.Accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
};

const readFlash = (request: RouteRequest, secure: boolean): FlashMessage[] => {
  const value = readCookie(request.event, flashCookieName(secure));
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (message): message is FlashMessage =>
        typeof message?.text === 'string' && ['done', 'problem', 'info'].includes(message?.tone),
    );
  } catch {
    return [];
  }
};

/** What every console page is given: the staff member, the form token, the flash messages. */
export const consoleContextOf = (
  request: RouteRequest,
  secure: boolean,
  extraFlash: readonly FlashMessage[] = [],
): ConsoleContext => {
  const staff = staffOf(request);
  const flash = [...readFlash(request, secure), ...extraFlash];
  return {
    staff: { email: staff.email, role: staff.role },
    csrfToken: csrfTokenFor(staff.csrfSecret),
    basePath: CONSOLE_BASE_PATH,
    ...(flash.length > 0 ? { flash } : {}),
  };
};

/**
 * A console page: its view model as JSON when asked for (the "console JSON answers"), otherwise the
 * rendered page with its security headers. A flash message shown is cleared.
 */
export const pageAnswer = <View>(
  request: RouteRequest,
  ports: Pick<ConsolePorts, 'config'>,
  view: View,
  render: (context: ConsoleContext, view: View) => RenderedPage,
  options: { statusCode?: number; flash?: readonly FlashMessage[] } = {},
): HttpResult => {
  const statusCode = options.statusCode ?? 200;
  if (wantsJson(request.headers)) return jsonResponse(statusCode, view);
  const secure = secureConsole(ports);
  const page = render(consoleContextOf(request, secure, options.flash), view);
  const result = htmlResponse(statusCode, page.html, page.headers);
  return readCookie(request.event, flashCookieName(secure)) === undefined
    ? result
    : { ...result, cookies: [consoleCookie(flashCookieName(secure), '', secure, 0)] };
};

/**
 * The answer to a console form: 303 to `location` with a flash message for the next page (a cookie
 * of 60 seconds, HttpOnly like the others), or, for a JSON caller, 200 with `json`.
 */
export const afterChange = (
  request: RouteRequest,
  ports: Pick<ConsolePorts, 'config'>,
  location: string,
  flash: FlashMessage,
  json: unknown,
): HttpResult => {
  if (wantsJson(request.headers)) return jsonResponse(200, json);
  const secure = secureConsole(ports);
  const value = Buffer.from(JSON.stringify([flash]), 'utf8').toString('base64url');
  return {
    statusCode: 303,
    headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    cookies: [consoleCookie(flashCookieName(secure), value, secure, 60)],
    body: '',
  };
};

/** A form's text field, as posted (`undefined` for a missing or repeated field). */
export const formText = (body: unknown, name: string): string | undefined => {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};
