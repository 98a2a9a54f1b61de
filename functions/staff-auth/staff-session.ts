import { createHash, randomBytes } from 'node:crypto';
import type { StaffIdentity } from './staff-identity.js';

/**
 * Server-side console sessions. The browser holds only an opaque 256-bit id from the CSPRNG (in an
 * HttpOnly cookie); the store holds its SHA-256, so a leaked table item cannot be replayed as a cookie.
 */
export interface StaffSession extends StaffIdentity {
  /** SHA-256 (hex) of the cookie's session id: the store's key. */
  readonly idHash: string;
  /** ISO instants. */
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The secret the session's forgery-protection tokens are made from (csrf-tokens.ts). */
  readonly csrfSecret: string;
}

/** Idle timeout: 30 minutes without a request ends a session. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Absolute lifetime: 12 hours after sign-in, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most once a minute: a page's burst of requests costs one write. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const generateSessionId = (): string => randomBytes(32).toString('base64url');

export const hashSessionId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

/** A cheap check before any lookup: 43 base64url characters (32 bytes). */
export const isSessionIdShaped = (value: unknown): value is string =>
  typeof value === 'string' && ID_SHAPE.test(value);

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired';

/** Whether a session still works at `now` (an unreadable instant counts as expired). */
export const sessionState = (
  session: Pick<StaffSession, 'createdAt' | 'lastSeenAt'>,
  now: Date,
): SessionState => {
  const created = Date.parse(session.createdAt);
  const lastSeen = Date.parse(session.lastSeenAt);
  if (Number.isNaN(created) || now.getTime() - created >= SESSION_ABSOLUTE_MS) return 'absolute-expired';
  if (Number.isNaN(lastSeen) || now.getTime() - lastSeen >= SESSION_IDLE_MS) return 'idle-expired';
  return 'active';
};

/** The instant after which the store may delete the item (its TTL attribute; clean-up only). */
export const sessionCleanupAt = (session: Pick<StaffSession, 'createdAt'>): Date =>
  new Date(Date.parse(session.createdAt) + SESSION_ABSOLUTE_MS);

/** Where sessions are kept (DynamoDB in the Lambda; in memory in tests). */
export interface StaffSessionStore {
  get(idHash: string): Promise<StaffSession | undefined>;
  put(session: StaffSession): Promise<void>;
  /** Records activity; a session deleted meanwhile stays deleted. */
  touch(idHash: string, lastSeenAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
}
