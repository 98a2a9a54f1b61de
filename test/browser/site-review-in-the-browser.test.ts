import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Student } from '../../local/actors/student.js';
import { newScenario } from '../e2e/support/scenario.js';
import { TestCloud } from '../e2e/support/test-cloud.js';
import { DESKTOP, hasChromium, launchChromium, PHONE } from './support/chromium.js';
import { NO_PROBLEMS, type PageProblems, watchPageProblems } from './support/page-problems.js';
import {
  checklistItem,
  fillUploadForm,
  uploadForm,
  waitUntilShownAccepted,
} from './support/portal-checklist.js';
import { submitReview } from './support/review-form.js';
import { screenshot } from './support/screenshots.js';

/**
 * A site administrator decides in real Chromium through the emailed review links, and the
 * student fixes what was sent back through the portal page, all against the local cloud.
 */
describe.skipIf(!hasChromium)('the site review in the browser (Chromium, local cloud)', () => {
  let cloud: TestCloud;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [cloud, browser] = await Promise.all([TestCloud.start(), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await cloud?.stop();
  });

  const openWatched = async (options: typeof DESKTOP): Promise<{ page: Page; problems: PageProblems }> => {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchPageProblems(page) };
  };

  it('asks for a change, the student replaces the item in the portal, the new link approves, and the decision stays on record', async () => {
    const scenario = newScenario('review');
    const [adminA = '', adminB = ''] = scenario.admins;
    const reason = 'The TB result is not legible. Upload a clear scan of the whole report.';
    expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
    const created = await cloud.createPlacement(scenario.placement());
    expect(created.status).toBe(201);
    const { placementId } = created.body;

    // The first packet is uploaded straight to the API: the portal in the browser has its own test.
    const firstPortalLink = await cloud.mailbox.waitForLink(scenario.studentEmail, 'portal');
    const student = new Student(cloud.onThisApi(firstPortalLink));
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL', 90_000);

    // The administrator opens the review link from their email on a laptop and asks for a change.
    const firstReviewLink = await cloud.mailbox.waitForLink(adminA, 'review');
    const admin = await openWatched(DESKTOP);
    const reviewPage = await admin.page.goto(cloud.onThisApi(firstReviewLink));
    expect(reviewPage?.status()).toBe(200);
    await expect(admin.page.locator('h1').textContent()).resolves.toBe('Review Robin Example’s documents');
    await expect(admin.page.locator('a.document-link').count()).resolves.toBe(3);
    // The document links go through the route that records the view, which redirects to a
    // short-lived presigned GET on storage: the page itself holds no storage URL.
    const documentHref = (await admin.page.locator('a.document-link').first().getAttribute('href')) ?? '';
    expect(new URL(documentHref).pathname).toMatch(/^\/review\/[^/]+\/documents\/[^/]+$/);
    const download = await admin.page.request.get(cloud.onThisApi(documentHref));
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(admin.page, 'review-01-desktop-opened');
    const studentMailsBefore = (await cloud.mailbox.to(scenario.studentEmail)).length;
    const changesAnswer = await submitReview(
      admin.page,
      { decision: 'request-changes', requirementCodes: ['TB'], reason },
      () => screenshot(admin.page, 'review-02-desktop-changes-filled'),
    );
    expect(changesAnswer.status()).toBe(200);
    await expect(admin.page.locator('h1').textContent()).resolves.toBe(
      'Thank you, your decision is recorded',
    );
    const confirmation = (await admin.page.locator('main').textContent()) ?? '';
    expect(confirmation).toContain('Changes requested');
    expect(confirmation).toContain(`by ${adminA}`);
    expect(confirmation).toContain(reason);
    expect(confirmation).toContain('Tuberculosis (TB) screening');
    await screenshot(admin.page, 'review-03-desktop-changes-confirmed');

    // The student gets a new email with a new portal link that names the item and the reason.
    const secondPortalLink = await cloud.mailbox.waitForLink(scenario.studentEmail, 'portal', {
      exclude: [firstPortalLink],
    });
    const studentMails = await cloud.mailbox.to(scenario.studentEmail);
    expect(studentMails.length).toBeGreaterThan(studentMailsBefore);
    expect(studentMails.at(-1)?.body.text ?? '').toContain(reason);
    const sentBack = await cloud.waitForStatus(placementId, 'AWAITING_DOCUMENTS', 90_000);
    expect(sentBack.requirements.find((requirement) => requirement.code === 'TB')).toMatchObject({
      status: 'REJECTED',
      reason,
    });

    // The student replaces TB through the portal on their phone.
    const phone = await openWatched(PHONE);
    const portalPage = await phone.page.goto(cloud.onThisApi(secondPortalLink));
    expect(portalPage?.status()).toBe(200);
    const tb = checklistItem(phone.page, 'TB');
    await expect(tb.getAttribute('data-status')).resolves.toBe('REJECTED');
    await expect(tb.locator('[data-role="reason-text"]').textContent()).resolves.toBe(reason);
    await expect(phone.page.locator('form[data-upload]').count()).resolves.toBe(1);
    await expect(phone.page.locator('#progress-summary').textContent()).resolves.toBe('2 of 3 done');
    await screenshot(phone.page, 'review-04-phone-item-sent-back');
    const form = await fillUploadForm(phone.page, 'TB', scenario.validDates('TB'));
    await form.locator('button[type="submit"]').tap();
    await waitUntilShownAccepted(phone.page, 'TB');
    await expect(uploadForm(phone.page, 'TB').isHidden()).resolves.toBe(true);
    await expect(tb.locator('[data-role="reason"]').isHidden()).resolves.toBe(true);
    await expect(phone.page.locator('#progress-summary').textContent()).resolves.toBe('3 of 3 done');
    await screenshot(phone.page, 'review-05-phone-item-replaced');
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL', 90_000);

    // A new review email, with a new link; the administrator approves through it.
    const secondReviewLink = await cloud.mailbox.waitForLink(adminA, 'review', {
      exclude: [firstReviewLink],
    });
    expect(secondReviewLink).not.toBe(firstReviewLink);
    const secondReview = await admin.page.goto(cloud.onThisApi(secondReviewLink));
    expect(secondReview?.status()).toBe(200);
    await screenshot(admin.page, 'review-06-desktop-new-link');
    expect(
      await admin.page.locator('form[method="post"]').count(),
      'the new round’s link offers the decision form, not the earlier round’s decision',
    ).toBe(1);
    const approveAnswer = await submitReview(admin.page, { decision: 'approve' });
    expect(approveAnswer.status()).toBe(200);
    await expect(admin.page.locator('[role="status"]').textContent()).resolves.toContain(
      `Approved, by ${adminA}`,
    );
    await screenshot(admin.page, 'review-07-desktop-approved');
    const cleared = await cloud.waitForStatus(placementId, 'CLEARED', 90_000);
    expect(cleared.requirements.every((requirement) => requirement.status === 'ACCEPTED')).toBe(true);

    // Later visits show who decided what, and no form.
    const later = await admin.page.goto(cloud.onThisApi(secondReviewLink));
    expect(later?.status()).toBe(200);
    await expect(admin.page.locator('#decision-heading').textContent()).resolves.toBe('Decision: Approved');
    await expect(
      admin.page.locator('section[aria-labelledby="decision-heading"]').textContent(),
    ).resolves.toContain(`Approved by ${adminA}`);
    await expect(admin.page.locator('form[method="post"]').count()).resolves.toBe(0);
    await screenshot(admin.page, 'review-08-desktop-later-visit');

    // The other administrator's newest link shows the same decision, recorded under the first admin.
    const otherAdminLink = await cloud.mailbox.waitForLink(adminB, 'review');
    const other = await openWatched(DESKTOP);
    expect((await other.page.goto(cloud.onThisApi(otherAdminLink)))?.status()).toBe(200);
    await expect(
      other.page.locator('section[aria-labelledby="decision-heading"]').textContent(),
    ).resolves.toContain(`Approved by ${adminA}`);
    await expect(other.page.locator('form[method="post"]').count()).resolves.toBe(0);
    await screenshot(other.page, 'review-09-desktop-other-admin');

    // The first link belongs to a round that is over: it says it was replaced.
    const replaced = await openWatched(DESKTOP);
    expect((await replaced.page.goto(cloud.onThisApi(firstReviewLink)))?.status()).toBe(410);
    await expect(replaced.page.locator('h1').textContent()).resolves.toBe(
      'This review link has been replaced',
    );

    expect(admin.problems).toEqual(NO_PROBLEMS);
    expect(phone.problems).toEqual(NO_PROBLEMS);
    expect(other.problems).toEqual(NO_PROBLEMS);
  }, 420_000);
});
