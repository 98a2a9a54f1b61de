import { parse, serialize } from 'cookie';

/**
 * The console's cookies, written and read with `cookie` (jshttp; the parser Express uses): HttpOnly
 * (no page script can read them), SameSite=Lax (sent on top-level navigation back from the provider,
 * never on a cross-site POST), Path=/, and on HTTPS Secure with the `__Host-` prefix (no Domain, so no
 * other host can set or read them).
 */
export interface ConsoleCookieNames {
  /** The session id. */
  readonly session: string;
  /** The pending sign-in's id, between the redirect to the provider and the callback. */
  readonly signIn: string;
}

export const consoleCookieNames = (secure: boolean): ConsoleCookieNames =>
  secure
    ? { session: '__Host-console-session', signIn: '__Host-console-sign-in' }
    : { session: 'console-session', signIn: 'console-sign-in' };

/** Whether the console is served over HTTPS (its public base URL's scheme): Secure and `__Host-` then. */
export const isSecureBaseUrl = (publicBaseUrl: string): boolean =>
  new URL(publicBaseUrl).protocol === 'https:';

/** A `Set-Cookie` value; `maxAgeSeconds` 0 deletes the cookie. */
export const consoleCookie = (name: string, value: string, secure: boolean, maxAgeSeconds: number): string =>
  serialize(name, value, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: maxAgeSeconds });

/**
 * A cookie of a request: API Gateway v2 gives them in `event.cookies`, a hand-built or v1 event in the
 * `cookie` header.
 */
export const readCookie = (
  request: {
    readonly cookies?: readonly string[];
    readonly headers?: Readonly<Record<string, string | undefined>>;
  },
  name: string,
): string | undefined => {
  const header = request.cookies?.length
    ? request.cookies.join('; ')
    : (request.headers?.cookie ?? request.headers?.Cookie);
  if (!header) return undefined;
  return parse(header)[name];
};
