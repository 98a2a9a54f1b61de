import { beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyDecidedError,
  ConflictError,
  LinkExpiredError,
  NotFoundError,
  ValidationError,
} from '../../functions/core/errors.js';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { decideReview } from '../../functions/use-cases/decide-review.js';
import { notifyOutcome } from '../../functions/use-cases/notify-outcome.js';
import { processUploadedDocument } from '../../functions/use-cases/process-uploaded-document.js';
import { recordFailure } from '../../functions/use-cases/record-failure.js';
import { requestSiteApproval } from '../../functions/use-cases/request-site-approval.js';
import { requestUpload } from '../../functions/use-cases/request-upload.js';
import { showReview } from '../../functions/use-cases/show-review.js';
import { waiveRequirement } from '../../functions/use-cases/waive-requirement.js';
import {
  generalHospitalPlacement,
  startCollectingDocuments,
  uploadThroughPortal,
  worldWithGeneralHospital,
} from '../support/general-hospital.js';
import { EXE_BYTES, type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';

const STUDENT = { id: 'S-1001', name: 'Ada Student', email: 'ada@student.test' };
const ADMINS = ['ward-admin@hospital.test', 'nurse-manager@hospital.test'];

const placementBody = (overrides: Record<string, unknown> = {}) =>
  generalHospitalPlacement(STUDENT, overrides);

let world: InMemoryWorld;
let tokens = 0;
const nextToken = () => `task-token-${++tokens}`;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    // Today's behaviour: uploads that pass the file checks are accepted without a staff verifier.
    verification: 'automatic',
    adminEmails: ADMINS,
    requirements: ['BLS', { code: 'TB', months: 6 }, 'HIPAA_TRAINING'],
    documentsDueDays: 14,
    reminderIntervalHours: 72,
    siteReminderIntervalHours: 48,
  });
});

/** Runs the workflow's first steps as the state machine would: check, then collect. */
const startCollecting = async () => {
  const token = nextToken();
  return { placementId: await startCollectingDocuments(world, placementBody(), token), token };
};

const upload = async (code: string, dates: Record<string, string>, bytes: Uint8Array = PDF_BYTES) => {
  const placementId = [...world.placementsById.keys()][0] ?? '';
  const { key, outcome } = await uploadThroughPortal(world, {
    studentEmail: STUDENT.email,
    placementId,
    code,
    dates,
    bytes,
  });
  return { key, outcome };
};

const uploadAllValid = async () => {
  await upload('BLS', { expiresOn: '2027-06-30' });
  await upload('TB', { issuedOn: '2025-12-01' });
  return upload('HIPAA_TRAINING', { issuedOn: '2025-09-01' });
};

