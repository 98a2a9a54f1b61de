import { beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyDecidedError,
  ConcurrentUpdateError,
  ConflictError,
  NotFoundError,
} from '../../functions/core/errors.js';
import { REJECTION_EXPLANATIONS } from '../../functions/core/rejection-reasons.js';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { decideDocumentVerification } from '../../functions/use-cases/decide-document-verification.js';
import { listVerificationQueue } from '../../functions/use-cases/list-verification-queue.js';
import { requestUpload } from '../../functions/use-cases/request-upload.js';
import {
  type SentBackNoticeComposer,
  sendSentBackNotice,
} from '../../functions/use-cases/send-sent-back-notice.js';
import { waiveRequirement } from '../../functions/use-cases/waive-requirement.js';
import {
  generalHospitalPlacement,
  startCollectingDocuments,
  uploadThroughPortal,
  worldWithGeneralHospital,
} from '../support/general-hospital.js';
import { type InMemoryWorld, PDF_BYTES } from '../support/in-memory-ports.js';

const STUDENT = { id: 'S-2002', name: 'Grace Student', email: 'grace@student.test' };
const REVIEWER = { email: 'reviewer@school.test', sub: 'sub-1' };
const OTHER_REVIEWER = { iam: 'arn:aws:iam::123456789012:user/coordinator' };
const VALID_DATES: Record<string, Record<string, string>> = {
  BLS: { expiresOn: '2027-06-30' },
  TB: { issuedOn: '2025-12-01' },
  HIPAA_TRAINING: { issuedOn: '2025-09-01' },
};

/** A composer that lists the items as the web layer's template would, so the test reads what was sent. */
const composeNotice: SentBackNoticeComposer = (view) => ({
  subject: `${view.sentBack.length} document(s) sent back`,
  text: `${view.sentBack.map((item) => `${item.title}: ${item.reason}`).join('\n')}\n${view.portalUrl}`,
  html: '<p>sent back</p>',
});

let world: InMemoryWorld;
let tokens = 0;
const nextToken = () => `task-token-${++tokens}`;

beforeEach(async () => {
  // A new site that does not say: staff verification.
  world = await worldWithGeneralHospital({
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', { code: 'TB', months: 6 }, 'HIPAA_TRAINING'],
  });
});

const startCollecting = async (overrides: Record<string, unknown> = {}) => {
  const token = nextToken();
  const placementId = await startCollectingDocuments(
    world,
    generalHospitalPlacement(STUDENT, overrides),
    token,
  );
  return { placementId, token };
};

const upload = async (placementId: string, code: string) => {
  const { documentId, outcome } = await uploadThroughPortal(world, {
    studentEmail: STUDENT.email,
    placementId,
    code,
    dates: VALID_DATES[code] ?? {},
    bytes: PDF_BYTES,
  });
  return { documentId, outcome };
};

const uploadAll = async (placementId: string) => {
  const ids: Record<string, string> = {};
  for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) {
    world.advance(0.01);
    ids[code] = (await upload(placementId, code)).documentId;
  }
  return ids;
};

const decide = (placementId: string, documentId: string, body: unknown, verifier: object = REVIEWER) =>
  decideDocumentVerification(world.ports, placementId, documentId, body, verifier);

const stored = (placementId: string) => {
  const placement = world.placementsById.get(placementId);
  if (!placement) throw new Error('no placement');
  return placement;
};

/** Counts the optimistic-concurrency losses, so a race test proves the race happened. */
const countLostRaces = () => {
  const lost = { count: 0 };
  const save = world.ports.placements.savePlacement;
  world.ports.placements.savePlacement = async (placement, expected) => {
    try {
      await save(placement, expected);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) lost.count++;
      throw error;
    }
  };
  return lost;
};

