import type { Disclosure } from './model/disclosure.js';
import type { Placement, PlacementRequirement } from './model/placement.js';
import { type WaitingOn, waitingOnOf } from './waiting-on.js';

/** The placement as the API shows it (docs/design.md, "HTTP API"; `Placement` in docs/openapi.yaml): no task token, no internal bookkeeping. */
export interface PlacementView {
  placementId: string;
  status: Placement['status'];
  student: Placement['student'];
  siteId: string;
  program: string;
  startDate: string;
  endDate: string;
  documentsDueDate: string;
  coordinatorEmail: string;
  requirements: RequirementView[];
  history: Placement['history'];
  createdAt: string;
  updatedAt: string;
  decision?: { decision: string; by: string; at: string; reason?: string };
  failure?: { error: string };
  /** Absent when finished (`waitingOnOf`). */
  waitingOn?: WaitingOn;
  /** Every view of the student's documents (the disclosure log), oldest first; absent until the first. */
  disclosures?: Disclosure[];
}

/** A requirement as the API shows it: `verification` on every ACCEPTED one; who sent it back stays backend-only. */
export type RequirementView = Omit<PlacementRequirement, 'rejectedAt' | 'sentBackAt' | 'sentBackBy'>;

export const toRequirementView = ({
  rejectedAt: _rejected,
  sentBackAt: _sentBack,
  sentBackBy: _sentBackBy,
  ...requirement
}: PlacementRequirement): RequirementView =>
  requirement.status === 'ACCEPTED' && requirement.verification === undefined
    ? // Accepted on the file checks alone (every upload before staff verification existed).
      { ...requirement, verification: 'automatic' }
    : requirement;

export const toPlacementView = (placement: Placement): PlacementView => ({
  placementId: placement.placementId,
  status: placement.status,
  student: placement.student,
  siteId: placement.siteId,
  program: placement.program,
  startDate: placement.startDate,
  endDate: placement.endDate,
  documentsDueDate: placement.documentsDueDate,
  coordinatorEmail: placement.coordinatorEmail,
  requirements: placement.requirements.map(toRequirementView),
  history: placement.history,
  createdAt: placement.createdAt,
  updatedAt: placement.updatedAt,
  ...(placement.decision
    ? {
        decision: {
          decision: placement.decision.decision,
          by: placement.decision.by,
          at: placement.decision.at,
          ...(placement.decision.reason ? { reason: placement.decision.reason } : {}),
        },
      }
    : {}),
  ...(placement.failure ? { failure: { error: placement.failure.error } } : {}),
  ...withWaitingOn(placement),
  ...(placement.disclosures?.length ? { disclosures: placement.disclosures } : {}),
});

const withWaitingOn = (placement: Placement): { waitingOn?: WaitingOn } => {
  const waitingOn = waitingOnOf(placement);
  return waitingOn ? { waitingOn } : {};
};
