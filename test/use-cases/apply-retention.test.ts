import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/core/calendar-date.js';
import { RetentionIncompleteError } from '../../functions/core/errors.js';
import type { Placement } from '../../functions/core/model/placement.js';
import { applyRetention } from '../../functions/use-cases/apply-retention.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { purgePlacement } from '../../functions/use-cases/purge-placement.js';
import { putSite } from '../../functions/use-cases/put-site.js';
import { InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';

const RETENTION_DAYS = 30;
let world: InMemoryWorld;

beforeEach(async () => {
  world = new InMemoryWorld();
  world.currentTime = new Date('2026-01-05T09:00:00Z');
  await putSite(world.ports, 'general-hospital', {
    name: 'General Hospital',
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', 'TB'],
  });
});

/** A placement of one student ending on `endDate`, in `status`, with one uploaded document on file. */
const placementEnding = async (endDate: string, status: Placement['status'], studentId = 'S-3003') => {
  const { placement } = await createPlacement(world.ports, {
    student: { id: studentId, name: 'Ida Student', email: `${studentId}@student.test` },
    siteId: 'general-hospital',
    program: 'BSc Nursing',
    startDate: addDays(endDate, -42),
    endDate,
    coordinatorEmail: 'coordinator@school.test',
  });
  const stored = world.placementsById.get(placement.placementId);
  if (!stored) throw new Error('not created');
  world.placementsById.set(placement.placementId, { ...stored, status });
  const documentId = `doc_${endDate.replaceAll('-', '')}${studentId.replace(/\W/g, '').toLowerCase()}`;
  const objectKey = `placements/${placement.placementId}/${documentId}`;
  world.objects.set(objectKey, PDF_BYTES);
  world.documentsById.set(documentId, {
    documentId,
    studentId,
    placementId: placement.placementId,
    requirementCode: 'BLS',
    fileName: 'bls.pdf',
    contentType: 'application/pdf',
    size: PDF_BYTES.byteLength,
    expiresOn: '2027-01-01',
    objectKey,
    status: 'ACCEPTED',
    createdAt: '2025-08-20T10:00:00.000Z',
    updatedAt: '2025-08-20T10:00:00.000Z',
  });
  return { placementId: placement.placementId, objectKey, documentId };
};

describe('the retention sweep', () => {
  it('files every new placement under the day its rotation ends', async () => {
    const { placementId } = await placementEnding('2025-11-20', 'CLEARED');
    expect([...(world.endingOn.get('2025-11-20') ?? [])]).toEqual([placementId]);
  });

  it('deletes the documents of a placement whose rotation ended more than the retention days ago', async () => {
    // 2026-01-05 minus 31 days: the rotation ended on 2025-12-05; 30 full days have passed since.
    const due = await placementEnding('2025-12-05', 'CLEARED');
    const requirements = world.placementsById.get(due.placementId)?.requirements;

    const outcome = await applyRetention(world.ports, RETENTION_DAYS);

    expect(outcome).toMatchObject({ placementsCleared: 1, documentsDeleted: 1, placementsWaiting: 0 });
    expect(world.objects.has(due.objectKey)).toBe(false);
    expect(world.documentsById.has(due.documentId)).toBe(false);
    const placement = world.placementsById.get(due.placementId);
    expect(placement?.history.at(-1)).toMatchObject({ type: 'DOCUMENTS_DELETED' });
    expect(placement?.student.name).toBe('Ida Student');
    expect(placement?.requirements).toEqual(requirements);
  });

  it('keeps the documents of a rotation that ended within the retention days, on its last day too', async () => {
    const recent = await placementEnding('2025-12-06', 'CLEARED', 'S-1');
    const running = await placementEnding('2026-02-01', 'CLEARED', 'S-2');

    const outcome = await applyRetention(world.ports, RETENTION_DAYS);

    expect(outcome.endDates.at(-1)).toBe('2025-12-05');
    expect(outcome.placementsCleared).toBe(0);
    expect(world.objects.has(recent.objectKey)).toBe(true);
    expect(world.objects.has(running.objectKey)).toBe(true);
  });

  it('catches up end dates a few missed runs left behind, and not older ones (the lifecycle backstop has those)', async () => {
    const missed = await placementEnding('2025-11-29', 'CLEARED', 'S-1');
    const tooOld = await placementEnding('2025-11-28', 'CLEARED', 'S-2');

    const outcome = await applyRetention(world.ports, RETENTION_DAYS);

    expect(outcome.endDates).toEqual([
      '2025-11-29',
      '2025-11-30',
      '2025-12-01',
      '2025-12-02',
      '2025-12-03',
      '2025-12-04',
      '2025-12-05',
    ]);
    expect(world.objects.has(missed.objectKey)).toBe(false);
    expect(world.objects.has(tooOld.objectKey)).toBe(true);
  });

  it('leaves the documents of another placement of the same student alone', async () => {
    const due = await placementEnding('2025-12-05', 'CLEARED');
    const later = await placementEnding('2026-03-01', 'CLEARED');

    await applyRetention(world.ports, RETENTION_DAYS);

    expect(world.objects.has(due.objectKey)).toBe(false);
    expect(world.objects.has(later.objectKey)).toBe(true);
    expect(world.documentsById.has(later.documentId)).toBe(true);
  });

  it('waits for a placement still running, and counts it', async () => {
    const stuck = await placementEnding('2025-12-05', 'AWAITING_SITE_APPROVAL');

    const outcome = await applyRetention(world.ports, RETENTION_DAYS);

    expect(outcome).toMatchObject({ placementsCleared: 0, placementsWaiting: 1 });
    expect(world.objects.has(stuck.objectKey)).toBe(true);
  });

  it('changes nothing when run again, and skips a purged placement', async () => {
    const due = await placementEnding('2025-12-05', 'CLEARED', 'S-1');
    const purged = await placementEnding('2025-12-04', 'CLEARED', 'S-2');
    await purgePlacement(world.ports, purged.placementId, {});
    await applyRetention(world.ports, RETENTION_DAYS);
    const before = structuredClone([...world.placementsById.values()]);

    const again = await applyRetention(world.ports, RETENTION_DAYS);

    expect(again.placementsCleared).toBe(0);
    expect([...world.placementsById.values()]).toEqual(before);
    expect(
      world.placementsById.get(due.placementId)?.history.filter((e) => e.type === 'DOCUMENTS_DELETED'),
    ).toHaveLength(1);
  });

  it('goes on past a placement it cannot clear, then fails the run so that it is retried', async () => {
    const first = await placementEnding('2025-12-04', 'CLEARED', 'S-1');
    const second = await placementEnding('2025-12-05', 'CLEARED', 'S-2');
    const deleteObject = world.ports.storage.delete;
    world.ports.storage.delete = async (key) => {
      if (key === first.objectKey) throw new Error('S3 unavailable');
      await deleteObject(key);
    };

    await expect(applyRetention(world.ports, RETENTION_DAYS)).rejects.toBeInstanceOf(
      RetentionIncompleteError,
    );

    expect(world.objects.has(first.objectKey)).toBe(true);
    expect(world.objects.has(second.objectKey)).toBe(false);
  });
});
