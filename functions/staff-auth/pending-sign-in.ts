/**
 * A sign-in between the redirect to the provider and its callback: the OIDC checks (state, nonce,
 * PKCE code verifier) and where to return. Kept server-side, keyed by the SHA-256 of an opaque id in a
 * short-lived HttpOnly cookie, and taken (read and deleted) by the callback, so:
 * - the callback only completes in the browser that started it (the cookie binds state to the browser,
 *   which stops login CSRF: an attacker's code and state are useless without the attacker's cookie);
 * - nothing needs signing or encrypting in a cookie (no hand-made crypto), and the verifier never
 *   leaves the server;
 * - a callback replayed after use finds nothing.
 */
export interface PendingSignIn {
  /** SHA-256 (hex) of the sign-in cookie's id. */
  readonly idHash: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A console path (safeReturnTo). */
  readonly returnTo: string;
  /** ISO instant. */
  readonly createdAt: string;
}

/** A sign-in must come back from the provider within 10 minutes. */
export const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

export const pendingSignInExpired = (pending: Pick<PendingSignIn, 'createdAt'>, now: Date): boolean => {
  const created = Date.parse(pending.createdAt);
  return Number.isNaN(created) || now.getTime() - created >= PENDING_SIGN_IN_MS;
};

export interface PendingSignInStore {
  put(pending: PendingSignIn): Promise<void>;
  /** Reads and deletes: a pending sign-in is used once. */
  take(idHash: string): Promise<PendingSignIn | undefined>;
}

export const CONSOLE_HOME = '/console';

/**
 * Where to go after signing in: a path of the console, nothing else (no other host, no `//host`
 * or `/\host` that browsers read as another host, no scheme), so the sign-in is no open redirect.
 */
export const safeReturnTo = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 2000) return CONSOLE_HOME;
  if (!/^\/console(?:[/?#]|$)/.test(value) || /[\\\s]/.test(value) || value.includes('//'))
    return CONSOLE_HOME;
  return value;
};
