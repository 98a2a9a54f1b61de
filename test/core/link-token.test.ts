import { describe, expect, it } from 'vitest';
import {
  generateLinkToken,
  hashLinkToken,
  isLinkTokenShaped,
  linkStatus,
} from '../../functions/core/link-token.js';
import type { LinkRecord } from '../../functions/core/model/link.js';

describe('generateLinkToken', () => {
  it('makes 43 base64url characters that decode to 32 bytes', () => {
    const token = generateLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).toHaveLength(43);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isLinkTokenShaped(token)).toBe(true);
  });

  it('never repeats across many tokens and uses the whole alphabet (CSPRNG, not a counter)', () => {
    const tokens = Array.from({ length: 2000 }, () => generateLinkToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    const characters = new Set(tokens.join(''));
    expect(characters.size).toBe(64);
  });
});

describe('hashLinkToken', () => {
  it('is the SHA-256 of the token in lowercase hex', () => {
    // SHA-256("abc"), FIPS 180-2 test vector.
    expect(hashLinkToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('differs for tokens that differ in one character', () => {
    const token = generateLinkToken();
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(hashLinkToken(token)).not.toBe(hashLinkToken(other));
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('isLinkTokenShaped', () => {
  const good = 'a'.repeat(43);
  it.each([
    [good, true],
    ['Ab-_09'.repeat(7).concat('x'), true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    [`${'a'.repeat(42)}+`, false],
    [`${'a'.repeat(42)}/`, false],
    [`${'a'.repeat(42)}.`, false],
    [`${'a'.repeat(43)}\n`, false],
    ['', false],
    [undefined, false],
    [123, false],
  ])('%j → %s', (value, expected) => {
    expect(isLinkTokenShaped(value)).toBe(expected);
  });
});

describe('linkStatus', () => {
  const portal: LinkRecord = {
    tokenHash: 'h',
    kind: 'portal',
    placementId: 'pl_x',
    expiresAt: '2026-03-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const review: LinkRecord = { ...portal, kind: 'review', adminEmail: 'admin@example.org', round: 2 };

  it.each<[string, LinkRecord, string, number | undefined, string]>([
    ['a portal link before it expires', portal, '2026-02-28T23:59:59.999Z', undefined, 'valid'],
    ['a portal link at its expiry instant', portal, '2026-03-01T00:00:00.000Z', undefined, 'expired'],
    ['a portal link after it expires', portal, '2026-03-05T00:00:00.000Z', undefined, 'expired'],
    [
      'a portal link with an unreadable expiry',
      { ...portal, expiresAt: 'soon' },
      '2026-01-02T00:00:00Z',
      undefined,
      'expired',
    ],
    ['a review link of the current round', review, '2026-02-01T00:00:00Z', 2, 'valid'],
    ['a review link of an older round', review, '2026-02-01T00:00:00Z', 3, 'superseded'],
    [
      'a review link without a round when rounds are checked',
      { ...review, round: undefined },
      '2026-02-01T00:00:00Z',
      1,
      'superseded',
    ],
    ['a review link when no round is given', review, '2026-02-01T00:00:00Z', undefined, 'valid'],
    ['an expired review link of the current round', review, '2026-04-01T00:00:00Z', 2, 'expired'],
    ['a portal link ignores the round', portal, '2026-02-01T00:00:00Z', 7, 'valid'],
  ])('%s is %s', (_name, record, now, round, expected) => {
    expect(linkStatus(record, new Date(now), round)).toBe(expected);
  });
});
