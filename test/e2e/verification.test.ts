/**
 * Staff verification of documents through the local cloud: uploads at a staff site wait SUBMITTED
 * for a reviewer (the coordinator API's decision route), a site at `automatic` keeps today's
 * behaviour, and racing decisions resume the workflow once.
 */
import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { completions, workflowEvents } from './support/fault-checks.js';
import { newScenario } from './support/scenario.js';
import type { PlacementJson } from './support/test-cloud.js';

const cloud = cloudForFile();
const CODES = ['BLS', 'TB', 'HIPAA_TRAINING'] as const;

interface QueueItem {
  placementId: string;
  documentId: string;
  requirementCode: string;
  siteId: string;
  startDate: string;
}

/** A site in the given mode, a placement, the student's portal; the student has uploaded `codes`. */
const startPlacement = async (
  label: string,
  verification: 'staff' | 'automatic',
  codes: readonly string[] = CODES,
) => {
  const scenario = newScenario(label, { verification });
  expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
  const created = await cloud.createPlacement(scenario.placement());
  expect(created.status).toBe(201);
  const placementId = created.body.placementId;
  const student = await cloud.studentFor(scenario.studentEmail);
  for (const code of codes) await student.upload(code, scenario.validDates(code));
  return { scenario, placementId, student };
};

/** The placement's queue entries once `count` of its documents wait for a reviewer. */
const queuedFor = (placementId: string, siteId: string, count: number) =>
  waitUntil(`${count} queued documents of ${placementId}`, async () => {
    const { body } = await requestJson<{ items: QueueItem[] }>(
      `${cloud.api}/verification-queue?siteId=${siteId}&limit=100`,
    );
    const mine = body.items.filter((item) => item.placementId === placementId);
    return mine.length === count ? mine : undefined;
  });

