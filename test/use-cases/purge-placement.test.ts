import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../functions/core/errors.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { purgedStudentId } from '../../functions/core/placement-redaction.js';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { decideReview } from '../../functions/use-cases/decide-review.js';
import { notifyOutcome } from '../../functions/use-cases/notify-outcome.js';
import { openLink } from '../../functions/use-cases/open-link.js';
import { processUploadedDocument } from '../../functions/use-cases/process-uploaded-document.js';
import { purgePlacement } from '../../functions/use-cases/purge-placement.js';
import { recordFailure } from '../../functions/use-cases/record-failure.js';
import { requestSiteApproval } from '../../functions/use-cases/request-site-approval.js';
import { requestUpload } from '../../functions/use-cases/request-upload.js';
import { retryPlacement } from '../../functions/use-cases/retry-placement.js';
import { waiveRequirement } from '../../functions/use-cases/waive-requirement.js';
import { generalHospitalPlacement, worldWithGeneralHospital } from '../support/general-hospital.js';
import { type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';

const STUDENT = { id: 'S-2002', name: 'Grace Student', email: 'grace@student.test' };
const ADMIN = 'ward-admin@hospital.test';
const CALLER = 'arn:aws:iam::111122223333:user/coordinator';

const placementBody = (overrides: Record<string, unknown> = {}) =>
  generalHospitalPlacement(STUDENT, overrides);

let world: InMemoryWorld;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    // Today's behaviour: uploads that pass the file checks are accepted without a staff verifier.
    verification: 'automatic',
    adminEmails: [ADMIN],
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

const documentsOf = (placementId: string): StudentDocument[] =>
  [...world.documentsById.values()].filter((document) => document.placementId === placementId);

/** Asks for an upload form and puts the file where the form would: the processor has not run yet. */
const uploadedNotJudged = async (
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
  return { documentId, key };
};

/** Uploads one file through the portal and lets the upload processor judge it. */
const upload = async (
  portalToken: string,
  placementId: string,
  code: string,
  dates: Record<string, string>,
) => {
  const uploaded = await uploadedNotJudged(portalToken, placementId, code, dates);
  await processUploadedDocument(world.ports, uploaded.key);
  return uploaded;
};

/** Runs the purge of `placementId` once, right after the first call of `method` on a port answers. */
const purgeAfterFirstCall = <P extends 'storage' | 'documents', M extends keyof (typeof world.ports)[P]>(
  port: P,
  method: M,
  placementId: string,
) => {
  const target = world.ports[port] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method as string];
  if (!original) throw new Error(`no ${String(method)} on ${port}`);
  let done = false;
  target[method as string] = async (...args: unknown[]) => {
    const answer = await original(...args);
    if (!done) {
      done = true;
      await purgePlacement(world.ports, placementId, {});
    }
    return answer;
  };
};

