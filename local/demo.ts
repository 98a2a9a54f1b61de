/**
 * `npm run demo`: walks one placement end to end against the running local cloud, as a
 * coordinator, a student, a reviewer at the school and a site administrator would — through the
 * HTTP API and the links in the mailbox — and prints the timeline.
 */
import { readEndpoints } from './actors/endpoints.js';
import { requestJson } from './actors/http-json.js';
import { Mailbox } from './actors/mailbox.js';
import { Student } from './actors/student.js';
import { daysFromNow, validEvidenceDates } from './actors/valid-evidence.js';
import { waitUntil } from './actors/wait-until.js';

interface PlacementView {
  placementId: string;
  status: string;
  requirements: Array<{ code: string; title: string; status: string; verifiedBy?: string }>;
  history: Array<{ at: string; type: string; detail?: string }>;
}

interface QueuePage {
  items: Array<{ placementId: string; documentId: string; requirementCode: string }>;
}

const step = (text: string) => console.log(`\n▶ ${text}`);

const main = async () => {
  const endpoints = readEndpoints();
  const mailbox = new Mailbox(endpoints.mailbox);
  const siteId = 'demo-hospital';
  const stamp = Date.now().toString(36);
  const studentEmail = `student-${stamp}@example.edu`;

  step(`Coordinator: the demo site (${endpoints.api}/sites/${siteId})`);
  const site = await requestJson<{ name: string; adminEmails: string[]; requirements: unknown[] }>(
    `${endpoints.api}/sites/${siteId}`,
  );
  if (site.status !== 200) throw new Error(`the demo site is missing (${site.status}); restart npm start`);
  console.log(
    `  ${site.body.name}: ${site.body.requirements.length} requirements, admins ${site.body.adminEmails.join(', ')}`,
  );

  step('Coordinator: create a placement');
  const startDate = daysFromNow(28);
  const endDate = daysFromNow(56);
  const created = await requestJson<PlacementView>(`${endpoints.api}/placements`, {
    method: 'POST',
    body: {
      student: { id: `demo-${stamp}`, name: 'Dana Demo', email: studentEmail },
      siteId,
      program: 'BSc Nursing, year 3',
      startDate,
      endDate,
      coordinatorEmail: 'coordinator@example.edu',
    },
  });
  if (created.status !== 201)
    throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  const placementId = created.body.placementId;
  console.log(`  ${placementId} ${startDate} → ${endDate}`);

  step(`Student: open the portal link from the mailbox (${endpoints.mailbox})`);
  const student = new Student(await mailbox.waitForLink(studentEmail, 'portal'));
  const checklist = await student.status();
  for (const requirement of checklist.body.requirements) {
    await student.upload(requirement.code, validEvidenceDates(requirement.code, { endDate }));
    console.log(`  uploaded ${requirement.code}`);
  }
  const queued = await waitUntil('the documents to pass their file checks', async () => {
    const { body } = await requestJson<QueuePage>(
      `${endpoints.api}/verification-queue?siteId=${siteId}&limit=100`,
    );
    const mine = body.items.filter((item) => item.placementId === placementId);
    return mine.length === checklist.body.requirements.length ? mine : undefined;
  });
  console.log('  every document is "Being checked by the school"');

  step('Reviewer at the school: verify each document from the queue (GET /verification-queue)');
  for (const item of queued) {
    const verified = await requestJson<PlacementView>(
      `${endpoints.api}/placements/${placementId}/documents/${item.documentId}/verification`,
      { method: 'POST', body: { decision: 'verify' } },
    );
    if (verified.status !== 200)
      throw new Error(`verify answered ${verified.status}: ${JSON.stringify(verified.body)}`);
    console.log(`  verified ${item.requirementCode}`);
  }
  await waitUntil('the packet to go to the site', async () => {
    const { body } = await student.status();
    return body.status === 'AWAITING_SITE_APPROVAL' ? body : undefined;
  });
  console.log('  all verified; the packet goes to the site');

  step('Site administrator: open the review link and approve');
  const admin = site.body.adminEmails[0] ?? '';
  const reviewUrl = await mailbox.waitForLink(admin, 'review');
  const decision = await requestJson(reviewUrl, { method: 'POST', body: { decision: 'approve' } });
  console.log(`  decision recorded (${decision.status})`);

  const cleared = await waitUntil('the outcome emails', async () => {
    const { body } = await requestJson<PlacementView>(`${endpoints.api}/placements/${placementId}`);
    return body.history.some((entry) => entry.type === 'OUTCOME_NOTIFIED') ? body : undefined;
  });

  step(`Timeline of ${placementId}: ${cleared.status}`);
  for (const entry of cleared.history) {
    console.log(`  ${entry.at}  ${entry.type.padEnd(24)} ${entry.detail ?? ''}`);
  }
  console.log(
    `\nMail sent to the student: ${(await mailbox.to(studentEmail)).length}. Open ${endpoints.mailbox} to read it.`,
  );
};

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
