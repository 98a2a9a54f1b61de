import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { FAULT_REPLIES } from '../../local/faults/fault-replies.js';
import { LocalFaults } from '../../local/faults/local-faults.js';
import { cloudForFile } from './support/cloud-for-file.js';
import {
  completions,
  expectNoEmailTwice,
  failuresNamed,
  historyCount,
  workflowEvents,
} from './support/fault-checks.js';
import { newScenario } from './support/scenario.js';
import { scenarioMail } from './support/scenario-mail.js';

const faults = new LocalFaults();
const cloud = cloudForFile({ faults });

describe('SES faults in the local cloud', () => {
  it('SES throttling on the documents request and a short SES outage on the outcome: the workflow retries through both, ends CLEARED, and every email goes out exactly once', async () => {
    const scenario = newScenario('ses-faults');
    await cloud.putSite(scenario.siteId, scenario.site);
    // Four throttled sends: more than the SDK's own three attempts, so the task fails and Step Functions retries.
    faults.mailbox.failNext(4, FAULT_REPLIES.sesThrottling);
    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;

    const student = await cloud.studentFor(scenario.studentEmail);
    expect(faults.mailbox.injected).toHaveLength(4);
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));
    await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED');
    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[0] ?? '');

    // SES is down for three seconds just as the outcome emails go out.
    faults.mailbox.failFor(3000, FAULT_REPLIES.sesOutage);
    const injectedBefore = faults.mailbox.injected.length;
    expect((await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } })).status).toBe(
      200,
    );
    const cleared = await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED', 90_000);
    expect(faults.mailbox.injected.length).toBeGreaterThan(injectedBefore);

    expect(cleared.status).toBe('CLEARED');
    expect(historyCount(cleared, 'DOCUMENTS_REQUESTED')).toBe(1);
    expect(historyCount(cleared, 'SITE_REVIEW_REQUESTED')).toBe(1);
    expect(historyCount(cleared, 'OUTCOME_NOTIFIED')).toBe(1);
    const events = await workflowEvents(cloud, placementId);
    expect(failuresNamed(events)).toContain('TransientDependencyError');
    expect(completions(events, 'CollectDocuments')).toBe(1);

    const mail = await scenarioMail(cloud, scenario);
    expectNoEmailTwice(mail);
    const subjectsTo = (address: string) =>
      mail.filter((email) => email.destination.to.includes(address)).map((email) => email.subject);
    expect(
      subjectsTo(scenario.studentEmail).filter((subject) => /^Upload your documents/.test(subject)),
    ).toHaveLength(1);
    for (const address of [scenario.studentEmail, scenario.coordinatorEmail, ...scenario.admins]) {
      expect(
        subjectsTo(address).filter((subject) => /cleared/i.test(subject)),
        `outcome email to ${address}`,
      ).toHaveLength(1);
    }
    for (const admin of scenario.admins) {
      expect(
        subjectsTo(admin).filter((subject) => /review/i.test(subject)),
        `review request to ${admin}`,
      ).toHaveLength(1);
    }
  }, 120_000);
});
