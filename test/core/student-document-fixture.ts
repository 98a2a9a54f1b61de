import type { StudentDocument } from '../../functions/core/model/student-document.js';

/** A TB document of student s-1 for placement pl_1, as the upload request records it; override what a test is about. */
export const tbDocument = (overrides: Partial<StudentDocument> = {}): StudentDocument => ({
  documentId: 'doc_1',
  studentId: 's-1',
  placementId: 'pl_1',
  requirementCode: 'TB',
  fileName: 'tb.pdf',
  contentType: 'application/pdf',
  size: 1,
  objectKey: 'placements/pl_1/doc_1',
  status: 'PENDING',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  ...overrides,
});