describe('uploads at a staff-verification site', () => {
  it('wait SUBMITTED in the queue, oldest first, and do not resume the workflow', async () => {
    const { placementId } = await startCollecting();
    const ids = await uploadAll(placementId);
    expect(stored(placementId).requirements.map((r) => r.status)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'SUBMITTED',
    ]);
    expect(world.resumed).toEqual([]);
    const queue = await listVerificationQueue(world.ports, {});
    expect(queue.items.map((item) => item.documentId)).toEqual([ids.BLS, ids.TB, ids.HIPAA_TRAINING]);
    expect(queue.items[0]).toMatchObject({
      placementId,
      requirementCode: 'BLS',
      student: STUDENT,
      siteId: 'general-hospital',
      startDate: '2026-03-02',
      expiresOn: '2027-06-30',
    });
    const page = await listVerificationQueue(world.ports, { limit: '2' });
    const next = await listVerificationQueue(world.ports, { limit: '2', cursor: page.cursor });
    expect([...page.items, ...next.items].map((item) => item.documentId)).toEqual(
      queue.items.map((i) => i.documentId),
    );
    expect(next.cursor).toBeUndefined();
    expect((await listVerificationQueue(world.ports, { requirementCode: 'TB' })).items).toHaveLength(1);
    expect((await listVerificationQueue(world.ports, { siteId: 'elsewhere' })).items).toHaveLength(0);
  });

  it('are not what a reminder asks for: with only SUBMITTED items left the student gets no reminder', async () => {
    const { placementId } = await startCollecting();
    await uploadAll(placementId);
    const mails = world.outbox.length;
    world.advance(72);
    expect((await checkCompliance(world.ports, placementId, true)).next).toBe('COLLECT_DOCUMENTS');
    const token = nextToken();
    await collectDocuments(world.ports, { placementId, taskToken: token, reminder: true });
    expect(world.outbox).toHaveLength(mails);
    expect(stored(placementId).pendingTask?.token).toBe(token);
  });

  it('a reminder with something missing lists only that, not the SUBMITTED item', async () => {
    const { placementId } = await startCollecting();
    await upload(placementId, 'BLS');
    world.advance(72);
    await checkCompliance(world.ports, placementId, true);
    await collectDocuments(world.ports, { placementId, taskToken: nextToken(), reminder: true });
    const reminder = world.outbox.at(-1)?.text ?? '';
    expect(reminder).toMatch(/Tuberculosis/);
    expect(reminder).not.toMatch(/Basic Life Support/);
  });
});

