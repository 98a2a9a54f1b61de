import { describe, expect, it } from 'vitest';
import { StaffSessionRequiredError } from '../../functions/staff-auth/staff-auth-errors.js';
import {
  generateSessionId,
  hashSessionId,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  type StaffSession,
} from '../../functions/staff-auth/staff-session.js';
import { endStaffSession, resumeStaffSession } from '../../functions/staff-auth/staff-sign-in.js';
import { InMemoryStaffSessions } from './support/in-memory-staff-stores.js';

const SIGNED_IN_AT = Date.parse('2026-03-02T08:00:00.000Z');
const MINUTE = 60_000;

/** A session store holding one session signed in at 08:00, and a clock the test moves. */
const signedIn = async () => {
  const sessions = new InMemoryStaffSessions();
  const sessionId = generateSessionId();
  const session: StaffSession = {
    idHash: hashSessionId(sessionId),
    sub: 'staff-1',
    email: 'pat@school.example',
    role: 'coordinator',
    createdAt: new Date(SIGNED_IN_AT).toISOString(),
    lastSeenAt: new Date(SIGNED_IN_AT).toISOString(),
    csrfSecret: 'secret',
  };
  await sessions.put(session);
  let now = SIGNED_IN_AT;
  const clock = { now: () => new Date(now) };
  return { sessions, sessionId, clock, at: (ms: number) => (now = ms) };
};

describe('console sessions', () => {
  it('stores only the SHA-256 of the 256-bit session id', async () => {
    const { sessions, sessionId } = await signedIn();
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...sessions.items.keys()]).toEqual([hashSessionId(sessionId)]);
    expect(JSON.stringify([...sessions.items.values()])).not.toContain(sessionId);
  });

  it('keeps a session used within 30 minutes and records the activity', async () => {
    const { sessions, sessionId, clock, at } = await signedIn();
    at(SIGNED_IN_AT + 29 * MINUTE);
    await expect(resumeStaffSession({ sessions, clock }, sessionId)).resolves.toMatchObject({
      role: 'coordinator',
    });
    expect(sessions.items.get(hashSessionId(sessionId))?.lastSeenAt).toBe(
      new Date(SIGNED_IN_AT + 29 * MINUTE).toISOString(),
    );
  });

  it('ends a session after 30 minutes without a request, and deletes it', async () => {
    const { sessions, sessionId, clock, at } = await signedIn();
    at(SIGNED_IN_AT + SESSION_IDLE_MS);
    await expect(resumeStaffSession({ sessions, clock }, sessionId)).rejects.toThrow(
      /30 minutes without activity/,
    );
    expect(sessions.items.size).toBe(0);
  });

  it('ends a session 12 hours after sign-in even when it was used all along', async () => {
    const { sessions, sessionId, clock, at } = await signedIn();
    for (let elapsed = 20 * MINUTE; elapsed < SESSION_ABSOLUTE_MS; elapsed += 20 * MINUTE) {
      at(SIGNED_IN_AT + elapsed);
      await resumeStaffSession({ sessions, clock }, sessionId);
    }
    at(SIGNED_IN_AT + SESSION_ABSOLUTE_MS);
    await expect(resumeStaffSession({ sessions, clock }, sessionId)).rejects.toThrow(/12 hours/);
  });

  it.each([
    ['no cookie', undefined],
    ['a malformed cookie', 'abc'],
    ['an unknown session id', 'A'.repeat(43)],
  ])('refuses %s with StaffSessionRequiredError', async (_case, cookie) => {
    const { sessions, clock } = await signedIn();
    await expect(resumeStaffSession({ sessions, clock }, cookie)).rejects.toBeInstanceOf(
      StaffSessionRequiredError,
    );
  });

  it('signing out deletes the session, so the cookie no longer works', async () => {
    const { sessions, sessionId, clock } = await signedIn();
    await endStaffSession({ sessions, relyingParty: { signOutUrl: () => undefined } as never }, sessionId);
    await expect(resumeStaffSession({ sessions, clock }, sessionId)).rejects.toBeInstanceOf(
      StaffSessionRequiredError,
    );
  });
});
