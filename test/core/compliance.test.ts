import { describe, expect, it } from 'vitest';
import { evaluateCompliance, outstandingRequirements } from '../../functions/core/compliance.js';
import type { PlacementRequirement } from '../../functions/core/model/placement.js';
import type { RequirementCode } from '../../functions/core/model/requirement-code.js';
import type { SiteRequirementSpec } from '../../functions/core/model/site.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { REQUIREMENT_CATALOGUE } from '../../functions/core/requirement-catalogue.js';

const rotation = { startDate: '2026-03-02', endDate: '2026-05-29' };
const today = '2026-02-01';

let sequence = 0;
function doc(code: RequirementCode, overrides: Partial<StudentDocument> = {}): StudentDocument {
  sequence += 1;
  const documentId = overrides.documentId ?? `doc_${sequence}`;
  return {
    documentId,
    studentId: 'stu-1',
    placementId: 'pl_this',
    requirementCode: code,
    fileName: 'scan.pdf',
    contentType: 'application/pdf',
    size: 1000,
    issuedOn: '2025-09-01',
    objectKey: `placements/pl_this/${documentId}`,
    status: 'ACCEPTED',
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...overrides,
  };
}

const title = (code: RequirementCode): string => REQUIREMENT_CATALOGUE[code].title;

function evaluate(
  rules: SiteRequirementSpec[],
  documents: StudentDocument[],
  current: PlacementRequirement[] = [],
): PlacementRequirement[] {
  return evaluateCompliance({ rules, current, documents, rotation, today });
}

