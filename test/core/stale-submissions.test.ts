import { describe, expect, it } from 'vitest';
import type { Placement, PlacementRequirement } from '../../functions/core/model/placement.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { staleSubmissions } from '../../functions/core/stale-submissions.js';
import { tbDocument } from './student-document-fixture.js';

const waiting = tbDocument({ status: 'SUBMITTED', submittedAt: '2026-01-05T09:00:00.000Z' });
const tb = (status: PlacementRequirement['status'], documentId = 'doc_1'): PlacementRequirement => ({
  code: 'TB',
  title: 'TB',
  status,
  documentId,
});
const placement = (
  status: Placement['status'],
  requirement: PlacementRequirement,
  extra: Partial<Placement> = {},
) => ({
  placementId: 'pl_1',
  status,
  requirements: [requirement],
  ...extra,
});

describe('staleSubmissions', () => {
  it.each<[string, ReturnType<typeof placement>, StudentDocument, boolean]>([
    ['a document its requirement waits on', placement('AWAITING_DOCUMENTS', tb('SUBMITTED')), waiting, false],
    ['one of a FAILED placement (it may be retried)', placement('FAILED', tb('SUBMITTED')), waiting, false],
    ['one of an expired placement', placement('EXPIRED', tb('SUBMITTED')), waiting, true],
    ['one of a cancelled placement', placement('CANCELLED', tb('SUBMITTED')), waiting, true],
    ['one whose requirement was waived', placement('AWAITING_DOCUMENTS', tb('WAIVED')), waiting, true],
    [
      'one whose requirement other evidence met',
      placement('AWAITING_DOCUMENTS', tb('ACCEPTED', 'doc_2')),
      waiting,
      true,
    ],
    ['one already withdrawn', placement('EXPIRED', tb('SUBMITTED')), { ...waiting, withdrawnAt: 'x' }, false],
    [
      'one of another placement',
      placement('EXPIRED', tb('SUBMITTED')),
      { ...waiting, placementId: 'pl_2' },
      false,
    ],
    ['a decided one', placement('EXPIRED', tb('ACCEPTED')), { ...waiting, status: 'ACCEPTED' }, false],
  ])('%s is stale: %s', (_name, subject, document, stale) => {
    expect(staleSubmissions(subject, [document])).toEqual(stale ? [document] : []);
  });
});
