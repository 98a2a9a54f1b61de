import { describe, expect, it } from 'vitest';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { parseVerificationQueueQuery } from '../../functions/core/validation/verification-queue-query.js';
import { toVerificationQueueItem } from '../../functions/core/verification-queue-item.js';
import { issuePaths } from './validation/issue-paths.js';

const student = { id: 's-1', name: 'Ada', email: 'ada@student.test' };
const submitted: StudentDocument = {
  documentId: 'doc_1',
  studentId: 's-1',
  placementId: 'pl_1',
  requirementCode: 'BLS',
  fileName: 'bls.pdf',
  contentType: 'application/pdf',
  size: 10,
  expiresOn: '2027-06-30',
  objectKey: 'placements/pl_1/doc_1',
  status: 'SUBMITTED',
  submittedAt: '2026-01-05T09:00:00.000Z',
  queueEntry: { siteId: 'general-hospital', startDate: '2026-03-02', student },
  createdAt: '2026-01-05T08:59:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('toVerificationQueueItem', () => {
  it('shows what the reviewer needs and nothing of the file’s storage', () => {
    expect(toVerificationQueueItem(submitted)).toEqual({
      placementId: 'pl_1',
      documentId: 'doc_1',
      requirementCode: 'BLS',
      student,
      siteId: 'general-hospital',
      startDate: '2026-03-02',
      submittedAt: '2026-01-05T09:00:00.000Z',
      expiresOn: '2027-06-30',
    });
  });

  it.each<[string, Partial<StudentDocument>]>([
    ['a decided document', { status: 'ACCEPTED' }],
    ['a pending upload', { status: 'PENDING' }],
  ])('leaves out %s', (_name, change) => {
    expect(toVerificationQueueItem({ ...submitted, ...change })).toBeUndefined();
  });
});

describe('parseVerificationQueueQuery', () => {
  it('reads filters and paging, with the default limit and blanks as absent', () => {
    expect(
      parseVerificationQueueQuery({ siteId: 'general-hospital', requirementCode: 'TB', cursor: 'abc' }),
    ).toEqual({
      siteId: 'general-hospital',
      requirementCode: 'TB',
      limit: 25,
      cursor: 'abc',
    });
    expect(parseVerificationQueueQuery({ siteId: ' ', limit: '100' })).toEqual({ limit: 100 });
  });

  it('names every bad parameter', () => {
    expect(
      issuePaths(() => parseVerificationQueueQuery({ siteId: 'a/b', requirementCode: 'FLU', limit: '0' })),
    ).toEqual(['siteId', 'requirementCode', 'limit']);
  });
});