describe('verifying', () => {
  it('records who verified each item and resumes the workflow once when the last is verified', async () => {
    const { placementId, token } = await startCollecting();
    const ids = await uploadAll(placementId);
    await decide(placementId, ids.BLS ?? '', { decision: 'verify' });
    await decide(placementId, ids.TB ?? '', { decision: 'verify', issuedOn: '2025-12-02' }, OTHER_REVIEWER);
    expect(world.resumed).toEqual([]);
    const { placement } = await decide(placementId, ids.HIPAA_TRAINING ?? '', { decision: 'verify' });
    expect(world.resumed).toEqual([{ token, output: { event: 'DOCUMENTS_COMPLETE' } }]);
    expect(placement.requirements.find((r) => r.code === 'TB')).toMatchObject({
      status: 'ACCEPTED',
      verification: 'staff',
      verifiedBy: OTHER_REVIEWER.iam,
      verifiedAt: world.currentTime.toISOString(),
    });
    expect(placement.history.filter((h) => h.type === 'DOCUMENT_VERIFIED').map((h) => h.detail)).toEqual([
      `BLS by ${REVIEWER.email}`,
      `TB by ${OTHER_REVIEWER.iam}`,
      `HIPAA_TRAINING by ${REVIEWER.email}`,
    ]);
    expect(world.documentsById.get(ids.TB ?? '')).toMatchObject({
      status: 'ACCEPTED',
      issuedOn: '2025-12-02',
    });
    expect((await listVerificationQueue(world.ports, {})).items).toEqual([]);
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
    expect(stored(placementId).requirements.every((r) => r.verification === 'staff')).toBe(true);
  });

  it('two reviewers verifying the last two items at the same moment resume the workflow once', async () => {
    const { placementId, token } = await startCollecting();
    const ids = await uploadAll(placementId);
    await decide(placementId, ids.BLS ?? '', { decision: 'verify' });
    const lost = countLostRaces();
    await Promise.all([
      decide(placementId, ids.TB ?? '', { decision: 'verify' }, REVIEWER),
      decide(placementId, ids.HIPAA_TRAINING ?? '', { decision: 'verify' }, OTHER_REVIEWER),
    ]);
    expect(lost.count).toBeGreaterThan(0);
    expect(stored(placementId).requirements.map((r) => r.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
    ]);
    expect(world.resumed.filter((r) => r.token === token)).toHaveLength(1);
    expect(stored(placementId).pendingTask).toBeUndefined();
  });

  it('a waiver racing the verification of the last other item resumes the workflow once', async () => {
    const { placementId, token } = await startCollecting();
    const ids = {
      BLS: (await upload(placementId, 'BLS')).documentId,
      TB: (await upload(placementId, 'TB')).documentId,
    };
    await decide(placementId, ids.BLS, { decision: 'verify' });
    const lost = countLostRaces();
    await Promise.all([
      decide(placementId, ids.TB, { decision: 'verify' }),
      waiveRequirement(world.ports, placementId, {
        requirementCode: 'HIPAA_TRAINING',
        reason: 'Done on day one',
      }),
    ]);
    expect(lost.count).toBeGreaterThan(0);
    expect(stored(placementId).requirements.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'WAIVED']);
    expect(world.resumed.filter((r) => r.token === token)).toHaveLength(1);
  });

  it('counts a staff-verified document in a later placement at another staff site', async () => {
    const { placementId } = await startCollecting();
    const ids = await uploadAll(placementId);
    for (const id of Object.values(ids)) await decide(placementId, id, { decision: 'verify' });
    const { placement: later } = await createPlacement(
      world.ports,
      generalHospitalPlacement(STUDENT, { startDate: '2026-05-04', endDate: '2026-05-29' }),
    );
    expect((await checkCompliance(world.ports, later.placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
    expect(stored(later.placementId).requirements[0]).toMatchObject({ verifiedBy: REVIEWER.email });
  });
});

describe('refusals', () => {
  it('a second decision on a document staff already decided is AlreadyDecided, and changes nothing', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'BLS');
    await decide(placementId, documentId, { decision: 'verify' });
    const before = structuredClone(stored(placementId));
    await expect(
      decide(placementId, documentId, { decision: 'reject', reasonCode: 'ILLEGIBLE' }),
    ).rejects.toBeInstanceOf(AlreadyDecidedError);
    expect(stored(placementId)).toEqual(before);
  });

  it('of two reviewers deciding the same document at once, one wins and the other is AlreadyDecided', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'BLS');
    const results = await Promise.allSettled([
      decide(placementId, documentId, { decision: 'verify' }, REVIEWER),
      decide(placementId, documentId, { decision: 'reject', reasonCode: 'ILLEGIBLE' }, OTHER_REVIEWER),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(AlreadyDecidedError);
    expect(
      stored(placementId).history.filter((h) => /DOCUMENT_(VERIFIED|SENT_BACK)/.test(h.type)),
    ).toHaveLength(1);
  });

  it('a decision on a cancelled placement is a Conflict', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'BLS');
    await cancelPlacement(world.ports, placementId, { reason: 'Withdrew' });
    await expect(decide(placementId, documentId, { decision: 'verify' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(world.documentsById.get(documentId)?.status).toBe('SUBMITTED');
  });

  it('a decision on a document that is not SUBMITTED (still pending, or a waived requirement’s) is a Conflict', async () => {
    const { placementId } = await startCollecting();
    const portalToken = world.lastLinkTo(STUDENT.email, 'portal');
    const pending = await requestUpload(world.ports, portalToken, {
      requirementCode: 'TB',
      fileName: 'tb.pdf',
      contentType: 'application/pdf',
      size: PDF_BYTES.byteLength,
      issuedOn: '2025-12-01',
    });
    await expect(decide(placementId, pending.documentId, { decision: 'verify' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const { documentId } = await upload(placementId, 'BLS');
    await waiveRequirement(world.ports, placementId, {
      requirementCode: 'BLS',
      reason: 'Site trains on day one',
    });
    await expect(decide(placementId, documentId, { decision: 'verify' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('a document of another placement is NotFound, and so is an unknown one', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'BLS');
    const { placement: other } = await createPlacement(
      world.ports,
      generalHospitalPlacement(STUDENT, { startDate: '2026-09-07', endDate: '2026-10-30' }),
    );
    await expect(decide(other.placementId, documentId, { decision: 'verify' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(decide(placementId, 'doc_unknown', { decision: 'verify' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(decide('pl_nope', documentId, { decision: 'verify' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('bad input is a ValidationError naming the field, before anything is written', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'TB');
    await expect(
      decide(placementId, documentId, { decision: 'verify', issuedOn: '2025-01-01' }),
    ).rejects.toMatchObject({
      details: [{ path: 'issuedOn' }],
    });
    await expect(
      decide(placementId, documentId, { decision: 'reject', reasonCode: 'OTHER' }),
    ).rejects.toMatchObject({
      details: [{ path: 'note' }],
    });
    expect(stored(placementId).requirements.find((r) => r.code === 'TB')?.status).toBe('SUBMITTED');
  });

  it('a repeat after a crash between the placement and the document finishes the document', async () => {
    const { placementId } = await startCollecting();
    const { documentId } = await upload(placementId, 'BLS');
    const update = world.ports.documents.updateDocument;
    world.ports.documents.updateDocument = async () => {
      throw new Error('crash');
    };
    await expect(decide(placementId, documentId, { decision: 'verify' })).rejects.toThrow('crash');
    world.ports.documents.updateDocument = update;
    await expect(decide(placementId, documentId, { decision: 'verify' })).rejects.toBeInstanceOf(
      AlreadyDecidedError,
    );
    expect(world.documentsById.get(documentId)).toMatchObject({ status: 'ACCEPTED', verification: 'staff' });
    expect((await listVerificationQueue(world.ports, {})).items).toEqual([]);
  });
});

describe('the queue after the due date', () => {
  it('drops the uploads of a placement that expired while they waited', async () => {
    const { placementId } = await startCollecting();
    await upload(placementId, 'BLS');
    world.currentTime = new Date('2026-02-17T00:00:01Z');
    expect((await checkCompliance(world.ports, placementId, true)).next).toBe('NOTIFY_OUTCOME');
    expect(stored(placementId).status).toBe('EXPIRED');
    expect((await listVerificationQueue(world.ports, {})).items).toEqual([]);
  });
});

describe('sending documents back', () => {
  it('several rejections in one sitting make one email listing every item, sent when the last is decided', async () => {
    const { placementId } = await startCollecting();
    const ids = await uploadAll(placementId);
    const mails = world.outbox.length;
    const reject = async (id: string, body: object) => {
      const result = await decide(placementId, id, body);
      if (result.sentBack) await sendSentBackNotice(world.ports, placementId, composeNotice);
    };
    await reject(ids.BLS ?? '', { decision: 'reject', reasonCode: 'ILLEGIBLE' });
    await reject(ids.TB ?? '', { decision: 'reject', reasonCode: 'OTHER', note: 'This is the 2023 result.' });
    expect(world.outbox).toHaveLength(mails);
    await decide(placementId, ids.HIPAA_TRAINING ?? '', { decision: 'verify' });
    await sendSentBackNotice(world.ports, placementId, composeNotice);
    await sendSentBackNotice(world.ports, placementId, composeNotice);
    const notices = world.outbox.slice(mails);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.to).toEqual([STUDENT.email]);
    expect(notices[0]?.subject).toBe('2 document(s) sent back');
    expect(notices[0]?.text).toContain(REJECTION_EXPLANATIONS.ILLEGIBLE);
    expect(notices[0]?.text).toContain('This is the 2023 result.');
    expect(stored(placementId).requirements.find((r) => r.code === 'TB')).toMatchObject({
      status: 'REJECTED',
      reason: `${REJECTION_EXPLANATIONS.OTHER} Note from the school: This is the 2023 result.`,
    });
    expect(world.resumed).toEqual([]);
  });

  it('the student replaces a sent-back document, it is verified, and collection completes', async () => {
    const { placementId, token } = await startCollecting();
    const ids = await uploadAll(placementId);
    await decide(placementId, ids.BLS ?? '', { decision: 'verify' });
    await decide(placementId, ids.TB ?? '', { decision: 'verify' });
    await decide(placementId, ids.HIPAA_TRAINING ?? '', { decision: 'reject', reasonCode: 'NOT_SIGNED' });
    await sendSentBackNotice(world.ports, placementId, composeNotice);
    world.advance(1);
    const replacement = await upload(placementId, 'HIPAA_TRAINING');
    expect(replacement.outcome).toBe('submitted');
    await decide(placementId, replacement.documentId, { decision: 'verify' });
    expect(world.resumed).toEqual([{ token, output: { event: 'DOCUMENTS_COMPLETE' } }]);
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('REQUEST_SITE_APPROVAL');
  });
});