const decide = (placementId: string, documentId: string, body: Record<string, unknown>) =>
  requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/documents/${documentId}/verification`, {
    method: 'POST',
    body,
  });

const documentOf = (items: QueueItem[], code: string): string =>
  items.find((item) => item.requirementCode === code)?.documentId ?? '';

describe('staff verification', () => {
  it('upload → SUBMITTED → verify all → site review shows the verifier → CLEARED, with one resume', async () => {
    const { scenario, placementId, student } = await startPlacement('staff-happy', 'staff');
    const items = await queuedFor(placementId, scenario.siteId, 3);
    const waiting = await cloud.placement(placementId);
    expect(waiting.status).toBe('AWAITING_DOCUMENTS');
    expect(waiting.waitingOn).toBe('school');
    expect(waiting.requirements.map((requirement) => requirement.status)).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'SUBMITTED',
    ]);
    expect(items.every((item) => item.startDate === scenario.rotation.startDate)).toBe(true);
    const portalPage = await (await fetch(student.portalUrl)).text();
    expect(portalPage).toContain('Being checked by the school');

    for (const item of items)
      expect((await decide(placementId, item.documentId, { decision: 'verify' })).status).toBe(200);
    const atSite = await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    expect(atSite.requirements.every((requirement) => requirement.verification === 'staff')).toBe(true);
    const verifier = atSite.requirements[0]?.verifiedBy ?? '';
    expect(verifier).not.toBe('');

    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    const reviewPage = await (await fetch(reviewUrl)).text();
    expect(reviewPage).toContain('Verified by');
    expect(reviewPage).toContain(verifier);
    expect((await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } })).status).toBe(
      200,
    );
    expect((await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED')).status).toBe('CLEARED');
    expect(completions(await workflowEvents(cloud, placementId), 'CollectDocuments')).toBe(1);
  });

  it('two items sent back in one sitting → the student gets ONE email listing both → re-upload → verify', async () => {
    const { scenario, placementId, student } = await startPlacement('staff-reject', 'staff');
    const items = await queuedFor(placementId, scenario.siteId, 3);
    const before = (await cloud.mailbox.to(scenario.studentEmail)).length;

    expect(
      (await decide(placementId, documentOf(items, 'BLS'), { decision: 'reject', reasonCode: 'ILLEGIBLE' }))
        .status,
    ).toBe(200);
    const other = await decide(placementId, documentOf(items, 'TB'), {
      decision: 'reject',
      reasonCode: 'OTHER',
      note: 'This is a flu shot record.',
    });
    expect(other.status).toBe(200);
    // Still one document waiting for a decision: the sitting is open, nothing is sent yet.
    expect((await cloud.mailbox.to(scenario.studentEmail)).length).toBe(before);
    expect(
      (await decide(placementId, documentOf(items, 'HIPAA_TRAINING'), { decision: 'verify' })).status,
    ).toBe(200);

    const notices = await waitUntil('the sent-back email', async () => {
      const mail = (await cloud.mailbox.to(scenario.studentEmail)).slice(before);
      return mail.length > 0 ? mail : undefined;
    });
    // No second email follows for the same sitting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const all = (await cloud.mailbox.to(scenario.studentEmail)).slice(before);
    expect(all).toHaveLength(1);
    const text = notices[0]?.body.text ?? '';
    expect(notices[0]?.subject).toContain('replace 2 documents');
    expect(text).toContain('We could not read the document.');
    expect(text).toContain('Note from the school: This is a flu shot record.');
    const status = await student.status();
    expect(status.body.requirements.find((requirement) => requirement.code === 'TB')?.reason).toContain(
      'flu shot record',
    );

    for (const code of ['BLS', 'TB']) await student.upload(code, scenario.validDates(code));
    const again = await queuedFor(placementId, scenario.siteId, 2);
    for (const item of again)
      expect((await decide(placementId, item.documentId, { decision: 'verify' })).status).toBe(200);
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
  });

  it('two reviewers verifying the last two items at the same moment resume the workflow once', async () => {
    const { scenario, placementId } = await startPlacement('staff-race', 'staff');
    const items = await queuedFor(placementId, scenario.siteId, 3);
    expect((await decide(placementId, documentOf(items, 'BLS'), { decision: 'verify' })).status).toBe(200);
    const answers = await Promise.all(
      ['TB', 'HIPAA_TRAINING'].map((code) =>
        decide(placementId, documentOf(items, code), { decision: 'verify' }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED');
    const events = await workflowEvents(cloud, placementId);
    expect(completions(events, 'CollectDocuments')).toBe(1);
  });

  it('a verification racing a cancel: the placement ends CANCELLED and never goes to the site', async () => {
    const { scenario, placementId } = await startPlacement('staff-cancel', 'staff', ['BLS']);
    const [bls] = await queuedFor(placementId, scenario.siteId, 1);
    await requestJson(`${cloud.api}/placements/${placementId}/waivers`, {
      method: 'POST',
      body: { requirementCode: 'TB', reason: 'Tested at the site' },
    });
    await requestJson(`${cloud.api}/placements/${placementId}/waivers`, {
      method: 'POST',
      body: { requirementCode: 'HIPAA_TRAINING', reason: 'Done at orientation' },
    });
    const [verify, cancel] = await Promise.all([
      decide(placementId, bls?.documentId ?? '', { decision: 'verify' }),
      requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/cancel`, {
        method: 'POST',
        body: {},
      }),
    ]);
    expect([200, 409]).toContain(verify.status);
    // Cancel wins outright, or it comes after the verification resumed the workflow: either way it is
    // accepted, or refused only because the placement had moved on (then it is a CONFLICT, named).
    expect([200, 409]).toContain(cancel.status);
    const final = await waitUntil('the placement to settle', async () => {
      const placement = await cloud.placement(placementId);
      return ['CANCELLED', 'AWAITING_SITE_APPROVAL'].includes(placement.status) ? placement : undefined;
    });
    if (cancel.status === 200) {
      expect(final.status).toBe('CANCELLED');
      // Give a wrongly resumed workflow the time to move it on; it must not.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await cloud.placement(placementId)).status).toBe('CANCELLED');
    } else {
      expect(verify.status).toBe(200);
      expect(final.status).toBe('AWAITING_SITE_APPROVAL');
    }
  });
});

describe('automatic verification', () => {
  it('keeps today’s behaviour: uploads are ACCEPTED on the file checks, never queued, and the review page says so', async () => {
    const { scenario, placementId } = await startPlacement('automatic', 'automatic');
    const atSite = await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    expect(atSite.requirements.every((requirement) => requirement.status === 'ACCEPTED')).toBe(true);
    expect(atSite.requirements.every((requirement) => requirement.verification === 'automatic')).toBe(true);
    const { body } = await requestJson<{ items: QueueItem[] }>(
      `${cloud.api}/verification-queue?siteId=${scenario.siteId}`,
    );
    expect(body.items).toEqual([]);
    const reviewPage = await (await fetch(await cloud.reviewLinkFor(scenario.admins[0] ?? ''))).text();
    expect(reviewPage).toContain('Checked automatically (file type and dates only)');
    expect(completions(await workflowEvents(cloud, placementId), 'CollectDocuments')).toBe(1);
  });
});
