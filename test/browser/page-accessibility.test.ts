import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromNow } from '../../local/actors/valid-evidence.js';
import { newScenario } from '../e2e/support/scenario.js';
import { TestCloud } from '../e2e/support/test-cloud.js';
import { atLeastSerious, describeViolations, runAxe } from './support/axe.js';
import { DESKTOP, hasChromium, launchChromium, PHONE } from './support/chromium.js';
import { uploadForm } from './support/portal-checklist.js';
import { submitReview } from './support/review-form.js';
import { screenshot } from './support/screenshots.js';

/**
 * axe-core on the student portal and the site review page, in the states people meet them in,
 * served by the local cloud. Fails on serious or critical violations; prints the others.
 */
describe.skipIf(!hasChromium)('accessibility of the portal and review pages (axe-core in Chromium)', () => {
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

  const newPage = async (options: typeof DESKTOP): Promise<Page> => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  };

  /** A placement waiting for documents, its portal link, and the student who holds it. */
  const placementAwaitingDocuments = async (label: string) => {
    const scenario = newScenario(label);
    expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
    const created = await cloud.createPlacement(scenario.placement());
    expect(created.status).toBe(201);
    const student = await cloud.studentFor(scenario.studentEmail);
    return { scenario, placementId: created.body.placementId, student };
  };

  /** Checks the page as it is now: serious or critical violations fail; the rest are printed. */
  const expectNoSeriousViolations = async (page: Page, state: string) => {
    const { violations, passed, incomplete } = await runAxe(page);
    const found =
      violations.length === 0
        ? 'no violations'
        : `\n  ${describeViolations(violations).replaceAll('\n', '\n  ')}`;
    console.log(
      `[axe] ${state}: ${passed} rules passed, ${found}${incomplete.length ? `; needs review: ${incomplete.join(', ')}` : ''}`,
    );
    expect(passed, 'axe evaluated the page').toBeGreaterThan(10);
    expect(
      atLeastSerious(violations),
      `${state}:\n${describeViolations(atLeastSerious(violations))}`,
    ).toEqual([]);
  };

  it('the portal refuses an injected inline script under its CSP, which is why axe runs with the CSP bypassed', async () => {
    const { student } = await placementAwaitingDocuments('csp');
    const page = await newPage(PHONE);
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) refusals.push(message.text());
    });
    await page.goto(student.portalUrl);
    await page.addScriptTag({ content: 'window.injectedScriptRan = true;' }).catch(() => undefined);
    await expect(page.evaluate('window.injectedScriptRan === true')).resolves.toBe(false);
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
  }, 180_000);

  it('the portal on a phone: the checklist, an item that was not accepted, and field errors', async () => {
    const { scenario, placementId, student } = await placementAwaitingDocuments('axe-portal');
    // A TB result too old for the rotation: the portal shows it as not accepted, with the reason.
    await student.upload('TB', { issuedOn: daysFromNow(-800) });
    await cloud.waitForHistory(placementId, 'DOCUMENT_REJECTED', 90_000);
    await student.upload('BLS', scenario.validDates('BLS'));
    await cloud.waitForHistory(placementId, 'DOCUMENT_ACCEPTED', 90_000);

    const page = await newPage({ ...PHONE, bypassCSP: true });
    expect((await page.goto(student.portalUrl))?.status()).toBe(200);
    await expect(page.locator('li[data-code="TB"]').getAttribute('data-status')).resolves.toBe('REJECTED');
    await screenshot(page, 'axe-portal-01-phone-rejected-item');
    await expectNoSeriousViolations(page, 'portal (phone): accepted, not accepted and missing items');

    // Upload pressed with nothing filled in: both fields say what is wrong.
    await uploadForm(page, 'HIPAA_TRAINING').locator('button[type="submit"]').tap();
    await expect(page.locator('#req-HIPAA_TRAINING-file').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#req-HIPAA_TRAINING-date-error').isVisible()).resolves.toBe(true);
    await screenshot(page, 'axe-portal-02-phone-field-errors');
    await expectNoSeriousViolations(page, 'portal (phone): field errors shown');
  }, 300_000);

  it('the review page: the packet with its decision form, the confirmation, the decided packet, and an unknown link', async () => {
    const { scenario, placementId, student } = await placementAwaitingDocuments('axe-review');
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) await student.upload(code, scenario.validDates(code));
    await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL', 90_000);
    const reviewLink = await cloud.reviewLinkFor(scenario.admins[0] ?? '');

    const page = await newPage({ ...DESKTOP, bypassCSP: true });
    expect((await page.goto(reviewLink))?.status()).toBe(200);
    await expectNoSeriousViolations(page, 'review (desktop): packet and decision form');

    const answer = await submitReview(page, {
      decision: 'decline',
      reason: 'No preceptor is available for these dates.',
    });
    expect(answer.status()).toBe(200);
    await screenshot(page, 'axe-review-01-desktop-confirmation');
    await expectNoSeriousViolations(page, 'review (desktop): decision confirmation');

    expect((await page.goto(reviewLink))?.status()).toBe(200);
    await expectNoSeriousViolations(page, 'review (desktop): decided packet');

    const phone = await newPage({ ...PHONE, bypassCSP: true });
    expect((await phone.goto(reviewLink))?.status()).toBe(200);
    await expectNoSeriousViolations(phone, 'review (phone): decided packet');

    const unknown = `${cloud.api}/review/${'A'.repeat(43)}`;
    expect((await page.goto(unknown))?.status()).toBe(404);
    await expectNoSeriousViolations(page, 'review (desktop): unknown link');

    const closedPortal = await newPage({ ...PHONE, bypassCSP: true });
    await cloud.waitForStatus(placementId, 'DECLINED', 90_000);
    expect((await closedPortal.goto(student.portalUrl))?.status()).toBe(200);
    await screenshot(closedPortal, 'axe-portal-03-phone-declined');
    await expectNoSeriousViolations(closedPortal, 'portal (phone): placement declined');
  }, 300_000);
});
