import type { Disclosure } from './disclosure.js';
import type { PurgeProgress } from './purge-record.js';
import type { RejectionReasonCode } from './rejection-reason-code.js';
import type { RequirementCode } from './requirement-code.js';
import type { SiteRequirementSpec } from './site.js';
import { STORED_WITHOUT_VERIFICATION, type VerificationMode } from './verification.js';

export const PLACEMENT_STATUSES = [
  'CHECKING',
  'AWAITING_DOCUMENTS',
  'AWAITING_SITE_APPROVAL',
  'CLEARED',
  'DECLINED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/**
 * `SUBMITTED`: uploaded, passed the file checks, waiting for a staff verifier (staff sites only).
 * Collection is complete when every requirement is `ACCEPTED` or `WAIVED`.
 */
export const REQUIREMENT_STATUSES = ['MISSING', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'WAIVED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface Student {
  id: string;
  name: string;
  email: string;
}

/** One requirement of one placement, as the API shows it. */
export interface PlacementRequirement {
  code: RequirementCode;
  title: string;
  status: RequirementStatus;
  reason?: string;
  documentId?: string;
  /** Backend only: when the requirement was last rejected; only evidence uploaded later can clear it. */
  rejectedAt?: string;
  /** Backend only: when the file passed the checks and went to the school's verifiers (staff sites). */
  submittedAt?: string;
  /** ACCEPTED only: checked by a person at the school (`staff`) or on the file checks alone (`automatic`). */
  verification?: VerificationMode;
  /** Staff-verified only: who verified the document (`verifierName`). */
  verifiedBy?: string;
  /** Staff-verified only: when (ISO-8601). */
  verifiedAt?: string;
  /**
   * Backend only: when a staff reviewer sent this item back (rejected it). The student's one
   * "sent back" email covers every item sent back since the last one (`sent-back-batch.ts`).
   */
  sentBackAt?: string;
  /** Backend only: who sent it back (`verifierName`); the history entry names them too. */
  sentBackBy?: string;
}

/** Who made a change by hand: a staff member signed in to the console (their `sub` and email). */
export interface ChangedBy {
  sub: string;
  email: string;
}

export interface HistoryEntry {
  /** ISO-8601 instant. */
  at: string;
  type: string;
  detail?: string;
  /** The staff member who made the change through the console; absent for the workflow's own steps. */
  by?: ChangedBy;
}

export type SiteDecisionKind = 'approve' | 'decline' | 'request-changes';

export interface SiteDecision {
  decision: SiteDecisionKind;
  /** The approval round the decision closed. */
  round: number;
  by: string;
  at: string;
  reason?: string;
  requirementCodes?: RequirementCode[];
}

/** A task token the workflow waits on. Backend only: never shown, mailed or logged. */
export interface PendingTask {
  kind: 'COLLECT_DOCUMENTS' | 'SITE_APPROVAL';
  token: string;
  since: string;
}

/** The placement as stored. `toPlacementView` shapes what the API returns. */
export interface Placement {
  placementId: string;
  status: PlacementStatus;
  student: Student;
  siteId: string;
  program: string;
  startDate: string;
  endDate: string;
  documentsDueDate: string;
  coordinatorEmail: string;
  requirements: PlacementRequirement[];
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: every write is conditional on it. */
  version: number;
  /** The site's requirement rules (with overrides) as they were when the placement was created. */
  rules: SiteRequirementSpec[];
  /** Copied from the site at creation so a later site edit cannot change a running placement. */
  adminEmails: string[];
  siteName: string;
  /**
   * Copied from the site at creation. Absent on placements stored before sites had the setting:
   * read it with `placementVerification`, which answers `automatic` for them.
   */
  verification?: VerificationMode;
  reminderIntervalHours: number;
  siteReminderIntervalHours: number;
  executionName?: string;
  pendingTask?: PendingTask;
  /** Increments each time the packet goes to the site; older review links are superseded. */
  approvalRound: number;
  /** Reminders sent in the current collection or approval round. */
  remindersSent: number;
  decision?: SiteDecision;
  failure?: { error: string; cause?: string };
  /** Backend only: when the retention sweep deleted its documents (days after the rotation ended). */
  documentsDeletedAt?: string;
  /** Backend only: a purge of the student's documents and personal data, started or done. */
  purge?: PurgeProgress;
  /** Backend only: the latest `sentBackAt` the student has been emailed about (sent-back notice or reminder). */
  sentBackNoticeThrough?: string;
  /**
   * Backend only: how many times staff sent an item of this placement back, per reason code (kept when
   * the student uploads again; the reports' "most often sent back" counters are made from it).
   */
  sentBackReasons?: Partial<Record<RejectionReasonCode, number>>;
  /** Every view of the student's documents, oldest first (`recordDocumentDisclosure`); absent when none. */
  disclosures?: Disclosure[];
}

/** A placement's verification mode; placements stored before the setting existed were `automatic`. */
export const placementVerification = (placement: Pick<Placement, 'verification'>): VerificationMode =>
  placement.verification ?? STORED_WITHOUT_VERIFICATION;
