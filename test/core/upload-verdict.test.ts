import { describe, expect, it } from 'vitest';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { judgeUpload } from '../../functions/core/upload-verdict.js';
import { tbDocument } from './student-document-fixture.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const document = tbDocument({ size: PDF.byteLength, issuedOn: '2025-12-01' });
const judge = (verification: 'staff' | 'automatic', overrides: Partial<StudentDocument> = {}) =>
  judgeUpload({
    document: { ...document, ...overrides },
    object: { size: PDF.byteLength, head: PDF },
    rules: ['TB'],
    rotation: { startDate: '2026-03-02', endDate: '2026-04-24' },
    today: '2026-01-05',
    verification,
  });

describe('judgeUpload and verification', () => {
  it('makes a file that passes the checks SUBMITTED where staff verify', () => {
    expect(judge('staff')).toEqual({ accepted: true, status: 'SUBMITTED' });
  });

  it('accepts a file that passes the checks outright, as automatic, where verification is automatic', () => {
    expect(judge('automatic')).toEqual({ accepted: true, status: 'ACCEPTED', verification: 'automatic' });
  });

  it.each(['staff', 'automatic'] as const)(
    'still rejects bad dates at a %s site without asking anyone',
    (mode) => {
      expect(judge(mode, { issuedOn: '2024-01-01' })).toMatchObject({ accepted: false });
    },
  );
});
