import { beforeEach, describe, expect, it } from 'vitest';
import { reportRoutes } from '../../functions/console/routes/report-routes.js';
import type { Placement } from '../../functions/core/model/placement.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { buildPlacementReports } from '../../functions/use-cases/build-placement-reports.js';
import { GENERAL_HOSPITAL, worldWithGeneralHospital } from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';
import { consolePortsOf, staffRequest } from './console-route-support.js';

let world: InMemoryWorld;
let serial = 0;

/** A stored placement built for a report number (the world's clock is 2026-01-05). */
const placement = (overrides: Partial<Placement>): Placement => {
  serial += 1;
  return {
    placementId: `pl_${String(serial).padStart(26, 'a')}`,
    status: 'AWAITING_DOCUMENTS',
    student: { id: `S-${serial}`, name: `Student ${serial}`, email: `s${serial}@student.test` },
    siteId: GENERAL_HOSPITAL,
    program: 'BSc Nursing',
    startDate: '2026-02-02',
    endDate: '2026-03-27',
    documentsDueDate: '2026-01-19',
    coordinatorEmail: 'coordinator@school.test',
    requirements: [],
    history: [],
    createdAt: '2025-12-01T09:00:00.000Z',
    updatedAt: '2025-12-01T09:00:00.000Z',
    version: 1,
    rules: ['BLS', 'MMR'],
    adminEmails: [],
    siteName: 'General Hospital',
    reminderIntervalHours: 48,
    siteReminderIntervalHours: 48,
    approvalRound: 1,
    remindersSent: 0,
    ...overrides,
  };
};

const cleared = (createdAt: string, clearedAt: string, overrides: Partial<Placement> = {}) =>
  placement({
    status: 'CLEARED',
    createdAt,
    decision: { decision: 'approve', round: 1, by: 'admin@hospital.test', at: clearedAt },
    ...overrides,
  });

/** Stores placements as the table does: each create moves the counters the reports read. */
const store = (...placements: Placement[]) => {
  for (const p of placements) world.seedPlacement(p);
};

const document = (p: Placement, documentId: string, code: 'BLS' | 'MMR', dates: Partial<StudentDocument>) => {
  world.documentsById.set(documentId, {
    documentId,
    studentId: p.student.id,
    placementId: p.placementId,
    requirementCode: code,
    fileName: `${code}.pdf`,
    contentType: 'application/pdf',
    size: 10,
    objectKey: `placements/${p.placementId}/${documentId}`,
    status: 'ACCEPTED',
    createdAt: '2025-12-01T09:00:00.000Z',
    updatedAt: '2025-12-01T09:00:00.000Z',
    ...dates,
  });
};

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS'],
  });
});

describe('the reports', () => {
  it('count placements by status per site and program, with median and p90 days to clearance', async () => {
    store(
      placement({}),
      placement({ program: 'MSc Midwifery' }),
      cleared('2025-12-01T09:00:00.000Z', '2025-12-03T09:00:00.000Z'),
      cleared('2025-12-01T09:00:00.000Z', '2025-12-05T09:00:00.000Z'),
      cleared('2025-12-01T09:00:00.000Z', '2025-12-21T09:00:00.000Z'),
    );
    const reports = await buildPlacementReports(world.ports);

    const nursing = reports.rows.find((row) => row.program === 'BSc Nursing');
    expect(nursing).toMatchObject({
      siteName: 'General Hospital',
      byStatus: { AWAITING_DOCUMENTS: 1, CLEARED: 3 },
      clearanceDays: { count: 3, median: 4, p90: 20 },
    });
    expect(reports.rows.find((row) => row.program === 'MSc Midwifery')?.byStatus).toEqual({
      AWAITING_DOCUMENTS: 1,
    });
  });

  it('measure hours from upload to a staff decision per site and program', async () => {
    store(
      placement({
        requirements: [
          {
            code: 'BLS',
            title: 'BLS',
            status: 'ACCEPTED',
            verification: 'staff',
            submittedAt: '2026-01-01T00:00:00.000Z',
            verifiedAt: '2026-01-01T05:30:00.000Z',
          },
          {
            code: 'MMR',
            title: 'MMR',
            status: 'REJECTED',
            submittedAt: '2026-01-01T00:00:00.000Z',
            sentBackAt: '2026-01-02T00:00:00.000Z',
          },
        ],
      }),
    );
    const [row] = (await buildPlacementReports(world.ports)).rows;
    expect(row?.verificationHours).toEqual({ count: 2, median: 5, p90: 24 });
  });

  it('rank the reasons documents are sent back, counting every send-back even after a re-upload', async () => {
    store(
      placement({ sentBackReasons: { ILLEGIBLE: 2, NAME_MISMATCH: 1 } }),
      placement({ sentBackReasons: { ILLEGIBLE: 1 } }),
    );
    expect((await buildPlacementReports(world.ports)).sentBack).toEqual([
      { reasonCode: 'ILLEGIBLE', count: 3 },
      { reasonCode: 'NAME_MISMATCH', count: 1 },
    ]);
  });

  it('list evidence of a running cleared rotation that lapses within 30 days and before the rotation ends', async () => {
    const running = cleared('2025-11-01T09:00:00.000Z', '2025-11-20T09:00:00.000Z', {
      startDate: '2025-12-01',
      endDate: '2026-03-27',
      requirements: [
        { code: 'BLS', title: 'BLS certification', status: 'ACCEPTED', documentId: 'doc_bls' },
        { code: 'MMR', title: 'MMR', status: 'ACCEPTED', documentId: 'doc_mmr' },
      ],
    });
    const ended = cleared('2025-09-01T09:00:00.000Z', '2025-09-20T09:00:00.000Z', {
      startDate: '2025-10-01',
      endDate: '2025-12-31',
      requirements: [
        { code: 'BLS', title: 'BLS certification', status: 'ACCEPTED', documentId: 'doc_bls_old' },
      ],
    });
    store(running, ended);
    document(running, 'doc_bls', 'BLS', { expiresOn: '2026-01-20' });
    document(running, 'doc_mmr', 'MMR', { issuedOn: '2010-01-01' });
    document(ended, 'doc_bls_old', 'BLS', { expiresOn: '2026-01-10' });

    const reports = await buildPlacementReports(world.ports);
    expect(reports.lapsing).toEqual([
      {
        placementId: running.placementId,
        studentName: running.student.name,
        siteName: 'General Hospital',
        requirementTitle: 'BLS certification',
        lapsesOn: '2026-01-20',
        endDate: '2026-03-27',
      },
    ]);
    expect(reports.lapsingComplete).toBe(true);
  });

  it('are open to viewers and reviewers as a page', async () => {
    store(placement({}));
    const handler = reportRoutes(consolePortsOf(world))['GET /console/reports'];
    for (const role of ['viewer', 'reviewer', 'coordinator'] as const) {
      const response = await handler?.(staffRequest(role));
      expect(response?.statusCode).toBe(200);
      expect(String(response?.body)).toContain('By site and program');
    }
  });
});
