import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import type { RouteTable } from '../../http/route-table.js';
import { consoleCookie, consoleCookieNames, readCookie } from '../../staff-auth/console-cookies.js';
import { PENDING_SIGN_IN_MS } from '../../staff-auth/pending-sign-in.js';
import { beginStaffSignIn, completeStaffSignIn, endStaffSession } from '../../staff-auth/staff-sign-in.js';
import { renderSignedOutPage } from '../../web/console/console-layout.js';
import { consoleLinks } from '../../web/console/console-links.js';
import { html } from '../../web/html.js';
import { CONSOLE_BASE_PATH, type ConsolePorts, secureConsole } from '../console-request.js';

const seeOther = (location: string, cookies: string[]) => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  cookies,
  body: '',
});

/** The provider's sign-out page: its own end-session URL, or Cognito's `/logout` with the console's client. */
const providerSignOut = async (ports: ConsolePorts, sessionId: string | undefined): Promise<string> => {
  const signedOut = `${ports.config.publicBaseUrl.replace(/\/+$/, '')}${CONSOLE_BASE_PATH}/signed-out`;
  const { relyingParty } = await ports.signInProvider();
  const endSession = await endStaffSession({ sessions: ports.sessions, relyingParty }, sessionId);
  if (endSession) return endSession.href;
  if (!ports.providerSignOutUrl) return signedOut;
  const url = new URL(ports.providerSignOutUrl);
  url.searchParams.set('client_id', ports.clientId);
  url.searchParams.set('logout_uri', signedOut);
  return url.href;
};

/**
 * Sign-in, callback and sign-out: the only console routes without a session. The sign-in cookie
 * (10 minutes) binds the provider's callback to the browser that started it (pending-sign-in.ts);
 * the session cookie is the credential after.
 */
export const signInRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => {
  const secure = secureConsole(ports);
  const names = consoleCookieNames(secure);
  return {
    'GET /console/auth/sign-in': async ({ query }) => {
      const { relyingParty } = await ports.signInProvider();
      const { redirectTo, signInId } = await beginStaffSignIn(
        { relyingParty, pendingSignIns: ports.pendingSignIns, clock: ports.clock },
        query.returnTo,
      );
      return seeOther(redirectTo.href, [
        consoleCookie(names.signIn, signInId, secure, PENDING_SIGN_IN_MS / 1000),
      ]);
    },
    'GET /console/auth/callback': async ({ event }) => {
      const { relyingParty, verifier } = await ports.signInProvider();
      const base = ports.config.publicBaseUrl.replace(/\/+$/, '');
      const callbackUrl = new URL(
        `${base}${CONSOLE_BASE_PATH}/auth/callback${event.rawQueryString ? `?${event.rawQueryString}` : ''}`,
      );
      const { sessionId, returnTo } = await completeStaffSignIn(
        {
          relyingParty,
          verifier,
          pendingSignIns: ports.pendingSignIns,
          sessions: ports.sessions,
          clock: ports.clock,
        },
        callbackUrl,
        readCookie(event, names.signIn),
      );
      return seeOther(returnTo, [
        consoleCookie(names.signIn, '', secure, 0),
        // Browser-session cookie lifetime is bounded by the server: idle 30 min, absolute 12 h.
        consoleCookie(names.session, sessionId, secure, 12 * 60 * 60),
      ]);
    },
    'POST /console/auth/sign-out': async ({ event }) =>
      seeOther(await providerSignOut(ports, readCookie(event, names.session)), [
        consoleCookie(names.session, '', secure, 0),
      ]),
    'GET /console/signed-out': async () => {
      const links = consoleLinks(CONSOLE_BASE_PATH);
      const page = renderSignedOutPage({
        title: 'You are signed out',
        main: html`<p>You are signed out of the staff console. Close the browser if it is a shared computer.</p>
<p><a class="button" href="${links.signIn}">Sign in again</a></p>`,
      });
      return { statusCode: 200, headers: page.headers, body: page.html };
    },
  };
};
