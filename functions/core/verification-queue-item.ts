/** One entry of the verification queue as the API shows it (`GET /verification-queue`). */
import type { Student } from './model/placement.js';
import type { RequirementCode } from './model/requirement-code.js';
import type { StudentDocument } from './model/student-document.js';

export interface VerificationQueueItem {
  placementId: string;
  documentId: string;
  requirementCode: RequirementCode;
  student: Student;
  siteId: string;
  /** The rotation's start date: reviewers look at the nearest first when the queue is long. */
  startDate: string;
  /** When the file passed the checks (ISO-8601); the queue is oldest first by it. */
  submittedAt: string;
  issuedOn?: string;
  expiresOn?: string;
}

/** The queue entry of a SUBMITTED document, or undefined for a record without what the queue shows. */
export const toVerificationQueueItem = (document: StudentDocument): VerificationQueueItem | undefined => {
  const { queueEntry, submittedAt } = document;
  if (document.status !== 'SUBMITTED' || !queueEntry || !submittedAt) return undefined;
  return {
    placementId: document.placementId,
    documentId: document.documentId,
    requirementCode: document.requirementCode,
    student: queueEntry.student,
    siteId: queueEntry.siteId,
    startDate: queueEntry.startDate,
    submittedAt,
    ...(document.issuedOn ? { issuedOn: document.issuedOn } : {}),
    ...(document.expiresOn ? { expiresOn: document.expiresOn } : {}),
  };
};