/** A placement with all three documents accepted, waiting for the site, and the admin's review link. */
const awaitingSite = async () => {
  const { placementId, portalToken } = await collecting();
  await upload(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
  await upload(portalToken, placementId, 'TB', { issuedOn: '2025-12-01' });
  await upload(portalToken, placementId, 'HIPAA_TRAINING', { issuedOn: '2025-09-01' });
  expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
  await requestSiteApproval(world.ports, {
    placementId,
    taskToken: `approval-${placementId}`,
    reminder: false,
  });
  return { placementId, reviewToken: world.lastLinkTo(ADMIN, 'review') };
};

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

  it('a RecordFailure retried after the purge of a FAILED placement mails nobody', async () => {
    const { placementId } = await collecting();
    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed' });
    await purgePlacement(world.ports, placementId, {});
    const sent = world.outbox.length;

    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed' });

    expect(world.outbox.length).toBe(sent);
    expect(world.placementsById.get(placementId)?.student.name).toBe('[purged]');
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

  it('stops the execution on a re-run when the first run crashed between writing CANCELLED and stopping it', async () => {
    const { placementId } = await collecting();
    const stop = world.ports.workflow.stop;
    world.ports.workflow.stop = async () => {
      throw new Error('Lambda timed out');
    };
    await expect(purgePlacement(world.ports, placementId, {})).rejects.toThrow('Lambda timed out');
    expect(world.placementsById.get(placementId)?.status).toBe('CANCELLED');
    world.ports.workflow.stop = stop;

    await purgePlacement(world.ports, placementId, {});

    expect(world.stopped).toEqual([placementId]);
  });

  it('stops the execution of a finished placement too (it may still be in NotifyOutcome)', async () => {
    const { placementId, reviewToken } = await awaitingSite();
    await decideReview(world.ports, reviewToken, { decision: 'approve' });

    await purgePlacement(world.ports, placementId, {});

    expect(world.stopped).toEqual([placementId]);
  });
});

describe('nothing written after a purge brings a document back', () => {
  it('a verdict that lands after the purge deleted the record does not put the record back', async () => {
    const { placementId, portalToken } = await collecting();
    const { key } = await uploadedNotJudged(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' });
    purgeAfterFirstCall('storage', 'inspect', placementId);

    expect(await processUploadedDocument(world.ports, key)).toBe('ignored');

    expect(documentsOf(placementId)).toEqual([]);
    expect(world.objects.has(key)).toBe(false);
  });

  it('a site’s request for changes that lands after the purge does not put the document record back', async () => {
    const { placementId, reviewToken } = await awaitingSite();
    purgeAfterFirstCall('documents', 'getDocument', placementId);

    await decideReview(world.ports, reviewToken, {
      decision: 'request-changes',
      reason: 'The card is unreadable',
      requirementCodes: ['BLS'],
    });

    expect(world.purgeRecords.get(placementId)?.documentsDeleted).toBe(3);
    expect(documentsOf(placementId)).toEqual([]);
  });

  it('an upload request that saves its record after the purge listed the documents takes it back (404)', async () => {
    const { placementId, portalToken } = await collecting();
    const save = world.ports.documents.saveDocument;
    world.ports.documents.saveDocument = async (document) => {
      world.ports.documents.saveDocument = save;
      await purgePlacement(world.ports, placementId, {});
      await save(document);
    };

    await expect(
      uploadedNotJudged(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' }),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(documentsOf(placementId)).toEqual([]);
  });

  it('marks the placement before it lists the documents, so an upload request racing the listing cannot slip between', async () => {
    const { placementId, portalToken } = await collecting();
    const list = world.ports.documents.listStudentDocuments;
    let raced: unknown;
    world.ports.documents.listStudentDocuments = async (studentId) => {
      world.ports.documents.listStudentDocuments = list;
      const listed = await list(studentId);
      // The student asks for a form just after the purge's listing answered.
      raced = await uploadedNotJudged(portalToken, placementId, 'BLS', { expiresOn: '2027-06-30' }).catch(
        (error: unknown) => error,
      );
      return listed;
    };

    await purgePlacement(world.ports, placementId, {});

    expect(raced).toBeInstanceOf(NotFoundError);
    expect(documentsOf(placementId)).toEqual([]);
  });
});

describe('nothing about the student is written or mailed after a purge', () => {
  it('a purged FAILED placement refuses a waiver (409 naming the purge) and keeps no reason', async () => {
    const { placementId } = await collecting();
    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed' });
    const { placement } = await purgePlacement(world.ports, placementId, {});

    await expect(
      waiveRequirement(world.ports, placementId, {
        requirementCode: 'BLS',
        reason: 'Grace has a card at home',
      }),
    ).rejects.toThrow(
      new ConflictError('The placement was purged; its requirements can no longer be waived.'),
    );
    expect(world.placementsById.get(placementId)).toEqual(placement);
  });

  it('a verdict on a purged FAILED placement is dropped: no rejection reason, and the file is deleted', async () => {
    const { placementId, portalToken } = await collecting();
    // Expires before the rotation ends: the verdict would be a rejection with a reason.
    const { key } = await uploadedNotJudged(portalToken, placementId, 'BLS', { expiresOn: '2026-03-01' });
    await recordFailure(world.ports, { placementId, error: 'States.TaskFailed' });
    purgeAfterFirstCall('storage', 'inspect', placementId);

    expect(await processUploadedDocument(world.ports, key)).toBe('ignored');

    const stored = world.placementsById.get(placementId);
    expect(stored?.status).toBe('FAILED');
    expect(stored?.requirements.find((requirement) => requirement.code === 'BLS')).toEqual({
      code: 'BLS',
      title: expect.any(String),
      status: 'MISSING',
    });
    expect(stored?.history.every((entry) => entry.detail === undefined)).toBe(true);
    expect(world.objects.has(key)).toBe(false);
    expect(documentsOf(placementId)).toEqual([]);
  });

  it('cancelling a purged placement answers it and sends nothing', async () => {
    const { placementId } = await collecting();
    const { placement } = await purgePlacement(world.ports, placementId, {});
    const sent = world.outbox.length;

    const cancelled = await cancelPlacement(world.ports, placementId, { reason: 'Duplicate' });

    expect(cancelled).toEqual(placement);
    expect(world.outbox.length).toBe(sent);
  });

  it('NotifyOutcome still running for a purged CLEARED placement sends nothing', async () => {
    const { placementId, reviewToken } = await awaitingSite();
    await decideReview(world.ports, reviewToken, { decision: 'approve' });
    await purgePlacement(world.ports, placementId, {});
    const sent = world.outbox.length;

    expect(await notifyOutcome(world.ports, placementId)).toEqual({ sent: 0 });
    expect(world.outbox.length).toBe(sent);
  });

  it('the callback tasks of a purged placement mail nobody and resume, so the execution ends', async () => {
    const { placementId } = await collecting();
    await purgePlacement(world.ports, placementId, {});
    const sent = world.outbox.length;

    await collectDocuments(world.ports, { placementId, taskToken: 'collect-late', reminder: true });
    await requestSiteApproval(world.ports, { placementId, taskToken: 'approval-late', reminder: false });

    expect(world.outbox.length).toBe(sent);
    expect(world.resumed.map((resume) => resume.token)).toEqual(
      expect.arrayContaining(['collect-late', 'approval-late']),
    );
    expect(world.placementsById.get(placementId)?.pendingTask).toBeUndefined();
  });
});
