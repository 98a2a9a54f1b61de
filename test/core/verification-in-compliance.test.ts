import { describe, expect, it } from 'vitest';
import { evaluateCompliance, isCollectionComplete } from '../../functions/core/compliance.js';
import { documentsRequestItems } from '../../functions/core/documents-request-items.js';
import type { PlacementRequirement } from '../../functions/core/model/placement.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import type { VerificationMode } from '../../functions/core/model/verification.js';
import { toPlacementView, toRequirementView } from '../../functions/core/placement-view.js';
import { REQUIREMENT_CATALOGUE } from '../../functions/core/requirement-catalogue.js';

const rotation = { startDate: '2026-03-02', endDate: '2026-05-29' };
const today = '2026-02-01';
const title = REQUIREMENT_CATALOGUE.MMR.title;

const doc = (documentId: string, overrides: Partial<StudentDocument> = {}): StudentDocument => ({
  documentId,
  studentId: 'stu-1',
  placementId: 'pl_earlier',
  requirementCode: 'MMR',
  fileName: 'mmr.pdf',
  contentType: 'application/pdf',
  size: 1000,
  issuedOn: '2025-09-01',
  objectKey: `placements/pl_earlier/${documentId}`,
  status: 'ACCEPTED',
  createdAt: '2026-01-10T10:00:00.000Z',
  updatedAt: '2026-01-10T10:00:00.000Z',
  ...overrides,
});
const staffVerified = (documentId: string) =>
  doc(documentId, {
    verification: 'staff',
    staffDecision: { decision: 'verify', by: 'rev@school.test', at: '2026-01-11T08:00:00.000Z' },
  });

const evaluate = (
  verification: VerificationMode | undefined,
  documents: StudentDocument[],
  current: PlacementRequirement[] = [],
) =>
  evaluateCompliance({
    rules: ['MMR'],
    current,
    documents,
    rotation,
    today,
    ...(verification ? { verification } : {}),
  })[0];

describe('evidence reuse respects verification', () => {
  it.each<[string, VerificationMode | undefined, StudentDocument, string]>([
    ['staff-verified evidence at a staff site', 'staff', staffVerified('doc_s'), 'ACCEPTED'],
    ['staff-verified evidence at an automatic site', 'automatic', staffVerified('doc_s'), 'ACCEPTED'],
    [
      'automatically accepted evidence at an automatic site',
      'automatic',
      doc('doc_a', { verification: 'automatic' }),
      'ACCEPTED',
    ],
    [
      'automatically accepted evidence at a staff site',
      'staff',
      doc('doc_a', { verification: 'automatic' }),
      'MISSING',
    ],
    ['evidence accepted before verification existed at a staff site', 'staff', doc('doc_old'), 'MISSING'],
    [
      'evidence accepted before verification existed at a placement stored before it',
      undefined,
      doc('doc_old'),
      'ACCEPTED',
    ],
  ])('%s counts: %s', (_name, verification, document, status) => {
    expect(evaluate(verification, [document])?.status).toBe(status);
  });

  it('says who verified reused staff evidence and when', () => {
    expect(evaluate('staff', [staffVerified('doc_s')])).toEqual({
      code: 'MMR',
      title,
      status: 'ACCEPTED',
      documentId: 'doc_s',
      verification: 'staff',
      verifiedBy: 'rev@school.test',
      verifiedAt: '2026-01-11T08:00:00.000Z',
    });
  });
});

describe('SUBMITTED in compliance', () => {
  const submitted = doc('doc_new', {
    placementId: 'pl_this',
    status: 'SUBMITTED',
    createdAt: '2026-01-20T10:00:00.000Z',
  });

  it('keeps this placement’s upload SUBMITTED while it waits for a verifier, and its rejection time', () => {
    const current: PlacementRequirement[] = [
      {
        code: 'MMR',
        title,
        status: 'SUBMITTED',
        documentId: 'doc_new',
        rejectedAt: '2026-01-15T00:00:00.000Z',
      },
    ];
    expect(evaluate('staff', [doc('doc_older', { verification: 'automatic' }), submitted], current)).toEqual({
      code: 'MMR',
      title,
      status: 'SUBMITTED',
      documentId: 'doc_new',
      rejectedAt: '2026-01-15T00:00:00.000Z',
    });
  });

  it('keeps a staff verification whose document write has not landed yet', () => {
    const current: PlacementRequirement[] = [
      {
        code: 'MMR',
        title,
        status: 'ACCEPTED',
        documentId: 'doc_new',
        verification: 'staff',
        verifiedBy: 'r',
        verifiedAt: 't',
      },
    ];
    expect(evaluate('staff', [submitted], current)).toEqual(current[0]);
  });

  it('asks again when the SUBMITTED document is gone (purged or deleted)', () => {
    const current: PlacementRequirement[] = [
      { code: 'MMR', title, status: 'SUBMITTED', documentId: 'doc_new' },
    ];
    expect(evaluate('staff', [], current)?.status).toBe('MISSING');
  });

  it.each<[string, PlacementRequirement['status'][], boolean]>([
    ['all accepted or waived', ['ACCEPTED', 'WAIVED'], true],
    ['one submitted', ['ACCEPTED', 'SUBMITTED'], false],
    ['one missing', ['MISSING', 'WAIVED'], false],
    ['one rejected', ['REJECTED', 'ACCEPTED'], false],
  ])('collection with %s is complete: %s', (_name, statuses, complete) => {
    expect(isCollectionComplete(statuses.map((status) => ({ code: 'MMR', title, status })))).toBe(complete);
  });
});

