import type { RequirementCode } from './requirement-code.js';

export type DocumentStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

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
  issuedOn?: string;
  expiresOn?: string;
  /** Object key in the documents bucket, chosen by the server. */
  objectKey: string;
  status: DocumentStatus;
  reason?: string;
  /** A site asked for this document to be changed: never reused. */
  changesRequested?: boolean;
  createdAt: string;
  updatedAt: string;
}
