import Tokens from '@fastify/csrf';

/**
 * Forgery protection for state-changing console requests, with @fastify/csrf (the Fastify team's
 * maintained fork of pillarjs/csrf): a per-session secret, and tokens derived from it (salted HMAC)
 * that pages put in a hidden form field or a request header. Checked in constant time by the library.
 */
const tokens = Tokens();

/** A new secret for a session. */
export const createCsrfSecret = (): string => tokens.secretSync();

/** A token for a page's forms; a fresh salt each time, every one valid for the session. */
export const csrfTokenFor = (secret: string): string => tokens.create(secret);

/** Whether a token was made from the session's secret. */
export const csrfTokenValid = (secret: string, token: unknown): boolean =>
  typeof token === 'string' && token.length > 0 && tokens.verify(secret, token);
