import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import type { Student } from '../../local/actors/student.js';
import { daysFromNow } from '../../local/actors/valid-evidence.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { newScenario } from './support/scenario.js';
import type { PlacementJson } from './support/test-cloud.js';

const cloud = cloudForFile();

/** A site, a placement and the student's portal, as far as the documents request. */
const startPlacement = async (label: string) => {
  const scenario = newScenario(label);
  expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
  const created = await cloud.createPlacement(scenario.placement());
  expect(created.status).toBe(201);
  const placementId = created.body.placementId;
  const student = await cloud.studentFor(scenario.studentEmail);
  return { scenario, placementId, student };
};

const uploadEverything = async (
  student: Student,
  scenario: ReturnType<typeof newScenario>,
  codes?: string[],
) => {
  for (const code of codes ?? ['BLS', 'TB', 'HIPAA_TRAINING'])
    await student.upload(code, scenario.validDates(code));
};

const decide = (reviewUrl: string, body: Record<string, unknown>) =>
  requestJson(reviewUrl, { method: 'POST', body });

const readyForReview = async (label: string) => {
  const started = await startPlacement(label);
  await uploadEverything(started.student, started.scenario);
  await cloud.waitForStatus(started.placementId, 'AWAITING_SITE_APPROVAL');
  return started;
};

const mailCount = async () => (await cloud.mailbox.all()).length;

