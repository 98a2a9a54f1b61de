import { afterAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { Student } from '../../local/actors/student.js';
import { newScenario } from './support/scenario.js';
import { TestCloud } from './support/test-cloud.js';

let cloud: TestCloud | undefined;

afterAll(async () => {
  await cloud?.stop();
});

describe('restarting the local cloud', () => {
  it('keeps the data and resumes placements waiting for documents and for approval', async () => {
    cloud = await TestCloud.start();
    const waitingForDocuments = newScenario('restart-docs');
    const waitingForSite = newScenario('restart-site');
    for (const scenario of [waitingForDocuments, waitingForSite]) {
      await cloud.putSite(scenario.siteId, scenario.site);
    }
    const docs = (await cloud.createPlacement(waitingForDocuments.placement())).body.placementId;
    const site = (await cloud.createPlacement(waitingForSite.placement())).body.placementId;

    const student = await cloud.studentFor(waitingForSite.studentEmail);
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING'])
      await student.upload(code, waitingForSite.validDates(code));
    await cloud.waitForStatus(site, 'AWAITING_SITE_APPROVAL');
    const reviewLink = new URL(await cloud.reviewLinkFor(waitingForSite.admins[0] ?? '')).pathname;
    const portalLink = new URL(await cloud.mailbox.waitForLink(waitingForDocuments.studentEmail, 'portal'))
      .pathname;
    await cloud.waitForHistory(site, 'SITE_REVIEW_REQUESTED');

    const dataDir = cloud.dataDir;
    await cloud.stop();
    cloud = await TestCloud.start({ dataDir });

    expect((await cloud.placement(docs)).status).toBe('AWAITING_DOCUMENTS');
    expect((await cloud.placement(site)).status).toBe('AWAITING_SITE_APPROVAL');

    // The links mailed before the restart still work; the re-driven workflows take the decisions.
    const approved = await requestJson(`${cloud.api}${reviewLink}`, {
      method: 'POST',
      body: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    await cloud.waitForHistory(site, 'OUTCOME_NOTIFIED');

    const resumedStudent = new Student(`${cloud.api}${portalLink}`);
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) {
      await resumedStudent.upload(code, waitingForDocuments.validDates(code));
    }
    const ready = await cloud.waitForStatus(docs, 'AWAITING_SITE_APPROVAL');
    expect(ready.history.filter((entry) => entry.type === 'DOCUMENTS_REQUESTED')).toHaveLength(1);
  }, 120_000);
});