describe('creating placements', () => {
  it('lists the site requirements as MISSING from the start and starts one workflow', async () => {
    const { placement, created } = await createPlacement(world.ports, placementBody());
    expect(created).toBe(true);
    expect(placement.status).toBe('CHECKING');
    expect(placement.documentsDueDate).toBe('2026-02-16');
    expect(placement.requirements.map((r) => [r.code, r.status])).toEqual([
      ['BLS', 'MISSING'],
      ['TB', 'MISSING'],
      ['HIPAA_TRAINING', 'MISSING'],
    ]);
    expect(world.started).toEqual([placement.placementId]);
  });

  it('returns the existing placement for the same student, site and start date, even concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map(() => createPlacement(world.ports, placementBody())));
    expect(new Set(results.map((r) => r.placement.placementId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(world.placementsById.size).toBe(1);
  });

  it('refuses an unknown site naming the siteId field', async () => {
    await expect(createPlacement(world.ports, placementBody({ siteId: 'nowhere' }))).rejects.toMatchObject({
      details: [{ path: 'siteId' }],
    });
    expect(world.placementsById.size).toBe(0);
  });
});

describe('the happy path', () => {
  it('collects documents, resumes once when complete, asks each site admin, clears on approval and notifies', async () => {
    const { placementId, token } = await startCollecting();
    expect(world.placementsById.get(placementId)?.status).toBe('AWAITING_DOCUMENTS');
    expect(world.outbox).toHaveLength(1);
    expect(world.outbox[0]?.text).not.toContain(token);

    const last = await uploadAllValid();
    expect(last.outcome).toBe('accepted');
    expect(world.resumed).toEqual([{ token, output: { event: 'DOCUMENTS_COMPLETE' } }]);
    expect(world.placementsById.get(placementId)?.pendingTask).toBeUndefined();

    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
    const approvalToken = nextToken();
    await requestSiteApproval(world.ports, { placementId, taskToken: approvalToken, reminder: false });
    for (const admin of ADMINS) expect(world.outbox.some((m) => m.to.includes(admin))).toBe(true);

    const reviewToken = world.lastLinkTo(ADMINS[1] ?? '', 'review');
    const packet = await showReview(world.ports, reviewToken);
    expect(packet.requirements.every((r) => r.document?.downloadUrl)).toBe(true);
    const { placement } = await decideReview(world.ports, reviewToken, { decision: 'approve' });
    expect(placement.status).toBe('CLEARED');
    expect(placement.decision?.by).toBe(ADMINS[1]);
    expect(world.resumed.at(-1)).toEqual({ token: approvalToken, output: { decision: 'approve' } });

    const before = world.outbox.length;
    await notifyOutcome(world.ports, placementId);
    await notifyOutcome(world.ports, placementId);
    expect(world.outbox.length - before).toBe(2 + ADMINS.length);
  });

  it('answers a second decision with AlreadyDecidedError, whoever sends it', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    await checkCompliance(world.ports, placementId, false);
    await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: false });
    const first = world.lastLinkTo(ADMINS[0] ?? '', 'review');
    const second = world.lastLinkTo(ADMINS[1] ?? '', 'review');
    await decideReview(world.ports, first, { decision: 'decline', reason: 'No capacity this term' });
    await expect(
      decideReview(world.ports, first, { decision: 'decline', reason: 'again' }),
    ).rejects.toBeInstanceOf(AlreadyDecidedError);
    await expect(decideReview(world.ports, second, { decision: 'approve' })).rejects.toBeInstanceOf(
      AlreadyDecidedError,
    );
    expect(world.placementsById.get(placementId)?.status).toBe('DECLINED');
  });
});

