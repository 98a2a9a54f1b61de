import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../functions/core/errors.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { purgedStudentId } from '../../functions/core/placement-redaction.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { openLink } from '../../functions/use-cases/open-link.js';
import { processUploadedDocument } from '../../functions/use-cases/process-uploaded-document.js';
import { purgePlacement } from '../../functions/use-cases/purge-placement.js';
import { recordFailure } from '../../functions/use-cases/record-failure.js';
import { requestUpload } from '../../functions/use-cases/request-upload.js';
import { retryPlacement } from '../../functions/use-cases/retry-placement.js';
import { generalHospitalPlacement, worldWithGeneralHospital } from '../support/general-hospital.js';
import { type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';

const STUDENT = { id: 'S-2002', name: 'Grace Student', email: 'grace@student.test' };
const CALLER = 'arn:aws:iam::111122223333:user/coordinator';

const placementBody = (overrides: Record<string, unknown> = {}) =>
  generalHospitalPlacement(STUDENT, overrides);

let world: InMemoryWorld;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', 'TB', 'HIPAA_TRAINING'],
  });
});

/** A placement waiting for documents, with the student's portal link mailed and a task token held. */
const collecting = async (body = placementBody()) => {
  const { placement } = await createPlacement(world.ports, body);
  expect((await checkCompliance(world.ports, placement.placementId, false)).next).toBe('COLLECT_DOCUMENTS');
  await collectDocuments(world.ports, {
    placementId: placement.placementId,
    taskToken: `token-${placement.placementId}`,
    reminder: false,
  });
  return { placementId: placement.placementId, portalToken: world.lastLinkTo(STUDENT.email, 'portal') };
};

/** Uploads one file through the portal and lets the upload processor judge it. */
const upload = async (
  portalToken: string,
  placementId: string,
  code: string,
  dates: Record<string, string>,
) => {
  const { documentId } = await requestUpload(world.ports, portalToken, {
    requirementCode: code,
    fileName: `${code.toLowerCase()}-grace.pdf`,
    contentType: 'application/pdf',
    size: PDF_BYTES.byteLength,
    ...dates,
  });
  const key = `placements/${placementId}/${documentId}`;
  world.objects.set(key, PDF_BYTES);
  await processUploadedDocument(world.ports, key);
  return { documentId, key };
};

const documentsOf = (placementId: string): StudentDocument[] =>
  [...world.documentsById.values()].filter((document) => document.placementId === placementId);

