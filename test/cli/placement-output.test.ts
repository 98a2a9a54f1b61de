import { describe, expect, it } from 'vitest';
import { formatPlacement, formatPlacementList, outstandingCount } from '../../cli/placement-output.js';
import type { Placement } from '../../functions/contract/http-api.js';

const placement: Placement = {
  placementId: 'pl-0001',
  status: 'AWAITING_DOCUMENTS',
  student: { id: 'S-1', name: 'Ava Thompson', email: 'ava@example.edu' },
  siteId: 'demo-hospital',
  program: 'Nursing',
  startDate: '2027-02-01',
  endDate: '2027-03-01',
  documentsDueDate: '2027-01-18',
  coordinatorEmail: 'coordinator@example.edu',
  requirements: [
    { code: 'MMR', title: 'MMR immunity', status: 'ACCEPTED', documentId: 'd-1' },
    { code: 'TB', title: 'TB test', status: 'REJECTED', reason: 'Too old' },
    { code: 'BLS', title: 'Basic life support', status: 'MISSING' },
    { code: 'INFLUENZA', title: 'Flu shot', status: 'WAIVED', reason: 'Medical exemption' },
  ],
  history: [
    { at: '2026-11-02T09:00:00.000Z', type: 'CREATED' },
    { at: '2026-11-02T09:00:01.000Z', type: 'DOCUMENT_REJECTED', detail: 'TB' },
  ],
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:01.000Z',
};

describe('placement output', () => {
  it('counts missing and rejected requirements as outstanding', () => {
    expect(outstandingCount(placement)).toBe(2);
  });

  it('lists placements with id, student, site, status, start and outstanding count', () => {
    expect(formatPlacementList([placement]).split('\n')).toEqual([
      'ID       STUDENT       SITE           STATUS              START       OUTSTANDING',
      '-------  ------------  -------------  ------------------  ----------  -----------',
      'pl-0001  Ava Thompson  demo-hospital  AWAITING_DOCUMENTS  2027-02-01  2',
    ]);
    expect(formatPlacementList([])).toBe('No placements.');
  });

  it('shows a placement with its fields, a requirements table and its history', () => {
    const text = formatPlacement(placement);
    expect(text).toContain('Student        Ava Thompson <ava@example.edu> (id S-1)');
    expect(text).toContain('Dates          2027-02-01 to 2027-03-01');
    expect(text).toContain('Outstanding    2 of 4 requirements');
    expect(text).toMatch(/Requirements\nCODE\s+STATUS\s+TITLE\s+REASON\n/);
    expect(text).toMatch(/TB\s+REJECTED\s+TB test\s+Too old/);
    expect(text).toMatch(/History\nAT\s+EVENT\s+DETAIL\n/);
    expect(text).toMatch(/2026-11-02T09:00:01.000Z\s+DOCUMENT_REJECTED\s+TB/);
    expect(text).not.toContain('Decision');
  });
});