describe('uploads', () => {
  it('rejects a disguised executable, deletes it and tells the student why', async () => {
    await startCollecting();
    const { key, outcome } = await upload('BLS', { expiresOn: '2027-06-30' }, EXE_BYTES);
    expect(outcome).toBe('rejected');
    expect(world.objects.has(key)).toBe(false);
    const bls = [...world.placementsById.values()][0]?.requirements.find((r) => r.code === 'BLS');
    expect(bls?.status).toBe('REJECTED');
    expect(bls?.reason).toMatch(/PDF, PNG, JPEG or HEIC/);
  });

  it('rejects evidence too old for the rotation with a reason the student can act on', async () => {
    await startCollecting();
    const { outcome } = await upload('TB', { issuedOn: '2025-06-01' });
    expect(outcome).toBe('rejected');
    const tb = [...world.placementsById.values()][0]?.requirements.find((r) => r.code === 'TB');
    expect(tb?.status).toBe('REJECTED');
    expect(tb?.reason).toBeTruthy();
  });

  it('changes nothing twice on a duplicate S3 event', async () => {
    await startCollecting();
    const { key } = await upload('BLS', { expiresOn: '2027-06-30' });
    const before = structuredClone([...world.placementsById.values()][0]);
    expect(await processUploadedDocument(world.ports, key)).toBe('duplicate');
    expect([...world.placementsById.values()][0]).toEqual(before);
  });

  it('ignores keys the portal never issued and refuses uploads for requirements already met', async () => {
    await startCollecting();
    expect(await processUploadedDocument(world.ports, '../../etc/passwd')).toBe('ignored');
    await upload('BLS', { expiresOn: '2027-06-30' });
    await expect(upload('BLS', { expiresOn: '2027-06-30' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('records every one of concurrent uploads for one placement and resumes exactly once', async () => {
    const { placementId, token } = await startCollecting();
    const portalToken = world.lastLinkTo(STUDENT.email, 'portal');
    const requests = await Promise.all(
      [
        ['BLS', { expiresOn: '2027-06-30' }],
        ['TB', { issuedOn: '2025-12-01' }],
        ['HIPAA_TRAINING', { issuedOn: '2025-09-01' }],
      ].map(async ([code, dates]) => {
        const { documentId } = await requestUpload(world.ports, portalToken, {
          requirementCode: code,
          fileName: 'scan.pdf',
          contentType: 'application/pdf',
          size: PDF_BYTES.byteLength,
          ...(dates as object),
        });
        const key = `placements/${placementId}/${documentId}`;
        world.objects.set(key, PDF_BYTES);
        return key;
      }),
    );
    await Promise.all(
      requests.flatMap((key) => [
        processUploadedDocument(world.ports, key),
        processUploadedDocument(world.ports, key),
      ]),
    );
    const placement = world.placementsById.get(placementId);
    expect(placement?.requirements.every((r) => r.status === 'ACCEPTED')).toBe(true);
    expect(world.resumed.filter((r) => r.token === token)).toHaveLength(1);
  });
});

describe('site decisions', () => {
  it('request-changes rejects the named items, supersedes old links, and the corrected packet can be approved', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    await checkCompliance(world.ports, placementId, false);
    await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: false });
    const roundOne = world.lastLinkTo(ADMINS[0] ?? '', 'review');
    await decideReview(world.ports, roundOne, {
      decision: 'request-changes',
      reason: 'The TB result is unreadable',
      requirementCodes: ['TB'],
    });
    const afterChanges = world.placementsById.get(placementId);
    expect(afterChanges?.status).toBe('AWAITING_DOCUMENTS');
    expect(afterChanges?.requirements.find((r) => r.code === 'TB')).toMatchObject({ status: 'REJECTED' });

    // Back to collection: the unreadable document is not reused.
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('COLLECT_DOCUMENTS');
    await collectDocuments(world.ports, { placementId, taskToken: nextToken(), reminder: false });
    expect(world.outbox.at(-1)?.text).toContain('unreadable');
    await upload('TB', { issuedOn: '2025-12-20' });
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
    await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: false });

    await expect(decideReview(world.ports, roundOne, { decision: 'approve' })).rejects.toBeInstanceOf(
      AlreadyDecidedError,
    );
    const roundTwo = world.lastLinkTo(ADMINS[0] ?? '', 'review');
    expect(roundTwo).not.toBe(roundOne);
    const { placement } = await decideReview(world.ports, roundTwo, { decision: 'approve' });
    expect(placement.status).toBe('CLEARED');
  });

  it('requires a reason to decline, naming the field', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    await checkCompliance(world.ports, placementId, false);
    await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: false });
    const link = world.lastLinkTo(ADMINS[0] ?? '', 'review');
    await expect(decideReview(world.ports, link, { decision: 'decline' })).rejects.toMatchObject({
      details: [{ path: 'reason' }],
    });
  });

  it('copies the coordinator once two site reminders went unanswered', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    await checkCompliance(world.ports, placementId, false);
    await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: false });
    for (let reminder = 1; reminder <= 3; reminder++) {
      await requestSiteApproval(world.ports, { placementId, taskToken: nextToken(), reminder: true });
    }
    const toAdmin = world.outbox.filter((m) => m.to.includes(ADMINS[0] ?? ''));
    expect(toAdmin).toHaveLength(4);
    expect(toAdmin.map((m) => (m.cc ?? []).includes('coordinator@school.test'))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('evidence reuse', () => {
  it('counts documents accepted in an earlier placement when still valid, so nothing is asked again', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');

    const { placement: second } = await createPlacement(
      world.ports,
      placementBody({ startDate: '2026-05-04', endDate: '2026-05-29' }),
    );
    const step = await checkCompliance(world.ports, second.placementId, false);
    expect(step.next).toBe('REQUEST_SITE_APPROVAL');
    expect(
      world.placementsById.get(second.placementId)?.requirements.every((r) => r.status === 'ACCEPTED'),
    ).toBe(true);
  });

  it('does not reuse a TB test that lapses before a later rotation ends', async () => {
    const { placementId } = await startCollecting();
    await uploadAllValid();
    await checkCompliance(world.ports, placementId, false);
    const { placement: later } = await createPlacement(
      world.ports,
      placementBody({ startDate: '2026-09-07', endDate: '2026-10-30' }),
    );
    await checkCompliance(world.ports, later.placementId, false);
    const tb = world.placementsById.get(later.placementId)?.requirements.find((r) => r.code === 'TB');
    expect(tb?.status).toBe('MISSING');
  });
});

