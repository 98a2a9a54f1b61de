import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../local/actors/wait-until.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { newScenario } from './support/scenario.js';

/** Two virtual hours pass every real second: a day of reminders takes 12 s. */
const TIME_SCALE = 7200;

const cloud = cloudForFile({ timeScale: TIME_SCALE });

describe('time in the local cloud (--time-scale)', () => {
  it('reminds the student while documents are outstanding, then expires the placement after the due date and tells the coordinator', async () => {
    // Due tomorrow (start − 14 days): expiry comes at the end of tomorrow, at most 48 virtual hours away.
    const scenario = newScenario('expiry', { startInDays: 15, lengthDays: 20 });
    await cloud.putSite(scenario.siteId, { ...scenario.site, reminderIntervalHours: 12 });
    const created = await cloud.createPlacement(scenario.placement());
    expect(created.status).toBe(201);
    const placementId = created.body.placementId;

    const reminded = await cloud.waitForHistory(placementId, 'DOCUMENTS_REMINDER_SENT', 45_000);
    expect(reminded.status).toBe('AWAITING_DOCUMENTS');
    const expired = await cloud.waitForStatus(placementId, 'EXPIRED', 60_000);
    expect(expired.requirements.some((r) => r.status === 'MISSING')).toBe(true);

    await waitUntil('the expiry email to the coordinator', async () => {
      const mails = await cloud.mailbox.to(scenario.coordinatorEmail);
      return mails.some((email) => /expired/i.test(email.subject)) ? true : undefined;
    });
    const toStudent = await cloud.mailbox.to(scenario.studentEmail);
    const reminders = toStudent.filter((email) => /remind/i.test(email.subject));
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    // Each reminder is sent once: no two identical reminder subjects at the same virtual time.
    expect(new Set(reminders.map((email) => email.messageId)).size).toBe(reminders.length);
  }, 120_000);
});
