import { describe, expect, it } from 'vitest';
import type { Placement } from '../../functions/core/model/placement.js';
import {
  counterDeltas,
  counterNames,
  daysToClearance,
  histogramQuantile,
  MAX_COUNTED_DAYS,
} from '../../functions/core/placement-counters.js';
import { storedPlacement } from '../handlers/support/stored-items.js';

const cleared = (createdAt: string, approvedAt: string): Placement =>
  storedPlacement({
    status: 'CLEARED',
    createdAt,
    decision: { decision: 'approve', round: 0, by: 'admin@site.example', at: approvedAt },
  });

describe('counter deltas of a placement write', () => {
  it('count a new placement under its status, its site and its program', () => {
    const placement = storedPlacement({ status: 'CHECKING', siteId: 'st-marys', program: 'BSN' });
    expect(counterDeltas(undefined, placement)).toEqual([
      { counter: 'status#CHECKING', by: 1 },
      { counter: 'site#st-marys#status#CHECKING', by: 1 },
      { counter: 'site#st-marys#program#BSN#status#CHECKING', by: 1 },
      { counter: 'waiting#student', by: 1 },
    ]);
  });

  it('move a placement from its old status to its new one, and nothing else', () => {
    const before = storedPlacement({ status: 'AWAITING_DOCUMENTS' });
    const after = { ...before, status: 'AWAITING_SITE_APPROVAL' as const };
    const deltas = counterDeltas(before, after);
    expect(deltas).toContainEqual({ counter: 'status#AWAITING_DOCUMENTS', by: -1 });
    expect(deltas).toContainEqual({ counter: 'status#AWAITING_SITE_APPROVAL', by: 1 });
    expect(deltas).toContainEqual({ counter: 'waiting#student', by: -1 });
    expect(deltas).toContainEqual({ counter: 'waiting#site', by: 1 });
    expect(deltas).toHaveLength(8);
  });

  it('change nothing when a write leaves the counted state as it was', () => {
    const before = storedPlacement();
    expect(counterDeltas(before, { ...before, history: [], remindersSent: 4 })).toEqual([]);
  });

  it('count requirements waiting for a verifier, one per submitted item', () => {
    const before = storedPlacement();
    const after: Placement = {
      ...before,
      requirements: before.requirements.map((requirement) => ({
        ...requirement,
        status: 'SUBMITTED' as Placement['requirements'][number]['status'],
      })),
    };
    expect(counterDeltas(before, after)).toEqual([
      { counter: 'waiting#student', by: -1 },
      { counter: counterNames.submitted(), by: 2 },
      { counter: 'waiting#school', by: 1 },
    ]);
    expect(counterDeltas(after, before)).toContainEqual({ counter: counterNames.submitted(), by: -2 });
  });

  it('file each staff decision under the whole hours it waited after submission', () => {
    const before = storedPlacement();
    const after: Placement = {
      ...before,
      requirements: [
        {
          code: 'MMR',
          title: 'MMR',
          status: 'ACCEPTED',
          verification: 'staff',
          submittedAt: '2030-02-20T10:00:00.000Z',
          verifiedAt: '2030-02-21T13:30:00.000Z',
        },
        {
          code: 'BLS',
          title: 'BLS',
          status: 'REJECTED',
          submittedAt: '2030-02-20T10:00:00.000Z',
          sentBackAt: '2030-02-20T12:00:00.000Z',
        },
      ],
    };
    const deltas = counterDeltas(before, after);
    expect(deltas).toContainEqual({ counter: 'decided-hours#27', by: 1 });
    expect(deltas).toContainEqual({ counter: 'decided-hours#2', by: 1 });
  });

  it('file a cleared placement under the whole days it took, capped at a year', () => {
    expect(daysToClearance(cleared('2030-02-20T10:00:00.000Z', '2030-02-23T09:59:59.000Z'))).toBe(2);
    expect(daysToClearance(cleared('2030-02-20T10:00:00.000Z', '2032-02-20T10:00:00.000Z'))).toBe(
      MAX_COUNTED_DAYS,
    );
    expect(daysToClearance(storedPlacement({ status: 'DECLINED' }))).toBeUndefined();
    const deltas = counterDeltas(
      storedPlacement({ status: 'AWAITING_SITE_APPROVAL', createdAt: '2030-02-20T10:00:00.000Z' }),
      cleared('2030-02-20T10:00:00.000Z', '2030-02-25T10:00:00.000Z'),
    );
    expect(deltas).toContainEqual({ counter: 'cleared-days#5', by: 1 });
  });
});

describe('histogram quantiles', () => {
  it.each([
    [[[1, 1]], 0.5, 1],
    [
      [
        [1, 1],
        [2, 1],
        [10, 2],
      ],
      0.5,
      2,
    ],
    [
      [
        [1, 9],
        [30, 1],
      ],
      0.9,
      1,
    ],
    [
      [
        [1, 8],
        [30, 2],
      ],
      0.9,
      30,
    ],
    [[[3, 0]], 0.5, undefined],
  ] as Array<[Array<[number, number]>, number, number | undefined]>)(
    'nearest rank of %j at %d is %s',
    (entries, q, expected) => {
      expect(histogramQuantile(new Map(entries), q)).toBe(expected);
    },
  );
});