describe('a placement through the local cloud', () => {
  it('happy path: documents uploaded, the site approves, everyone is told, and the placement is CLEARED', async () => {
    const { scenario, placementId, student } = await readyForReview('happy');

    const checklist = await student.status();
    expect(checklist.body.requirements.every((requirement) => requirement.status === 'ACCEPTED')).toBe(true);

    const page = await fetch(await cloud.reviewLinkFor(scenario.admins[0] ?? ''));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Robin Example');
    expect((await cloud.placement(placementId)).status).toBe('AWAITING_SITE_APPROVAL');

    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[1] ?? '');
    expect((await decide(reviewUrl, { decision: 'approve' })).status).toBe(200);
    const cleared = await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED');
    expect(cleared.status).toBe('CLEARED');

    for (const address of [scenario.studentEmail, scenario.coordinatorEmail, ...scenario.admins]) {
      const outcome = (await cloud.mailbox.to(address)).filter((email) => /cleared/i.test(email.subject));
      expect(outcome, `outcome email to ${address}`).toHaveLength(1);
    }
  });

  it('request-changes sends the named items back to the student, and the corrected packet is approved', async () => {
    const { scenario, placementId, student } = await readyForReview('changes');
    const firstReview = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    const changes = await decide(firstReview, {
      decision: 'request-changes',
      reason: 'The TB result is not legible',
      requirementCodes: ['TB'],
    });
    expect(changes.status).toBe(200);
    const back = await cloud.waitForStatus(placementId, 'AWAITING_DOCUMENTS');
    expect(back.requirements.find((r) => r.code === 'TB')).toMatchObject({ status: 'REJECTED' });

    const again = await cloud.studentFor(scenario.studentEmail, { exclude: [student.portalUrl] });
    await again.upload('TB', scenario.validDates('TB'));
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');

    const secondReview = await cloud.reviewLinkFor(scenario.admins[0] ?? '', { exclude: [firstReview] });
    expect(secondReview).not.toBe(firstReview);
    expect([409, 410]).toContain((await decide(firstReview, { decision: 'approve' })).status);
    expect((await decide(secondReview, { decision: 'approve' })).status).toBe(200);
    await cloud.waitForStatus(placementId, 'CLEARED');
  });

  it('decline with a reason ends DECLINED and tells the student why', async () => {
    const { scenario, placementId } = await readyForReview('decline');
    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    const noReason = await decide(reviewUrl, { decision: 'decline' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    expect((await decide(reviewUrl, { decision: 'decline', reason: 'No preceptor available' })).status).toBe(
      200,
    );
    await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED');
    const toStudent = await cloud.mailbox.to(scenario.studentEmail);
    expect(toStudent.some((email) => (email.body.text ?? '').includes('No preceptor available'))).toBe(true);
  });

  it('a waiver of the last outstanding requirement moves the placement on to the site', async () => {
    const { scenario, placementId, student } = await startPlacement('waiver');
    await uploadEverything(student, scenario, ['BLS', 'TB']);
    await cloud.waitForHistory(placementId, 'DOCUMENT_ACCEPTED');
    const waived = await requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/waivers`, {
      method: 'POST',
      body: { requirementCode: 'HIPAA_TRAINING', reason: 'Completed at the site orientation' },
    });
    expect(waived.status).toBe(200);
    const moved = await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    expect(moved.requirements.find((r) => r.code === 'HIPAA_TRAINING')).toMatchObject({ status: 'WAIVED' });
  });

  it('cancel stops the execution, closes the portal and tells the student once', async () => {
    const { scenario, placementId, student } = await startPlacement('cancel');
    await cloud.waitForHistory(placementId, 'DOCUMENTS_REQUESTED');
    const cancelled = await requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/cancel`, {
      method: 'POST',
      body: { reason: 'Student withdrew' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    const sfn = new SFNClient({
      endpoint: cloud.cloud.endpoints.stepfunctions,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const arn = cloud.cloud.model.stateMachines[0]?.arn ?? '';
    const execution = await sfn.send(
      new DescribeExecutionCommand({
        executionArn: `${arn.replace(':stateMachine:', ':execution:')}:${placementId}`,
      }),
    );
    expect(execution.status).toBe('ABORTED');
    const upload = await student.requestUpload({
      requirementCode: 'BLS',
      fileName: 'bls.pdf',
      contentType: 'application/pdf',
      size: 100,
      expiresOn: daysFromNow(400),
    });
    expect(upload.status).toBe(409);

    const again = await requestJson<PlacementJson>(`${cloud.api}/placements/${placementId}/cancel`, {
      method: 'POST',
      body: {},
    });
    expect(again.status).toBe(200);
    const toStudent = (await cloud.mailbox.to(scenario.studentEmail)).filter((m) =>
      /cancelled/.test(m.subject),
    );
    expect(toStudent).toHaveLength(1);
    expect(toStudent[0]?.body.text).toContain('Student withdrew');
    // The site never got the packet, so it is not told.
    for (const admin of scenario.admins) expect(await cloud.mailbox.to(admin)).toHaveLength(0);
  });

  it('evidence accepted in one placement is reused for the next: the student is not asked again', async () => {
    const { scenario, placementId, student } = await readyForReview('reuse');
    await decide(await cloud.reviewLinkFor(scenario.admins[0] ?? ''), { decision: 'approve' });
    await cloud.waitForStatus(placementId, 'CLEARED');
    const portalMails = (await cloud.mailbox.to(scenario.studentEmail)).filter((m) =>
      (m.body.text ?? '').includes('/portal/'),
    ).length;

    const second = await cloud.createPlacement(
      scenario.placement({ startDate: daysFromNow(40), endDate: daysFromNow(50) }),
    );
    expect(second.status).toBe(201);
    const ready = await cloud.waitForStatus(second.body.placementId, 'AWAITING_SITE_APPROVAL');
    expect(ready.requirements.every((r) => r.status === 'ACCEPTED')).toBe(true);
    const portalMailsAfter = (await cloud.mailbox.to(scenario.studentEmail)).filter((m) =>
      (m.body.text ?? '').includes('/portal/'),
    ).length;
    expect(portalMailsAfter).toBe(portalMails);
    expect(student.portalUrl).toBeTruthy();
  });

  it('a disguised executable is rejected with a reason, and deleted from storage', async () => {
    const { placementId, student } = await startPlacement('exe');
    const executable = new Uint8Array([
      0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
    ]);
    const documentId = await student.upload(
      'BLS',
      { expiresOn: daysFromNow(800) },
      { bytes: executable, name: 'card.pdf' },
    );
    const rejected = await cloud.waitForHistory(placementId, 'DOCUMENT_REJECTED');
    const bls = rejected.requirements.find((r) => r.code === 'BLS');
    expect(bls?.status).toBe('REJECTED');
    expect(bls?.reason).toMatch(/PDF, PNG, JPEG or HEIC/);
    const s3 = new S3Client({
      endpoint: cloud.cloud.endpoints.s3,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const bucket = cloud.cloud.model.bucketNotifications[0]?.bucketName ?? '';
    // The processor records the verdict, then deletes the file: wait for the delete to land.
    const head = () =>
      s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `placements/${placementId}/${documentId}` }));
    await waitUntil('the rejected file to be deleted', async () =>
      head().then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    await expect(head()).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('evidence too old for the rotation is rejected with a reason the student can act on', async () => {
    const { placementId, student } = await startPlacement('old');
    await student.upload('TB', { issuedOn: daysFromNow(-800) });
    const rejected = await cloud.waitForHistory(placementId, 'DOCUMENT_REJECTED');
    const tb = rejected.requirements.find((r) => r.code === 'TB');
    expect(tb?.status).toBe('REJECTED');
    expect(tb?.reason).toMatch(/TB/);
    const { body } = await student.status();
    expect(body.requirements.find((r) => r.code === 'TB')?.reason).toBe(tb?.reason);
  });

  it('a duplicate S3 event and a double click change nothing twice and send no second email', async () => {
    const { scenario, placementId, student } = await startPlacement('dupes');
    const documentId = await student.upload('BLS', scenario.validDates('BLS'));
    await cloud.waitForHistory(placementId, 'DOCUMENT_ACCEPTED');
    const before = await cloud.placement(placementId);
    const mailsBefore = await mailCount();
    const event = {
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Post',
          s3: {
            bucket: { name: cloud.cloud.model.bucketNotifications[0]?.bucketName ?? '' },
            object: { key: `placements/${placementId}/${documentId}`, size: 100 },
          },
        },
      ],
    };
    const replay = await cloud.cloud.invoke(cloud.processUploadFunction(), event);
    expect(replay.ok).toBe(true);
    const after = await cloud.placement(placementId);
    expect(after.history).toEqual(before.history);
    expect(after.updatedAt).toBe(before.updatedAt);

    await uploadEverything(student, scenario, ['TB', 'HIPAA_TRAINING']);
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL');
    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    const clicks = await Promise.all([
      decide(reviewUrl, { decision: 'approve' }),
      decide(reviewUrl, { decision: 'approve' }),
    ]);
    expect(clicks.map((click) => click.status).sort()).toEqual([200, 409]);
    await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED');
    const outcomes = (await cloud.mailbox.to(scenario.studentEmail)).filter((m) =>
      /cleared/i.test(m.subject),
    );
    expect(outcomes).toHaveLength(1);
    expect(await mailCount()).toBeGreaterThan(mailsBefore);
    const history = (await cloud.placement(placementId)).history.map((entry) => entry.type);
    expect(history.filter((type) => type === 'SITE_APPROVED')).toHaveLength(1);
  });

  it('bad input gets a 4xx naming the field and creates nothing', async () => {
    const scenario = newScenario('bad');
    await cloud.putSite(scenario.siteId, scenario.site);
    const bad = await cloud.createPlacement(
      scenario.placement({ student: { id: 'x', name: 'X', email: 'not-an-email' } }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('student.email');
    const list = await requestJson<{ items: unknown[] }>(`${cloud.api}/placements?siteId=${scenario.siteId}`);
    expect(list.body.items).toHaveLength(0);
  });
});
