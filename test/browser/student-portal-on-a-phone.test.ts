import type { Browser, BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newScenario } from '../e2e/support/scenario.js';
import { TestCloud } from '../e2e/support/test-cloud.js';
import { hasChromium, launchChromium, PHONE } from './support/chromium.js';
import { NO_PROBLEMS, watchPageProblems } from './support/page-problems.js';
import {
  checklistItem,
  fillUploadForm,
  uploadForm,
  waitUntilShownAccepted,
} from './support/portal-checklist.js';
import { screenshot } from './support/screenshots.js';

/**
 * A student on a phone, in real Chromium, against the whole local cloud: the portal link from
 * their email, three uploads through the page's own script, and the checklist updating in place.
 */
describe.skipIf(!hasChromium)('the student portal on a phone (Chromium, local cloud)', () => {
  let cloud: TestCloud;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [cloud, browser] = await Promise.all([TestCloud.start(), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await cloud?.stop();
  });

  it('uploads three documents with progress, shows each accepted without a reload, and the packet goes to the site', async () => {
    const scenario = newScenario('phone');
    expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
    const created = await cloud.createPlacement(scenario.placement());
    expect(created.status).toBe(201);
    const { placementId } = created.body;
    const { portalUrl } = await cloud.studentFor(scenario.studentEmail);

    context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    let documentLoads = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) documentLoads++;
    });
    const statusPolls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/status')) statusPolls.push(request.url());
    });

    const opened = await page.goto(portalUrl);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-security-policy']).toContain("script-src 'sha256-");
    await expect(page.locator('h1').textContent()).resolves.toBe(`Your documents for ${scenario.site.name}`);
    await expect(page.locator('#progress-summary').textContent()).resolves.toBe('0 of 3 done');
    for (const code of ['BLS', 'TB', 'HIPAA_TRAINING']) {
      await expect(checklistItem(page, code).getAttribute('data-status')).resolves.toBe('MISSING');
      await expect(uploadForm(page, code).locator('button[type="submit"]').isEnabled()).resolves.toBe(true);
    }
    // Nothing wider than the phone: no sideways scrolling.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'portal-01-phone-opened');

    // The first file is held on its way to storage, so the progress bar can be seen mid-upload.
    let releaseStorage = () => {};
    const storageReleased = new Promise<void>((resolve) => {
      releaseStorage = resolve;
    });
    const holdUpload = async (route: Route) => {
      if (route.request().method() === 'POST') await storageReleased;
      await route.continue();
    };
    await page.route(`${cloud.cloud.endpoints.s3}/**`, holdUpload);
    const bls = await fillUploadForm(page, 'BLS', scenario.validDates('BLS'));
    await bls.locator('button[type="submit"]').tap();
    const progress = bls.locator('[data-role="progress"]');
    await progress.waitFor({ state: 'visible', timeout: 60_000 });
    await expect(progress.locator('[data-role="percent"]').textContent()).resolves.toMatch(/^\d{1,3}%$/);
    await expect(bls.getAttribute('aria-busy')).resolves.toBe('true');
    // The disabled fieldset keeps a second tap from starting a second upload.
    await expect(bls.locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    await expect(bls.locator('[data-role="note"]').textContent()).resolves.toBe('Uploading bls scan.pdf…');
    await screenshot(page, 'portal-02-phone-uploading');
    releaseStorage();
    await waitUntilShownAccepted(page, 'BLS');
    await page.unroute(`${cloud.cloud.endpoints.s3}/**`, holdUpload);
    await expect(progress.isHidden()).resolves.toBe(true);
    await expect(checklistItem(page, 'BLS').locator('[data-role="badge-text"]').textContent()).resolves.toBe(
      'Accepted',
    );
    await expect(bls.isHidden()).resolves.toBe(true);
    await expect(checklistItem(page, 'BLS').locator('[data-role="done"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#progress-summary').textContent()).resolves.toBe('1 of 3 done');
    await screenshot(page, 'portal-03-phone-first-accepted');

    for (const code of ['TB', 'HIPAA_TRAINING']) {
      const form = await fillUploadForm(page, code, scenario.validDates(code));
      await form.locator('button[type="submit"]').tap();
      await waitUntilShownAccepted(page, code);
      await expect(checklistItem(page, code).locator('[data-role="badge-text"]').textContent()).resolves.toBe(
        'Accepted',
      );
      await expect(form.isHidden()).resolves.toBe(true);
    }
    await expect(page.locator('#progress-summary').textContent()).resolves.toBe('3 of 3 done');
    // Screen readers hear the result too.
    await page
      .locator('#live-status', { hasText: 'HIPAA privacy training: accepted.' })
      .waitFor({ state: 'attached' });
    // Everything is in: the notice no longer asks for uploads.
    await expect(page.locator('#placement-status').getAttribute('data-status')).resolves.toMatch(
      /^(CHECKING|AWAITING_SITE_APPROVAL)$/,
    );
    await screenshot(page, 'portal-04-phone-all-accepted');
    expect(documentLoads, 'the page was never reloaded').toBe(1);
    expect(statusPolls.length).toBeGreaterThan(0);

    const ready = await cloud.waitForStatus(placementId, 'AWAITING_SITE_APPROVAL', 90_000);
    expect(ready.requirements.map(({ code, status }) => ({ code, status }))).toEqual([
      { code: 'BLS', status: 'ACCEPTED' },
      { code: 'TB', status: 'ACCEPTED' },
      { code: 'HIPAA_TRAINING', status: 'ACCEPTED' },
    ]);

    // A later visit: the page says the site is reviewing, and offers no upload.
    await page.reload();
    await expect(page.locator('#placement-status').getAttribute('data-status')).resolves.toBe(
      'AWAITING_SITE_APPROVAL',
    );
    await expect(page.locator('form[data-upload]').count()).resolves.toBe(0);
    await screenshot(page, 'portal-05-phone-later-visit');

    expect(problems).toEqual(NO_PROBLEMS);
  }, 300_000);
});
