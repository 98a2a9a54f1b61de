import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../functions/core/errors.js';
import { PLACEMENT_STATUSES, type PlacementStatus } from '../../functions/core/model/placement.js';
import { assertTransition, canTransition, isTerminalStatus } from '../../functions/core/placement-status.js';

const ALLOWED: Record<PlacementStatus, PlacementStatus[]> = {
  CHECKING: ['AWAITING_DOCUMENTS', 'AWAITING_SITE_APPROVAL', 'EXPIRED', 'CANCELLED', 'FAILED'],
  AWAITING_DOCUMENTS: ['CHECKING', 'AWAITING_SITE_APPROVAL', 'EXPIRED', 'CANCELLED', 'FAILED'],
  AWAITING_SITE_APPROVAL: ['CLEARED', 'DECLINED', 'AWAITING_DOCUMENTS', 'CHECKING', 'CANCELLED', 'FAILED'],
  FAILED: ['CHECKING'],
  CLEARED: [],
  DECLINED: [],
  EXPIRED: [],
  CANCELLED: [],
};

const pairs = PLACEMENT_STATUSES.flatMap((from) =>
  PLACEMENT_STATUSES.map((to) => ({ from, to, allowed: from === to || ALLOWED[from].includes(to) })),
);

describe('canTransition', () => {
  it.each(pairs)('$from → $to allowed: $allowed', ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('assertTransition', () => {
  it.each(pairs.filter((pair) => !pair.allowed))(
    'throws IllegalTransitionError for $from → $to',
    ({ from, to }) => {
      expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
    },
  );

  it.each(pairs.filter((pair) => pair.allowed))('allows $from → $to', ({ from, to }) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('says which change was refused', () => {
    expect(() => assertTransition('CLEARED', 'CHECKING')).toThrow(
      'A placement cannot go from CLEARED to CHECKING.',
    );
  });
});

describe('isTerminalStatus', () => {
  it.each([
    ['CLEARED', true],
    ['DECLINED', true],
    ['EXPIRED', true],
    ['CANCELLED', true],
    ['FAILED', false],
    ['CHECKING', false],
    ['AWAITING_DOCUMENTS', false],
    ['AWAITING_SITE_APPROVAL', false],
  ] as const)('%s terminal: %s', (status, terminal) => {
    expect(isTerminalStatus(status)).toBe(terminal);
  });
});