describe('documentsRequestItems (what reminders list)', () => {
  it('lists MISSING and REJECTED items with what to upload, never SUBMITTED, ACCEPTED or WAIVED ones', () => {
    const items = documentsRequestItems({
      rules: ['MMR', 'TB', 'BLS', 'HIPAA_TRAINING', { code: 'TDAP', years: 5 }],
      requirements: [
        { code: 'MMR', title: 'MMR', status: 'SUBMITTED', documentId: 'd1' },
        { code: 'TB', title: 'TB', status: 'REJECTED', reason: 'Illegible.' },
        { code: 'BLS', title: 'BLS', status: 'ACCEPTED' },
        { code: 'HIPAA_TRAINING', title: 'HIPAA', status: 'WAIVED', reason: 'n/a' },
        { code: 'TDAP', title: 'Tdap', status: 'MISSING' },
      ],
    });
    expect(items).toEqual([
      {
        code: 'TB',
        title: 'TB',
        status: 'REJECTED',
        reason: 'Illegible.',
        evidence: REQUIREMENT_CATALOGUE.TB.evidence,
      },
      { code: 'TDAP', title: 'Tdap', status: 'MISSING', evidence: REQUIREMENT_CATALOGUE.TDAP.evidence },
    ]);
  });

  it('lists nothing when only SUBMITTED items are left', () => {
    expect(
      documentsRequestItems({ rules: ['MMR'], requirements: [{ code: 'MMR', title, status: 'SUBMITTED' }] }),
    ).toEqual([]);
  });
});

describe('the placement view', () => {
  it('shows verification on accepted requirements (automatic where nobody verified) and hides backend fields', () => {
    expect(toRequirementView({ code: 'MMR', title, status: 'ACCEPTED', documentId: 'd' })).toEqual({
      code: 'MMR',
      title,
      status: 'ACCEPTED',
      documentId: 'd',
      verification: 'automatic',
    });
    expect(
      toRequirementView({
        code: 'MMR',
        title,
        status: 'REJECTED',
        reason: 'r',
        rejectedAt: 'a',
        sentBackAt: 'a',
        sentBackBy: 'rev@school.test',
      }),
    ).toEqual({ code: 'MMR', title, status: 'REJECTED', reason: 'r' });
    expect(toRequirementView({ code: 'MMR', title, status: 'SUBMITTED', documentId: 'd' })).toEqual({
      code: 'MMR',
      title,
      status: 'SUBMITTED',
      documentId: 'd',
    });
  });

  it('carries waitingOn while running and leaves it out when finished', () => {
    const base = {
      placementId: 'pl_1',
      student: { id: 's', name: 'n', email: 'e@x.test' },
      siteId: 'site',
      program: 'p',
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      documentsDueDate: '2026-02-16',
      coordinatorEmail: 'c@x.test',
      requirements: [{ code: 'MMR' as const, title, status: 'SUBMITTED' as const }],
      history: [],
      createdAt: 'x',
      updatedAt: 'x',
      version: 1,
      rules: ['MMR' as const],
      adminEmails: [],
      siteName: 's',
      reminderIntervalHours: 72,
      siteReminderIntervalHours: 48,
      approvalRound: 0,
      remindersSent: 0,
    };
    expect(toPlacementView({ ...base, status: 'AWAITING_DOCUMENTS' }).waitingOn).toBe('school');
    expect('waitingOn' in toPlacementView({ ...base, status: 'CANCELLED' })).toBe(false);
  });
});
