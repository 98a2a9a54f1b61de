import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpErrors } from '../../functions/middleware/http-errors.js';
import { staffForgeryProtection } from '../../functions/middleware/staff-forgery-protection.js';
import {
  type StaffHttpEvent,
  staffSessionRequired,
} from '../../functions/middleware/staff-session-required.js';
import { consoleCookieNames } from '../../functions/staff-auth/console-cookies.js';
import { csrfTokenFor } from '../../functions/staff-auth/csrf-tokens.js';
import { generateSessionId, hashSessionId } from '../../functions/staff-auth/staff-session.js';
import { InMemoryStaffSessions } from './support/in-memory-staff-stores.js';

const BASE = 'https://onboarding.school.example';
const COOKIE = consoleCookieNames(true).session;
const now = new Date('2026-03-02T09:00:00.000Z');

const setUp = async () => {
  const sessions = new InMemoryStaffSessions();
  const sessionId = generateSessionId();
  await sessions.put({
    idHash: hashSessionId(sessionId),
    sub: 'staff-2',
    email: 'lee@school.example',
    role: 'viewer',
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    csrfSecret: 'P_aluAxdrnB1qqG9O3E8w1AG',
  });
  const handler = middy<StaffHttpEvent>()
    .use(httpErrors())
    .use(staffSessionRequired({ sessions, clock: { now: () => now }, cookieName: COOKIE, secure: true }))
    .use(staffForgeryProtection({ publicBaseUrl: BASE }))
    .handler(async (event) => ({
      statusCode: 200,
      body: JSON.stringify(event.staff && { email: event.staff.email, role: event.staff.role }),
    }));
  return { handler, sessionId };
};

const event = (
  method: string,
  headers: Record<string, string>,
  cookies?: string[],
  parsedBody?: unknown,
): StaffHttpEvent =>
  ({
    rawPath: '/console/placements',
    rawQueryString: 'status=BLOCKED',
    headers,
    cookies,
    parsedBody,
    requestContext: { http: { method } },
  }) as unknown as StaffHttpEvent;

const context = {} as Context;

describe('the console’s session and forgery middleware', () => {
  it('puts the signed-in person on the request', async () => {
    const { handler, sessionId } = await setUp();
    const response = await handler(
      event('GET', { accept: 'application/json' }, [`${COOKIE}=${sessionId}`]),
      context,
    );
    expect(response).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(String((response as { body: string }).body))).toEqual({
      email: 'lee@school.example',
      role: 'viewer',
    });
  });

  it('sends a browser without a session to sign in, returning to the page after', async () => {
    const { handler } = await setUp();
    const response = (await handler(event('GET', { accept: 'text/html' }), context)) as {
      statusCode: number;
      headers: Record<string, string>;
    };
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `/console/auth/sign-in?${new URLSearchParams({ returnTo: '/console/placements?status=BLOCKED' })}`,
    );
  });

  it('refuses a JSON request without a session with 401 UNAUTHORIZED', async () => {
    const { handler } = await setUp();
    const response = (await handler(
      event('GET', { accept: 'application/json' }, [`${COOKIE}=${generateSessionId()}`]),
      context,
    )) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a POST without the session’s token with 403 FORBIDDEN, and accepts it with the token', async () => {
    const { handler, sessionId } = await setUp();
    const cookies = [`${COOKIE}=${sessionId}`];
    const refused = (await handler(event('POST', { origin: BASE }, cookies, {}), context)) as {
      statusCode: number;
      body: string;
    };
    expect(refused.statusCode).toBe(403);
    expect(JSON.parse(refused.body).error.code).toBe('FORBIDDEN');
    const token = csrfTokenFor('P_aluAxdrnB1qqG9O3E8w1AG');
    const accepted = await handler(event('POST', { origin: BASE }, cookies, { _csrf: token }), context);
    expect(accepted).toMatchObject({ statusCode: 200 });
  });
});
