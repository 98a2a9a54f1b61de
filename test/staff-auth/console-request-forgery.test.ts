import { describe, expect, it } from 'vitest';
import { checkConsoleRequestForgery } from '../../functions/staff-auth/console-request-forgery.js';
import { createCsrfSecret, csrfTokenFor } from '../../functions/staff-auth/csrf-tokens.js';
import { CsrfRejectedError } from '../../functions/staff-auth/staff-auth-errors.js';

const ORIGIN = 'https://onboarding.school.example';
const secret = createCsrfSecret();
const token = csrfTokenFor(secret);

describe('forgery protection of console requests (@fastify/csrf)', () => {
  it('accepts a form post with the session’s token in the _csrf field', () => {
    expect(() =>
      checkConsoleRequestForgery(
        { method: 'POST', headers: { origin: ORIGIN }, body: { _csrf: token } },
        secret,
        ORIGIN,
      ),
    ).not.toThrow();
  });

  it('accepts a JSON request with the token in the x-csrf-token header', () => {
    expect(() =>
      checkConsoleRequestForgery(
        { method: 'PUT', headers: { 'x-csrf-token': token }, body: {} },
        secret,
        ORIGIN,
      ),
    ).not.toThrow();
  });

  it('lets reads through without a token', () => {
    expect(() => checkConsoleRequestForgery({ method: 'GET', headers: {} }, secret, ORIGIN)).not.toThrow();
  });

  it.each([
    ['no token', { method: 'POST', headers: {}, body: {} }],
    [
      'a token of another session',
      { method: 'POST', headers: {}, body: { _csrf: csrfTokenFor(createCsrfSecret()) } },
    ],
    ['a made-up token', { method: 'DELETE', headers: { 'x-csrf-token': 'abc-def' } }],
    ['two tokens in the form', { method: 'POST', headers: {}, body: { _csrf: [token, token] } }],
    [
      'a valid token posted from another website',
      { method: 'POST', headers: { origin: 'https://evil.example' }, body: { _csrf: token } },
    ],
    [
      'a valid token with Sec-Fetch-Site: cross-site',
      { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: { _csrf: token } },
    ],
  ])('refuses a state-changing request with %s (403)', (_case, request) => {
    expect(() => checkConsoleRequestForgery(request, secret, ORIGIN)).toThrow(CsrfRejectedError);
  });
});