describe('purging a placement', () => {
  it('stops a placement in flight as cancel does, and forgets its task token', async () => {
    const { placementId } = await collecting();
    expect(world.placementsById.get(placementId)?.pendingTask).toBeDefined();

    const { placement } = await purgePlacement(world.ports, placementId, {});

    expect(world.stopped).toEqual([placementId]);
    expect(placement.status).toBe('CANCELLED');
    expect(placement.history.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['CANCELLED', 'PURGED']),
    );
    expect(world.placementsById.get(placementId)?.pendingTask).toBeUndefined();
  });

  it('deletes the objects and records of this placement’s documents, and none of another placement', async () => {
    const first = await collecting();
    const bls = await upload(first.portalToken, first.placementId, 'BLS', { expiresOn: '2027-06-30' });
    const tb = await upload(first.portalToken, first.placementId, 'TB', { issuedOn: '2025-12-01' });
    const second = await collecting(placementBody({ startDate: '2026-06-01', endDate: '2026-07-10' }));
    // The second placement reuses the first one's BLS card; its own upload is the HIPAA certificate.
    const other = await upload(second.portalToken, second.placementId, 'HIPAA_TRAINING', {
      issuedOn: '2026-01-02',
    });

    const { purge } = await purgePlacement(world.ports, first.placementId, {});

    expect(purge.documentsDeleted).toBe(2);
    expect(world.objects.has(bls.key)).toBe(false);
    expect(world.objects.has(tb.key)).toBe(false);
    expect(documentsOf(first.placementId)).toEqual([]);
    expect(world.objects.has(other.key)).toBe(true);
    expect(documentsOf(second.placementId).map((document) => document.documentId)).toEqual([
      other.documentId,
    ]);
  });

  it('leaves nothing for evidence reuse to pick up: a later placement asks for the purged documents again', async () => {
    const first = await collecting();
    await upload(first.portalToken, first.placementId, 'BLS', { expiresOn: '2027-06-30' });
    await purgePlacement(world.ports, first.placementId, {});

    const { placement } = await createPlacement(
      world.ports,
      placementBody({ startDate: '2026-06-01', endDate: '2026-07-10' }),
    );
    await checkCompliance(world.ports, placement.placementId, false);

    const checked = world.placementsById.get(placement.placementId);
    expect(checked?.requirements.find((requirement) => requirement.code === 'BLS')?.status).toBe('MISSING');
  });

  it('deletes the placement’s links: the portal link no longer opens', async () => {
    const { placementId, portalToken } = await collecting();
    expect([...world.linksByHash.values()].some((link) => link.placementId === placementId)).toBe(true);

    await purgePlacement(world.ports, placementId, {});

    expect([...world.linksByHash.values()].filter((link) => link.placementId === placementId)).toEqual([]);
    await expect(openLink(world.ports, portalToken, 'portal')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('removes the student’s name, email and id, and every free text that may describe them', async () => {
    const { placementId, portalToken } = await collecting();
    await upload(portalToken, placementId, 'BLS', { expiresOn: '2026-03-01' }); // expires before the rotation ends

    const { placement } = await purgePlacement(world.ports, placementId, { reason: 'Request #481' });

    const stored = world.placementsById.get(placementId);
    expect(stored).toEqual(placement);
    const text = JSON.stringify(stored);
    for (const personal of [STUDENT.name, STUDENT.email, STUDENT.id, 'grace'])
      expect(text).not.toContain(personal);
    expect(placement.student).toEqual({
      id: purgedStudentId(STUDENT.id),
      name: '[purged]',
      email: '[purged]',
    });
    expect(placement.requirements.find((requirement) => requirement.code === 'BLS')).toEqual({
      code: 'BLS',
      title: expect.any(String),
      status: 'REJECTED',
    });
    expect(placement.history.every((entry) => entry.detail === undefined)).toBe(true);
    expect(placement).toMatchObject({
      placementId,
      siteId: 'general-hospital',
      program: 'BSc Nursing',
      startDate: '2026-03-02',
      endDate: '2026-04-24',
    });
  });

  it('writes an audit record with the count, reason and caller, and no personal data', async () => {
    const { placementId, portalToken } = await collecting();
    await upload(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
    world.advance(1);

    const { purge } = await purgePlacement(world.ports, placementId, { reason: 'Request #481' }, CALLER);

    expect(purge).toEqual({
      placementId,
      purgedAt: world.currentTime.toISOString(),
      documentsDeleted: 1,
      reason: 'Request #481',
      requestedBy: CALLER,
    });
    expect(world.purgeRecords.get(placementId)).toEqual(purge);
  });

  it('a second purge answers the same record and changes nothing', async () => {
    const { placementId, portalToken } = await collecting();
    await upload(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
    const first = await purgePlacement(world.ports, placementId, { reason: 'Request #481' }, CALLER);
    const stored = structuredClone(world.placementsById.get(placementId));
    world.advance(5);

    const second = await purgePlacement(world.ports, placementId, { reason: 'another' }, 'someone-else');

    expect(second.purge).toEqual(first.purge);
    expect(second.placement).toEqual(stored);
    expect(world.placementsById.get(placementId)).toEqual(stored);
    expect(world.stopped).toEqual([placementId]);
  });

  it('finishes a purge that crashed after redacting, counting the documents the first run found', async () => {
    const { placementId, portalToken } = await collecting();
    await upload(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
    await upload(portalToken, placementId, 'TB', { issuedOn: '2025-12-01' });
    const saveAudit = world.ports.purges.savePurgeRecord;
    world.ports.purges.savePurgeRecord = async () => {
      throw new Error('Lambda timed out');
    };
    await expect(purgePlacement(world.ports, placementId, {}, CALLER)).rejects.toThrow('Lambda timed out');
    expect(world.purgeRecords.size).toBe(0);
    world.ports.purges.savePurgeRecord = saveAudit;

    const { purge } = await purgePlacement(world.ports, placementId, {});

    expect(purge).toMatchObject({ placementId, documentsDeleted: 2, requestedBy: CALLER });
  });

  it('finishes a purge that crashed between deleting an object and its record', async () => {
    const { placementId, portalToken } = await collecting();
    const bls = await upload(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
    const tb = await upload(portalToken, placementId, 'TB', { issuedOn: '2025-12-01' });
    const deleteRecord = world.ports.documents.deleteDocument;
    world.ports.documents.deleteDocument = async () => {
      throw new Error('DynamoDB unavailable');
    };
    await expect(purgePlacement(world.ports, placementId, {})).rejects.toThrow('DynamoDB unavailable');
    expect(world.objects.has(bls.key)).toBe(false);
    world.ports.documents.deleteDocument = deleteRecord;

    const { purge } = await purgePlacement(world.ports, placementId, {});

    expect(purge.documentsDeleted).toBe(2);
    expect(world.objects.has(tb.key)).toBe(false);
    expect(documentsOf(placementId)).toEqual([]);
  });

  it('does not stop a placement that already ended (FAILED stays FAILED)', async () => {
    const { placementId } = await collecting();
    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed', cause: 'boom' });

    const { placement } = await purgePlacement(world.ports, placementId, {});

    expect(world.stopped).toEqual([]);
    expect(placement.status).toBe('FAILED');
    expect(placement.failure).toEqual({ error: 'States.TaskFailed' });
  });

  it('refuses to retry a purged FAILED placement: there is no student left to onboard', async () => {
    const { placementId } = await collecting();
    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed' });
    await purgePlacement(world.ports, placementId, {});
    const started = [...world.started];

    await expect(retryPlacement(world.ports, placementId)).rejects.toBeInstanceOf(ConflictError);
    expect(world.placementsById.get(placementId)?.status).toBe('FAILED');
    expect(world.started).toEqual(started);
  });

  it('deletes a late upload from a form issued before the purge instead of judging it', async () => {
    const { placementId, portalToken } = await collecting();
    const { documentId } = await requestUpload(world.ports, portalToken, {
      requirementCode: 'BLS',
      fileName: 'bls.pdf',
      contentType: 'application/pdf',
      size: PDF_BYTES.byteLength,
      expiresOn: '2027-06-30',
    });
    await purgePlacement(world.ports, placementId, {});
    const key = `placements/${placementId}/${documentId}`;
    world.objects.set(key, PDF_BYTES);

    expect(await processUploadedDocument(world.ports, key)).toBe('ignored');
    expect(world.objects.has(key)).toBe(false);
  });

  it('answers NotFoundError for an unknown placement, and a ValidationError naming reason for a long one', async () => {
    await expect(purgePlacement(world.ports, 'pl_aaaaaaaaaaaaaaaaaaaaaaaaaa', {})).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const { placementId } = await collecting();
    await expect(
      purgePlacement(world.ports, placementId, { reason: 'x'.repeat(2001) }),
    ).rejects.toMatchObject({
      name: ValidationError.name,
      details: [{ path: 'reason' }],
    });
    expect(world.stopped).toEqual([]);
  });
});
