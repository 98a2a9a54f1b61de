import type { Student } from './placement.js';
import type { RejectionReasonCode } from './rejection-reason-code.js';
import type { RequirementCode } from './requirement-code.js';
import { STORED_WITHOUT_VERIFICATION, type VerificationMode } from './verification.js';

/**
 * `PENDING`: an upload form was issued, the file not judged yet. `SUBMITTED`: the file passed the
 * checks at a staff-verification site and waits in the verification queue. `ACCEPTED` / `REJECTED`:
 * decided (by the file checks, or by a staff verifier).
 */
export type DocumentStatus = 'PENDING' | 'SUBMITTED' | 'ACCEPTED' | 'REJECTED';

/** A staff verifier's decision on a document. Written once: a second decision is refused. */
export interface StaffDecision {
  decision: 'verify' | 'reject';
  /** `verifierName` of who decided. */
  by: string;
  /** ISO-8601 instant. */
  at: string;
  reasonCode?: RejectionReasonCode;
  note?: string;
}

/** A document a student uploaded as evidence for one requirement. Kept per student so later placements reuse it. */
export interface StudentDocument {
  documentId: string;
  studentId: string;
  /** The placement it was uploaded for. */
  placementId: string;
  requirementCode: RequirementCode;
  fileName: string;
  contentType: string;
  size: number;
  /** The dates the student gave, or the ones a staff verifier corrected them to. */
  issuedOn?: string;
  expiresOn?: string;
  /** Object key in the documents bucket, chosen by the server. */
  objectKey: string;
  status: DocumentStatus;
  reason?: string;
  /** A site asked for this document to be changed: never reused. */
  changesRequested?: boolean;
  /**
   * ACCEPTED only: how it was checked. Absent on documents accepted before verification existed,
   * which were accepted on the file checks: read it with `documentVerification`.
   */
  verification?: VerificationMode;
  /** Set once a staff verifier decided (verify or reject). */
  staffDecision?: StaffDecision;
  /** SUBMITTED and after: when the file passed the checks and joined the verification queue. */
  submittedAt?: string;
  /** SUBMITTED only: taken out of the verification queue because no decision is needed any more (`staleSubmissions`). */
  withdrawnAt?: string;
  /** Copied from the placement when the document is SUBMITTED, so the queue needs no second read. */
  queueEntry?: { siteId: string; startDate: string; student: Student };
  createdAt: string;
  updatedAt: string;
}

/** How an accepted document was checked; documents from before verification existed were checked automatically. */
export const documentVerification = (document: Pick<StudentDocument, 'verification'>): VerificationMode =>
  document.verification ?? STORED_WITHOUT_VERIFICATION;
