import { createHash } from 'node:crypto';
import { generateLinkToken, hashLinkToken } from '../../../functions/core/link-token.js';
import type { LinkRecord } from '../../../functions/core/model/link.js';
import type { Placement, PlacementRequirement } from '../../../functions/core/model/placement.js';
import type { RequirementCode } from '../../../functions/core/model/requirement-code.js';
import type { Site } from '../../../functions/core/model/site.js';
import type { StudentDocument } from '../../../functions/core/model/student-document.js';
import { placementIdFor } from '../../../functions/core/placement-id.js';
import { REQUIREMENT_CATALOGUE } from '../../../functions/core/requirement-catalogue.js';
import type { TableItem } from './fake-table.js';

/**
 * Items as the adapters store them in the one table (docs/data-model.md). The keys are
 * written out here rather than taken from the adapters, so a changed key layout fails.
 */

export const STUDENT = { id: 's-1001', name: 'Ada Lovelace', email: 'ada@student.example' } as const;
export const SITE_ID = 'st-marys';
export const START_DATE = '2030-04-01';
export const PLACEMENT_ID = placementIdFor(STUDENT.id, SITE_ID, START_DATE);
export const ADMIN_EMAIL = 'admin@stmarys.example';
export const COORDINATOR_EMAIL = 'coordinator@school.example';
/** A Step Functions task token: it must never leave the backend. */
export const TASK_TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAX-secret-task-token-7f3c9e';

export const requirement = (
  code: RequirementCode,
  status: PlacementRequirement['status'] = 'MISSING',
  extra: Partial<PlacementRequirement> = {},
): PlacementRequirement => ({ code, title: REQUIREMENT_CATALOGUE[code].title, status, ...extra });

export const storedSite = (overrides: Partial<Site> = {}): Site => ({
  siteId: SITE_ID,
  name: "St Mary's Hospital",
  adminEmails: [ADMIN_EMAIL],
  requirements: ['MMR', 'BLS'],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  createdAt: '2030-01-10T08:00:00.000Z',
  updatedAt: '2030-01-10T08:00:00.000Z',
  version: 1,
  ...overrides,
});

export const siteItem = (site: Site): TableItem => ({ pk: `SITE#${site.siteId}`, sk: 'SITE', ...site });

/** A placement waiting for the student's documents (MMR and BLS missing), at version 3. */
export const storedPlacement = (overrides: Partial<Placement> = {}): Placement => ({
  placementId: PLACEMENT_ID,
  status: 'AWAITING_DOCUMENTS',
  student: { ...STUDENT },
  siteId: SITE_ID,
  program: 'Nursing BSN',
  startDate: START_DATE,
  endDate: '2030-05-15',
  documentsDueDate: '2030-03-18',
  coordinatorEmail: COORDINATOR_EMAIL,
  requirements: [requirement('MMR'), requirement('BLS')],
  history: [
    { at: '2030-02-20T10:00:00.000Z', type: 'CREATED', detail: "Placement at St Mary's Hospital created." },
  ],
  createdAt: '2030-02-20T10:00:00.000Z',
  updatedAt: '2030-02-20T10:00:00.000Z',
  version: 3,
  rules: ['MMR', 'BLS'],
  adminEmails: [ADMIN_EMAIL],
  siteName: "St Mary's Hospital",
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  executionName: PLACEMENT_ID,
  approvalRound: 0,
  remindersSent: 0,
  ...overrides,
});

export const placementKey = (placementId: string = PLACEMENT_ID) => ({
  pk: `PLACEMENT#${placementId}`,
  sk: 'PLACEMENT',
});

export const placementItem = (placement: Placement): TableItem => ({
  ...placementKey(placement.placementId),
  ...placement,
});

/** The placement part of a stored placement item (keys and index attributes dropped). */
export const placementOf = (item: TableItem | undefined): Placement => {
  if (!item) throw new Error('no placement item');
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...placement } = item;
  return placement as unknown as Placement;
};

export const storedDocument = (overrides: Partial<StudentDocument> = {}): StudentDocument => ({
  documentId: 'doc_mmrrecordaaaaaaaaaaaaaaaaa',
  studentId: STUDENT.id,
  placementId: PLACEMENT_ID,
  requirementCode: 'MMR',
  fileName: 'mmr-record.pdf',
  contentType: 'application/pdf',
  size: 48_213,
  issuedOn: '2019-09-01',
  objectKey: `placements/${PLACEMENT_ID}/doc_mmrrecordaaaaaaaaaaaaaaaaa`,
  status: 'PENDING',
  createdAt: '2030-02-25T10:00:00.000Z',
  updatedAt: '2030-02-25T10:00:00.000Z',
  ...overrides,
});

export const documentKey = (studentId: string, documentId: string) => ({
  pk: `STUDENT#${studentId}`,
  sk: `DOC#${documentId}`,
});

export const documentItem = (document: StudentDocument): TableItem => ({
  ...documentKey(document.studentId, document.documentId),
  ...document,
});

export const linkKey = (token: string) => ({ pk: `LINK#${hashLinkToken(token)}`, sk: 'LINK' });

/** A fresh link token and the item its link record is stored as. */
export const storedLink = (
  link: Omit<LinkRecord, 'tokenHash' | 'createdAt'>,
): { token: string; item: TableItem } => {
  const token = generateLinkToken();
  const tokenHash = hashLinkToken(token);
  return {
    token,
    item: {
      ...linkKey(token),
      tokenHash,
      createdAt: '2030-02-20T10:00:00.000Z',
      expiresAtEpoch: Math.floor(Date.parse(link.expiresAt) / 1000) + 30 * 86_400,
      ...link,
    },
  };
};

export const onceKey = (key: string) => ({
  pk: `ONCE#${createHash('sha256').update(key).digest('hex')}`,
  sk: 'ONCE',
});