describe('coordinator actions', () => {
  it('waiving the last outstanding requirement resumes the workflow', async () => {
    const { placementId, token } = await startCollecting();
    await upload('BLS', { expiresOn: '2027-06-30' });
    await upload('TB', { issuedOn: '2025-12-01' });
    const waived = await waiveRequirement(world.ports, placementId, {
      requirementCode: 'HIPAA_TRAINING',
      reason: 'Completed at the site on day one',
    });
    expect(waived.requirements.find((r) => r.code === 'HIPAA_TRAINING')).toMatchObject({ status: 'WAIVED' });
    expect(world.resumed).toEqual([{ token, output: { event: 'DOCUMENTS_COMPLETE' } }]);
  });

  it('refuses to waive a requirement the placement does not have, naming the field', async () => {
    const { placementId } = await startCollecting();
    await expect(
      waiveRequirement(world.ports, placementId, { requirementCode: 'MMR', reason: 'n/a' }),
    ).rejects.toMatchObject({
      details: [{ path: 'requirementCode' }],
    });
  });

  it('cancel stops the execution, is idempotent, and closes the portal for uploads', async () => {
    const { placementId } = await startCollecting();
    const portalToken = world.lastLinkTo(STUDENT.email, 'portal');
    await cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' });
    const again = await cancelPlacement(world.ports, placementId, {});
    expect(again.status).toBe('CANCELLED');
    expect(world.stopped).toContain(placementId);
    expect(world.outbox.at(-1)?.subject).toMatch(/was cancelled/);
    await expect(
      requestUpload(world.ports, portalToken, {
        requirementCode: 'BLS',
        fileName: 'bls.pdf',
        contentType: 'application/pdf',
        size: PDF_BYTES.byteLength,
        expiresOn: '2027-06-30',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('STOP');
  });
});

describe('time', () => {
  it('sends one reminder per timeout, never twice, then expires after the due date', async () => {
    const { placementId } = await startCollecting();
    world.advance(72);
    const step = await checkCompliance(world.ports, placementId, true);
    expect(step).toMatchObject({ next: 'COLLECT_DOCUMENTS', reminder: true });
    await collectDocuments(world.ports, { placementId, taskToken: nextToken(), reminder: true });
    const mails = world.outbox.length;
    expect(world.outbox.at(-1)?.subject).toMatch(/remind/i);

    world.currentTime = new Date('2026-02-17T00:00:01Z');
    expect((await checkCompliance(world.ports, placementId, true)).next).toBe('NOTIFY_OUTCOME');
    expect(world.placementsById.get(placementId)?.status).toBe('EXPIRED');
    expect(world.outbox.length).toBe(mails);
    await expect(
      requestUpload(world.ports, world.lastLinkTo(STUDENT.email, 'portal'), {}),
    ).rejects.toBeInstanceOf(LinkExpiredError);
  });

  it('waits no longer than the time left before the due date', async () => {
    const { placement } = await createPlacement(world.ports, placementBody());
    world.currentTime = new Date('2026-02-16T12:00:00Z');
    const step = await checkCompliance(world.ports, placement.placementId, false);
    expect(step.documentsWaitSeconds).toBe(12 * 3600);
    expect(step.approvalWaitSeconds).toBe(48 * 3600);
  });
});

describe('failures and retries', () => {
  it('an SES failure gives the email back, so the retry sends it exactly once', async () => {
    const { placement } = await createPlacement(world.ports, placementBody());
    await checkCompliance(world.ports, placement.placementId, false);
    world.failNextSends = 1;
    await expect(
      collectDocuments(world.ports, {
        placementId: placement.placementId,
        taskToken: nextToken(),
        reminder: false,
      }),
    ).rejects.toThrow();
    await collectDocuments(world.ports, {
      placementId: placement.placementId,
      taskToken: nextToken(),
      reminder: false,
    });
    await collectDocuments(world.ports, {
      placementId: placement.placementId,
      taskToken: nextToken(),
      reminder: false,
    });
    expect(world.outbox).toHaveLength(1);
  });

  it('RecordFailure marks the placement FAILED, keeps only the error name and tells the coordinator once', async () => {
    const { placementId } = await startCollecting();
    await recordFailure(world.ports, {
      placementId,
      error: 'Lambda.Unknown <b>x</b>',
      cause: 'stack trace...',
    });
    await recordFailure(world.ports, { placementId, error: 'Lambda.Unknown' });
    const placement = world.placementsById.get(placementId);
    expect(placement?.status).toBe('FAILED');
    expect(placement?.failure).toEqual({ error: 'Lambda.Unknownbxb' });
    expect(world.outbox.filter((m) => m.to.includes('coordinator@school.test'))).toHaveLength(1);
  });

  it('unknown links are not found; nothing is revealed', async () => {
    await expect(showReview(world.ports, 'A'.repeat(43))).rejects.toBeInstanceOf(NotFoundError);
    await expect(showReview(world.ports, '../../x')).rejects.toBeInstanceOf(NotFoundError);
  });
});
