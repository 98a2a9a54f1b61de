/** Who a placement is waiting on (docs/design.md, "Document verification": placements carry `waitingOn`). */
import { outstandingRequirements } from './compliance.js';
import type { Placement } from './model/placement.js';
import { hasSettled } from './placement-status.js';

export type WaitingOn = 'student' | 'school' | 'site';

/**
 * - `site`: the packet is with the site (AWAITING_SITE_APPROVAL).
 * - `student`: in collection (or being checked) with something MISSING or REJECTED: the student must upload.
 * - `school`: in collection (or being checked) with nothing for the student to do: items SUBMITTED
 *   wait for the school's verifiers, or everything is in and the school's workflow is moving the
 *   placement on (CHECKING, or AWAITING_DOCUMENTS in the moment before it resumes).
 * - undefined: finished (CLEARED, DECLINED, EXPIRED, CANCELLED, FAILED), purged included.
 */
export const waitingOnOf = (placement: Pick<Placement, 'status' | 'requirements'>): WaitingOn | undefined => {
  if (hasSettled(placement.status)) return undefined;
  if (placement.status === 'AWAITING_SITE_APPROVAL') return 'site';
  return outstandingRequirements(placement.requirements).length > 0 ? 'student' : 'school';
};
