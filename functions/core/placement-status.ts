/** The placement status machine (docs/design.md, "The workflow"). */
import { IllegalTransitionError } from './errors.js';
import type { PlacementStatus } from './model/placement.js';

const ALLOWED: Record<PlacementStatus, readonly PlacementStatus[]> = {
  CHECKING: ['AWAITING_DOCUMENTS', 'AWAITING_SITE_APPROVAL', 'EXPIRED', 'CANCELLED', 'FAILED'],
  AWAITING_DOCUMENTS: ['CHECKING', 'AWAITING_SITE_APPROVAL', 'EXPIRED', 'CANCELLED', 'FAILED'],
  AWAITING_SITE_APPROVAL: ['CLEARED', 'DECLINED', 'AWAITING_DOCUMENTS', 'CHECKING', 'CANCELLED', 'FAILED'],
  // A redrive picks a failed placement up again.
  FAILED: ['CHECKING'],
  CLEARED: [],
  DECLINED: [],
  EXPIRED: [],
  CANCELLED: [],
};

export const TERMINAL_STATUSES: readonly PlacementStatus[] = ['CLEARED', 'DECLINED', 'EXPIRED', 'CANCELLED'];

/** True when `from` may become `to`. Staying in the same status is an allowed no-op. */
export function canTransition(from: PlacementStatus, to: PlacementStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}

/** Throws IllegalTransitionError unless `from` may become `to`. */
export function assertTransition(from: PlacementStatus, to: PlacementStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** A status nothing leaves (FAILED is not terminal: it can be redriven). */
export function isTerminalStatus(status: PlacementStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** A status no execution runs in any more: a terminal status, or FAILED. */
export type SettledStatus = Extract<
  PlacementStatus,
  'CLEARED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED' | 'FAILED'
>;

/** True when no execution runs for the placement any more: a terminal status, or FAILED. */
export function hasSettled(status: PlacementStatus): status is SettledStatus {
  return status === 'FAILED' || isTerminalStatus(status);
}
