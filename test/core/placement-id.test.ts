import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPlacementId, newDocumentId, placementIdFor } from '../../functions/core/placement-id.js';

describe('placementIdFor', () => {
  it('is pl_ and 26 lowercase base32 characters', () => {
    expect(placementIdFor('stu-1', 'site-a', '2026-03-02')).toMatch(/^pl_[a-z2-7]{26}$/);
  });

  it('is the same for the same student, site and start date (concurrent creates collide)', () => {
    expect(placementIdFor('stu-1', 'site-a', '2026-03-02')).toBe(
      placementIdFor('stu-1', 'site-a', '2026-03-02'),
    );
  });

  it('is the base32 of the SHA-256 of the JSON array of the values (pinned: ids must not change between releases)', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify(['stu-1', 'site-a', '2026-03-02']))
      .digest();
    const bits = [...digest].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    const expected = Array.from({ length: 26 }, (_, i) =>
      'abcdefghijklmnopqrstuvwxyz234567'.charAt(Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)),
    ).join('');
    expect(placementIdFor('stu-1', 'site-a', '2026-03-02')).toBe(`pl_${expected}`);
    expect(placementIdFor('stu-1', 'site-a', '2026-03-02')).toBe('pl_q366datfwfeba6rvz643rys6ke');
  });

  type Triple = [string, string, string];
  it.each<[Triple, Triple, string]>([
    [['stu-1', 'site-a', '2026-03-02'], ['stu-2', 'site-a', '2026-03-02'], 'another student'],
    [['stu-1', 'site-a', '2026-03-02'], ['stu-1', 'site-b', '2026-03-02'], 'another site'],
    [['stu-1', 'site-a', '2026-03-02'], ['stu-1', 'site-a', '2026-03-03'], 'another start date'],
    [['a|b', 'c', '2026-03-02'], ['a', 'b|c', '2026-03-02'], 'a separator moved between values'],
    [['a', 'bc', '2026-03-02'], ['ab', 'c', '2026-03-02'], 'characters moved between values'],
    [['a","b', 'c', '2026-03-02'], ['a', 'b","c', '2026-03-02'], 'quotes moved between values'],
  ])('differs for %j and %j (%s)', (a, b) => {
    expect(placementIdFor(...a)).not.toBe(placementIdFor(...b));
  });
});

describe('newDocumentId', () => {
  it('is doc_ and 26 random lowercase base32 characters, different every time', () => {
    const ids = Array.from({ length: 1000 }, () => newDocumentId());
    for (const id of ids) expect(id).toMatch(/^doc_[a-z2-7]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.join('').replaceAll('doc_', '')).size).toBe(32);
  });
});

describe('id shapes', () => {
  it.each([
    [isPlacementId, placementIdFor('s', 'x', '2026-01-01'), true],
    [isPlacementId, 'pl_ABCDEFGHIJKLMNOPQRSTUVWXYZ', false],
    [isPlacementId, 'pl_abc', false],
    [isPlacementId, `pl_${'a'.repeat(26)}/x`, false],
  ])('%o(%j) is %s', (check, value, expected) => {
    expect(check(value)).toBe(expected);
  });
});
