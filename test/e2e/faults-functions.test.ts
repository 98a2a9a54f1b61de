import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import type { SentEmail } from '../../local/actors/mailbox.js';
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

/**
 * Ten times faster: the 30 s lease of an email claim runs out after 3 real seconds (Lambda timeouts
 * and Step Functions retry intervals stay real).
 */
const TIME_SCALE = 10;

const faults = new LocalFaults();
const cloud = cloudForFile({ faults, timeScale: TIME_SCALE });

const toAddress = (mail: SentEmail[], address: string, pattern: RegExp) =>
  mail.filter((email) => email.destination.to.includes(address) && pattern.test(email.subject));

const startScenario = async (label: string) => {
  const scenario = newScenario(label);
  await cloud.putSite(scenario.siteId, scenario.site);
  return scenario;
};

const uploadEverything = async (scenario: ReturnType<typeof newScenario>) => {
  const student = await cloud.studentFor(scenario.studentEmail);
  for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));
};

describe('functions crashing or timing out mid-step in the local cloud', () => {
  it('collect-documents crashes after claiming its email but before sending it: the retry waits out the lease, then sends it, once', async () => {
    const scenario = await startScenario('crash-claim');
    faults.functions.next('CollectDocuments', { action: 'crash', service: 'ses', when: 'before' });

    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;
    const waiting = await cloud.waitForHistory(placementId, 'DOCUMENTS_REQUESTED', 60_000);

    expect(faults.functions.injected.filter((id) => id.startsWith('CollectDocuments'))).toHaveLength(1);
    const failures = failuresNamed(await workflowEvents(cloud, placementId));
    expect(failures).toContain('Runtime.ExitError');
    // The retry found the crashed attempt's claim still leased and waited instead of skipping the email.
    expect(failures).toContain('EmailInFlightError');
    expect(waiting.status).toBe('AWAITING_DOCUMENTS');
    expect(historyCount(waiting, 'DOCUMENTS_REQUESTED')).toBe(1);
    const mail = await scenarioMail(cloud, scenario);
    expect(toAddress(mail, scenario.studentEmail, /^Upload your documents/)).toHaveLength(1);

    await uploadEverything(scenario);
    // Until the site was asked: nothing of this placement is still running when the next test arms a fault.
    const ready = await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED');
    expect(completions(await workflowEvents(cloud, placementId), 'CollectDocuments')).toBe(1);
    expect(historyCount(ready, 'DOCUMENTS_REQUESTED')).toBe(1);
    expectNoEmailTwice(await scenarioMail(cloud, scenario));
  }, 90_000);

  it('request-site-approval times out mid-step (frozen before its first email): Step Functions re-runs it, and each admin gets one review request', async () => {
    const scenario = await startScenario('timeout');
    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;
    faults.functions.next('RequestSiteApproval', { action: 'hang', service: 'ses', when: 'before' });
    await uploadEverything(scenario);

    const requested = await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED', 60_000);

    expect(failuresNamed(await workflowEvents(cloud, placementId))).toContain('Sandbox.Timedout');
    expect(requested.status).toBe('AWAITING_SITE_APPROVAL');
    expect(historyCount(requested, 'SITE_REVIEW_REQUESTED')).toBe(1);
    const mail = await scenarioMail(cloud, scenario);
    for (const admin of scenario.admins) {
      expect(toAddress(mail, admin, /review/i), `review request to ${admin}`).toHaveLength(1);
    }
    expectNoEmailTwice(mail);
    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[1] ?? '');
    expect((await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } })).status).toBe(
      200,
    );
    expect((await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED')).status).toBe('CLEARED');
  }, 90_000);

  it('the one window that repeats an email: notify-outcome crashes after SES accepted an email and before marking it sent; the retry sends that one again after the lease, nothing else twice', async () => {
    const scenario = await startScenario('crash-sent');
    const placementId = (await cloud.createPlacement(scenario.placement())).body.placementId;
    await uploadEverything(scenario);
    await cloud.waitForHistory(placementId, 'SITE_REVIEW_REQUESTED');
    const reviewUrl = await cloud.reviewLinkFor(scenario.admins[0] ?? '');
    faults.functions.next('NotifyOutcome', { action: 'crash', service: 'ses', when: 'after' });

    expect((await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } })).status).toBe(
      200,
    );
    const cleared = await cloud.waitForHistory(placementId, 'OUTCOME_NOTIFIED', 60_000);

    expect(cleared.status).toBe('CLEARED');
    expect(failuresNamed(await workflowEvents(cloud, placementId))).toContain('Runtime.ExitError');
    const mail = await scenarioMail(cloud, scenario);
    const outcomes = [scenario.studentEmail, scenario.coordinatorEmail, ...scenario.admins].map(
      (address) => toAddress(mail, address, /cleared/i).length,
    );
    // Everyone is told; exactly one of them (the email in flight at the crash) is told twice.
    expect(outcomes.every((count) => count >= 1)).toBe(true);
    expect(outcomes.reduce((sum, count) => sum + count, 0)).toBe(outcomes.length + 1);
  }, 90_000);
});
