import { describe, expect, it } from 'vitest';
import { MINIMAL_PDF } from '../../local/actors/student.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { LocalFaults } from '../../local/faults/local-faults.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { completions, expectNoEmailTwice, historyCount, workflowEvents } from './support/fault-checks.js';
import { newScenario } from './support/scenario.js';
import { scenarioMail } from './support/scenario-mail.js';

const TEN_REQUIREMENTS = [
  'MMR',
  'VARICELLA',
  'HEPATITIS_B',
  'TDAP',
  'TB',
  'COVID19',
  'BLS',
  'BACKGROUND_CHECK',
  'DRUG_SCREEN',
  'HIPAA_TRAINING',
];
const EXECUTABLE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00]);

const faults = new LocalFaults();
const cloud = cloudForFile({ faults });

describe('uploads under concurrency and S3’s at-least-once, unordered delivery', () => {
  it('ten uploads for one placement at once: every one recorded, the workflow resumed exactly once, no email twice', async () => {
    const scenario = newScenario('ten-uploads');
    await cloud.putSite(scenario.siteId, { ...scenario.site, requirements: TEN_REQUIREMENTS });
    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;
    const student = await cloud.studentFor(scenario.studentEmail);

    const documentIds = await Promise.all(
      TEN_REQUIREMENTS.map((code) => student.upload(code, scenario.validDates(code))),
    );

    const ready = await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED', 60_000);
    expect(ready.status).toBe('AWAITING_SITE_APPROVAL');
    expect(ready.requirements.every((r) => r.status === 'ACCEPTED')).toBe(true);
    expect(new Set(ready.requirements.map((r) => r.documentId))).toEqual(new Set(documentIds));
    expect(historyCount(ready, 'DOCUMENT_ACCEPTED')).toBe(10);
    expect(completions(await workflowEvents(cloud, placementId), 'CollectDocuments')).toBe(1);
    const mail = await scenarioMail(cloud, scenario);
    expectNoEmailTwice(mail);
    expect(mail.filter((email) => /^Upload your documents/.test(email.subject))).toHaveLength(1);
    for (const admin of scenario.admins) {
      expect(mail.filter((email) => email.destination.to.includes(admin))).toHaveLength(1);
    }
  }, 90_000);

  it('S3 events delivered twice and newest first (a bad file, then its replacement): the replacement counts, the bad file is rejected and deleted, the workflow resumes once', async () => {
    const scenario = newScenario('out-of-order');
    await cloud.putSite(scenario.siteId, scenario.site);
    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;
    const student = await cloud.studentFor(scenario.studentEmail);
    await cloud.waitForHistory(placementId, 'DOCUMENTS_REQUESTED');

    faults.s3Events.hold();
    const bad = await student.upload('BLS', scenario.validDates('BLS'), {
      bytes: EXECUTABLE,
      name: 'bls.pdf',
    });
    const good = await student.upload('BLS', scenario.validDates('BLS'), { bytes: MINIMAL_PDF });
    for (const code of ['TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));
    await waitUntil('the four S3 events to be held', async () =>
      faults.s3Events.heldCount === 4 ? true : undefined,
    );
    expect(faults.s3Events.release({ reverse: true, copies: 2 })).toBe(8);

    const ready = await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED', 60_000);
    expect(ready.status).toBe('AWAITING_SITE_APPROVAL');
    expect(ready.requirements.find((r) => r.code === 'BLS')).toMatchObject({
      status: 'ACCEPTED',
      documentId: good,
    });
    expect(ready.requirements.every((r) => r.status === 'ACCEPTED')).toBe(true);
    expect(historyCount(ready, 'DOCUMENT_ACCEPTED')).toBe(3);
    expect(completions(await workflowEvents(cloud, placementId), 'CollectDocuments')).toBe(1);
    const objectUrl = `${cloud.cloud.endpoints.s3}/${cloud.cloud.model.bucketNotifications[0]?.bucketName}/placements/${placementId}/${bad}`;
    await waitUntil('the bad file to be deleted', async () =>
      (await fetch(objectUrl, { method: 'HEAD' })).status === 404 ? true : undefined,
    );
    const mail = await scenarioMail(cloud, scenario);
    expectNoEmailTwice(mail);
    for (const admin of scenario.admins) {
      expect(mail.filter((email) => email.destination.to.includes(admin))).toHaveLength(1);
    }
  }, 90_000);
});
