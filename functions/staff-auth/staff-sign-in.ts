import type { Clock } from '../core/ports.js';
import { createCsrfSecret } from './csrf-tokens.js';
import type { OidcRelyingParty } from './oidc-relying-party.js';
import { type PendingSignInStore, pendingSignInExpired, safeReturnTo } from './pending-sign-in.js';
import { SignInCallbackError, StaffSessionRequiredError } from './staff-auth-errors.js';
import {
  generateSessionId,
  hashSessionId,
  isSessionIdShaped,
  SESSION_TOUCH_INTERVAL_MS,
  type StaffSession,
  type StaffSessionStore,
  sessionState,
} from './staff-session.js';
import type { StaffTokenVerifier } from './staff-token-verifier.js';

/** What the console's sign-in needs; the handler builds it once per container. */
export interface StaffSignInPorts {
  readonly relyingParty: OidcRelyingParty;
  readonly verifier: StaffTokenVerifier;
  readonly pendingSignIns: PendingSignInStore;
  readonly sessions: StaffSessionStore;
  readonly clock: Clock;
}

/** Starts a sign-in: the provider URL to redirect to, and the id for the short-lived sign-in cookie. */
export async function beginStaffSignIn(
  ports: Pick<StaffSignInPorts, 'relyingParty' | 'pendingSignIns' | 'clock'>,
  returnTo: unknown,
): Promise<{ redirectTo: URL; signInId: string }> {
  const request = await ports.relyingParty.authorizationRequest();
  const signInId = generateSessionId();
  await ports.pendingSignIns.put({
    idHash: hashSessionId(signInId),
    state: request.state,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo: safeReturnTo(returnTo),
    createdAt: ports.clock.now().toISOString(),
  });
  return { redirectTo: request.url, signInId };
}

/**
 * Completes a sign-in on the provider's callback: the pending sign-in of this browser (taken once),
 * the code exchanged with its checks, the ID token verified into a StaffIdentity, and a new session.
 * Returns the new session's id (for the cookie) and where to go.
 */
export async function completeStaffSignIn(
  ports: StaffSignInPorts,
  callbackUrl: URL,
  signInId: string | undefined,
): Promise<{ sessionId: string; session: StaffSession; returnTo: string }> {
  const pending = isSessionIdShaped(signInId)
    ? await ports.pendingSignIns.take(hashSessionId(signInId))
    : undefined;
  const now = ports.clock.now();
  if (!pending || pendingSignInExpired(pending, now)) {
    throw new SignInCallbackError(
      'This sign-in was not started in this browser, or took too long. Sign in again.',
    );
  }
  const idToken = await ports.relyingParty.exchangeCode(callbackUrl, pending);
  const identity = await ports.verifier.verify(idToken);
  const sessionId = generateSessionId();
  const session: StaffSession = {
    idHash: hashSessionId(sessionId),
    sub: identity.sub,
    email: identity.email,
    role: identity.role,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    csrfSecret: createCsrfSecret(),
  };
  await ports.sessions.put(session);
  return { sessionId, session, returnTo: pending.returnTo };
}

/**
 * The session a cookie names, if it is still active (idle < 30 min, age < 12 h); records the activity
 * (at most once a minute). An expired session is deleted. StaffSessionRequiredError otherwise.
 */
export async function resumeStaffSession(
  ports: Pick<StaffSignInPorts, 'sessions' | 'clock'>,
  sessionId: string | undefined,
): Promise<StaffSession> {
  if (!isSessionIdShaped(sessionId)) throw new StaffSessionRequiredError('Sign in to use the staff console.');
  const idHash = hashSessionId(sessionId);
  const session = await ports.sessions.get(idHash);
  if (!session) throw new StaffSessionRequiredError('Sign in to use the staff console.');
  const now = ports.clock.now();
  const state = sessionState(session, now);
  if (state !== 'active') {
    await ports.sessions.delete(idHash);
    throw new StaffSessionRequiredError(
      state === 'idle-expired'
        ? 'Your session ended after 30 minutes without activity. Sign in again.'
        : 'Your session ended after 12 hours. Sign in again.',
    );
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) < SESSION_TOUCH_INTERVAL_MS) return session;
  const lastSeenAt = now.toISOString();
  await ports.sessions.touch(idHash, lastSeenAt);
  return { ...session, lastSeenAt };
}

/** Ends the session here; returns the provider's sign-out URL (RP-initiated logout) when it has one. */
export async function endStaffSession(
  ports: Pick<StaffSignInPorts, 'sessions' | 'relyingParty'>,
  sessionId: string | undefined,
): Promise<URL | undefined> {
  if (isSessionIdShaped(sessionId)) await ports.sessions.delete(hashSessionId(sessionId));
  return ports.relyingParty.signOutUrl();
}