describe('evaluateCompliance', () => {
  it('lists one entry per rule, in rule order, with catalogue titles, all MISSING without documents', () => {
    expect(evaluate(['TB', { code: 'MMR' }, 'BLS'], [])).toEqual([
      { code: 'TB', title: title('TB'), status: 'MISSING' },
      { code: 'MMR', title: title('MMR'), status: 'MISSING' },
      { code: 'BLS', title: title('BLS'), status: 'MISSING' },
    ]);
  });

  interface Case {
    name: string;
    rules: SiteRequirementSpec[];
    documents: StudentDocument[];
    current?: PlacementRequirement[];
    expected: PlacementRequirement;
  }

  const cases: Case[] = [
    {
      name: 'an accepted, valid document makes the requirement ACCEPTED',
      rules: ['MMR'],
      documents: [doc('MMR', { documentId: 'doc_mmr' })],
      expected: { code: 'MMR', title: title('MMR'), status: 'ACCEPTED', documentId: 'doc_mmr' },
    },
    {
      name: 'a document accepted for an earlier placement is reused',
      rules: ['TB'],
      documents: [doc('TB', { documentId: 'doc_old', placementId: 'pl_earlier', issuedOn: '2025-06-01' })],
      expected: { code: 'TB', title: title('TB'), status: 'ACCEPTED', documentId: 'doc_old' },
    },
    {
      name: 'a document a site asked to have changed is never reused, even when valid',
      rules: ['MMR'],
      documents: [
        doc('MMR', { documentId: 'doc_changed', placementId: 'pl_earlier', changesRequested: true }),
      ],
      expected: { code: 'MMR', title: title('MMR'), status: 'MISSING' },
    },
    {
      name: 'a changed document is skipped and an older valid one is used',
      rules: ['MMR'],
      documents: [
        doc('MMR', { documentId: 'doc_older', createdAt: '2025-01-01T00:00:00Z' }),
        doc('MMR', { documentId: 'doc_changed', createdAt: '2026-01-01T00:00:00Z', changesRequested: true }),
      ],
      expected: { code: 'MMR', title: title('MMR'), status: 'ACCEPTED', documentId: 'doc_older' },
    },
    {
      name: 'pending and rejected documents do not count',
      rules: ['MMR'],
      documents: [doc('MMR', { status: 'PENDING' }), doc('MMR', { status: 'REJECTED' })],
      expected: { code: 'MMR', title: title('MMR'), status: 'MISSING' },
    },
    {
      name: 'a document for another requirement does not count',
      rules: ['VARICELLA'],
      documents: [doc('MMR')],
      expected: { code: 'VARICELLA', title: title('VARICELLA'), status: 'MISSING' },
    },
    {
      name: 'the most recently created valid document wins',
      rules: ['TB'],
      documents: [
        doc('TB', { documentId: 'doc_a', issuedOn: '2025-10-01', createdAt: '2025-10-02T00:00:00Z' }),
        doc('TB', { documentId: 'doc_c', issuedOn: '2025-09-01', createdAt: '2026-01-20T00:00:00Z' }),
        doc('TB', { documentId: 'doc_b', issuedOn: '2025-11-01', createdAt: '2025-11-02T00:00:00Z' }),
      ],
      expected: { code: 'TB', title: title('TB'), status: 'ACCEPTED', documentId: 'doc_c' },
    },
    {
      name: 'a newer document that is invalid for these dates gives way to an older valid one',
      rules: ['TB'],
      documents: [
        doc('TB', { documentId: 'doc_valid', issuedOn: '2025-09-01', createdAt: '2025-09-02T00:00:00Z' }),
        doc('TB', { documentId: 'doc_stale', issuedOn: '2024-01-01', createdAt: '2026-01-05T00:00:00Z' }),
      ],
      expected: { code: 'TB', title: title('TB'), status: 'ACCEPTED', documentId: 'doc_valid' },
    },
    {
      name: 'a document on file that lapses before the rotation ends leaves it MISSING, with the reason',
      rules: ['TB'],
      documents: [doc('TB', { placementId: 'pl_earlier', issuedOn: '2025-05-01' })],
      expected: {
        code: 'TB',
        title: title('TB'),
        status: 'MISSING',
        reason:
          'The TB test on file expires on 2026-05-01, before your rotation ends on 2026-05-29. Upload one dated 2025-05-29 or later.',
      },
    },
    {
      name: 'the site override applies: a six-month TB window refuses a test 12 months would accept',
      rules: [{ code: 'TB', months: 6 }],
      documents: [doc('TB', { issuedOn: '2025-09-01' })],
      expected: {
        code: 'TB',
        title: title('TB'),
        status: 'MISSING',
        reason:
          'The TB test on file expires on 2026-03-01, before your rotation ends on 2026-05-29. Upload one dated 2025-11-29 or later.',
      },
    },
    {
      name: 'WAIVED stays WAIVED with its reason, even when a valid document exists',
      rules: ['MMR'],
      documents: [doc('MMR')],
      current: [{ code: 'MMR', title: 'old title', status: 'WAIVED', reason: 'Titer on file at the site.' }],
      expected: { code: 'MMR', title: title('MMR'), status: 'WAIVED', reason: 'Titer on file at the site.' },
    },
    {
      name: 'REJECTED stays REJECTED when no document was created after the rejection',
      rules: ['MMR'],
      documents: [doc('MMR', { createdAt: '2026-01-10T10:00:00Z' })],
      current: [
        {
          code: 'MMR',
          title: title('MMR'),
          status: 'REJECTED',
          reason: 'The scan is unreadable.',
          rejectedAt: '2026-01-15T08:00:00.000Z',
        },
      ],
      expected: {
        code: 'MMR',
        title: title('MMR'),
        status: 'REJECTED',
        reason: 'The scan is unreadable.',
        rejectedAt: '2026-01-15T08:00:00.000Z',
      },
    },
    {
      name: 'a valid document created after the rejection clears it',
      rules: ['MMR'],
      documents: [
        doc('MMR', { documentId: 'doc_before', createdAt: '2026-01-10T10:00:00Z' }),
        doc('MMR', { documentId: 'doc_after', createdAt: '2026-01-15T08:00:01Z' }),
      ],
      current: [
        {
          code: 'MMR',
          title: title('MMR'),
          status: 'REJECTED',
          reason: 'The scan is unreadable.',
          rejectedAt: '2026-01-15T08:00:00.000Z',
        },
      ],
      expected: { code: 'MMR', title: title('MMR'), status: 'ACCEPTED', documentId: 'doc_after' },
    },
    {
      name: 'a document created at the very instant of the rejection does not clear it',
      rules: ['MMR'],
      documents: [doc('MMR', { createdAt: '2026-01-15T08:00:00.000Z' })],
      current: [
        {
          code: 'MMR',
          title: title('MMR'),
          status: 'REJECTED',
          reason: 'x',
          rejectedAt: '2026-01-15T08:00:00.000Z',
        },
      ],
      expected: {
        code: 'MMR',
        title: title('MMR'),
        status: 'REJECTED',
        reason: 'x',
        rejectedAt: '2026-01-15T08:00:00.000Z',
      },
    },
    {
      name: 'an unreadable rejection time fails closed: the rejection stands',
      rules: ['MMR'],
      documents: [doc('MMR', { createdAt: '2026-01-20T00:00:00Z' })],
      current: [
        { code: 'MMR', title: title('MMR'), status: 'REJECTED', reason: 'x', rejectedAt: 'yesterday' },
      ],
      expected: {
        code: 'MMR',
        title: title('MMR'),
        status: 'REJECTED',
        reason: 'x',
        rejectedAt: 'yesterday',
      },
    },
    {
      name: 'a REJECTED entry without a rejection time is cleared by any valid document',
      rules: ['MMR'],
      documents: [doc('MMR', { documentId: 'doc_ok' })],
      current: [{ code: 'MMR', title: title('MMR'), status: 'REJECTED', reason: 'x' }],
      expected: { code: 'MMR', title: title('MMR'), status: 'ACCEPTED', documentId: 'doc_ok' },
    },
    {
      name: 'an ACCEPTED entry whose document is no longer valid for the dates becomes MISSING',
      rules: ['BLS'],
      documents: [doc('BLS', { documentId: 'doc_bls', issuedOn: undefined, expiresOn: '2026-04-30' })],
      current: [{ code: 'BLS', title: title('BLS'), status: 'ACCEPTED', documentId: 'doc_bls' }],
      expected: {
        code: 'BLS',
        title: title('BLS'),
        status: 'MISSING',
        reason:
          'The BLS card on file expires on 2026-04-30, before your rotation ends on 2026-05-29. Upload one that is valid until 2026-05-29 or later.',
      },
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(evaluate(c.rules, c.documents, c.current)).toEqual([c.expected]);
  });

  it('evaluates each requirement on its own', () => {
    const result = evaluate(
      ['MMR', 'TB', 'BLS', 'INFLUENZA'],
      [
        doc('MMR', { documentId: 'doc_mmr' }),
        doc('BLS', { documentId: 'doc_bls', issuedOn: undefined, expiresOn: '2027-01-31' }),
        doc('INFLUENZA', { documentId: 'doc_flu', issuedOn: '2025-10-01' }),
      ],
      [{ code: 'TB', title: title('TB'), status: 'WAIVED', reason: 'Chest X-ray on file.' }],
    );
    expect(result.map((entry) => [entry.code, entry.status, entry.documentId])).toEqual([
      ['MMR', 'ACCEPTED', 'doc_mmr'],
      ['TB', 'WAIVED', undefined],
      ['BLS', 'ACCEPTED', 'doc_bls'],
      ['INFLUENZA', 'ACCEPTED', 'doc_flu'],
    ]);
  });

  it('ignores current entries for codes the rules no longer list', () => {
    const result = evaluate(['MMR'], [], [{ code: 'TB', title: title('TB'), status: 'WAIVED', reason: 'x' }]);
    expect(result).toEqual([{ code: 'MMR', title: title('MMR'), status: 'MISSING' }]);
  });
});

describe('outstandingRequirements', () => {
  it('keeps only MISSING and REJECTED entries, in order', () => {
    const requirements: PlacementRequirement[] = [
      { code: 'MMR', title: 'MMR', status: 'ACCEPTED', documentId: 'doc_1' },
      { code: 'TB', title: 'TB', status: 'MISSING' },
      { code: 'BLS', title: 'BLS', status: 'WAIVED', reason: 'x' },
      { code: 'TDAP', title: 'Tdap', status: 'REJECTED', reason: 'y' },
    ];
    expect(outstandingRequirements(requirements).map((entry) => entry.code)).toEqual(['TB', 'TDAP']);
  });

  it('is empty when everything is accepted or waived', () => {
    expect(
      outstandingRequirements([
        { code: 'MMR', title: 'MMR', status: 'ACCEPTED', documentId: 'doc_1' },
        { code: 'BLS', title: 'BLS', status: 'WAIVED', reason: 'x' },
      ]),
    ).toEqual([]);
  });
});
