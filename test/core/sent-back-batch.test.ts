import { describe, expect, it } from 'vitest';
import type { Placement, PlacementRequirement } from '../../functions/core/model/placement.js';
import {
  closedSentBackBatch,
  latestSentBackAt,
  SITTING_MINUTES,
} from '../../functions/core/sent-back-batch.js';

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-05T09:02:00.000Z';
const sentBack = (code: PlacementRequirement['code'], at: string): PlacementRequirement => ({
  code,
  title: code,
  status: 'REJECTED',
  reason: 'r',
  rejectedAt: at,
  sentBackAt: at,
});
const placement = (
  requirements: PlacementRequirement[],
  extra: Partial<Placement> = {},
): Parameters<typeof closedSentBackBatch>[0] => ({
  placementId: 'pl_1',
  status: 'AWAITING_DOCUMENTS',
  requirements,
  ...extra,
});
const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * 60_000);

describe('closedSentBackBatch', () => {
  it('stays open while the placement still has a SUBMITTED item, within the sitting', () => {
    const open = placement([sentBack('TB', T0), { code: 'BLS', title: 'BLS', status: 'SUBMITTED' }]);
    expect(closedSentBackBatch(open, at(T0, 5))).toBeUndefined();
  });

  it('closes once no SUBMITTED item is left, with every item sent back in it, under a key of its first', () => {
    const batch = closedSentBackBatch(
      placement([sentBack('TB', T0), sentBack('BLS', T1), { code: 'MMR', title: 'MMR', status: 'ACCEPTED' }]),
      at(T1),
    );
    expect(batch).toEqual({
      key: `sent-back:pl_1:${T0}`,
      items: [sentBack('TB', T0), sentBack('BLS', T1)],
      through: T1,
    });
  });

  it(`closes after ${SITTING_MINUTES} minutes even with a document still waiting`, () => {
    const open = placement([sentBack('TB', T0), { code: 'BLS', title: 'BLS', status: 'SUBMITTED' }]);
    expect(closedSentBackBatch(open, at(T0, SITTING_MINUTES - 1))).toBeUndefined();
    expect(closedSentBackBatch(open, at(T0, SITTING_MINUTES))?.items).toHaveLength(1);
  });

  it.each<[string, Parameters<typeof closedSentBackBatch>[0]]>([
    ['nothing was sent back', placement([{ code: 'TB', title: 'TB', status: 'MISSING' }])],
    [
      'a rejection by the file checks only',
      placement([{ code: 'TB', title: 'TB', status: 'REJECTED', reason: 'r' }]),
    ],
    ['the student was already told', placement([sentBack('TB', T0)], { sentBackNoticeThrough: T0 })],
    ['the placement was cancelled', placement([sentBack('TB', T0)], { status: 'CANCELLED' })],
    ['the placement expired', placement([sentBack('TB', T0)], { status: 'EXPIRED' })],
  ])('has nothing to send when %s', (_name, subject) => {
    expect(closedSentBackBatch(subject, at(T1, 60))).toBeUndefined();
  });

  it('starts a new batch with what was sent back after the last email', () => {
    const batch = closedSentBackBatch(
      placement([sentBack('TB', T0), sentBack('BLS', T1)], { sentBackNoticeThrough: T0 }),
      at(T1),
    );
    expect(batch?.items.map((item) => item.code)).toEqual(['BLS']);
    expect(batch?.key).toBe(`sent-back:pl_1:${T1}`);
  });

  it('latestSentBackAt is the newest sent-back time still REJECTED', () => {
    expect(latestSentBackAt({ requirements: [sentBack('TB', T1), sentBack('BLS', T0)] })).toBe(T1);
    expect(
      latestSentBackAt({ requirements: [{ code: 'TB', title: 'TB', status: 'ACCEPTED', sentBackAt: T1 }] }),
    ).toBeUndefined();
  });
});
