import { describe, expect, it } from 'vitest';
import type { PlacementRequirement, PlacementStatus } from '../../functions/core/model/placement.js';
import { PLACEMENT_STATUSES } from '../../functions/core/model/placement.js';
import { waitingOnOf } from '../../functions/core/waiting-on.js';

const req = (
  status: PlacementRequirement['status'],
  code: PlacementRequirement['code'] = 'TB',
): PlacementRequirement => ({
  code,
  title: code,
  status,
});
const MIXED = {
  missing: [req('MISSING'), req('SUBMITTED', 'BLS')],
  rejected: [req('REJECTED'), req('ACCEPTED', 'BLS')],
  submitted: [req('SUBMITTED'), req('ACCEPTED', 'BLS'), req('WAIVED', 'MMR')],
  complete: [req('ACCEPTED'), req('WAIVED', 'BLS')],
};

describe('waitingOnOf', () => {
  const cases: Array<[PlacementStatus, keyof typeof MIXED, string | undefined]> = [
    ['CHECKING', 'missing', 'student'],
    ['CHECKING', 'submitted', 'school'],
    ['CHECKING', 'complete', 'school'],
    ['AWAITING_DOCUMENTS', 'missing', 'student'],
    ['AWAITING_DOCUMENTS', 'rejected', 'student'],
    ['AWAITING_DOCUMENTS', 'submitted', 'school'],
    ['AWAITING_DOCUMENTS', 'complete', 'school'],
    ['AWAITING_SITE_APPROVAL', 'complete', 'site'],
    ['CLEARED', 'complete', undefined],
    ['DECLINED', 'complete', undefined],
    ['EXPIRED', 'missing', undefined],
    ['EXPIRED', 'submitted', undefined],
    ['CANCELLED', 'submitted', undefined],
    ['FAILED', 'missing', undefined],
  ];

  it.each(cases)('%s with %s requirements waits on %s', (status, requirements, expected) => {
    expect(waitingOnOf({ status, requirements: MIXED[requirements] })).toBe(expected);
  });

  it('covers every placement status', () => {
    expect(new Set(cases.map(([status]) => status))).toEqual(new Set(PLACEMENT_STATUSES));
  });
});
