/**
 * Link tokens for the emailed portal and review links (docs/design.md, "Security rules"):
 * 256 bits from the CSPRNG, base64url; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LinkRecord } from './model/link.js';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type LinkStatus = 'valid' | 'expired' | 'superseded';

export function generateLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The SHA-256 of a token, lowercase hex: the only form that is stored. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A cheap check before any lookup: exactly 43 base64url characters. */
export function isLinkTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/**
 * Whether a link still works at `now`. A link is expired from its `expiresAt` instant on
 * (an unreadable one counts as expired). A review link from an approval round other than
 * `currentRound` is superseded.
 */
export function linkStatus(record: LinkRecord, now: Date, currentRound?: number): LinkStatus {
  if (currentRound !== undefined && record.kind === 'review' && record.round !== currentRound)
    return 'superseded';
  const expiresAt = Date.parse(record.expiresAt);
  if (Number.isNaN(expiresAt) || now.getTime() >= expiresAt) return 'expired';
  return 'valid';
}
