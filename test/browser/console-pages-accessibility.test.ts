import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderConsoleErrorPage } from '../../functions/web/console/console-error-page.js';
import { renderDashboardPage } from '../../functions/web/console/dashboard-page.js';
import { renderImportPage } from '../../functions/web/console/import-page.js';
import { renderPlacementPage } from '../../functions/web/console/placement-page.js';
import { renderPlacementsPage } from '../../functions/web/console/placements-page.js';
import { renderReportsPage } from '../../functions/web/console/reports-page.js';
import { renderSitePage } from '../../functions/web/console/site-page.js';
import { renderSitesPage } from '../../functions/web/console/sites-page.js';
import { renderVerificationItemPage } from '../../functions/web/console/verification-item-page.js';
import { renderVerificationQueuePage } from '../../functions/web/console/verification-queue-page.js';
import type { RenderedPage } from '../../functions/web/page-layout.js';
import { MINIMAL_PDF } from '../../local/actors/student.js';
import * as sample from '../web/console/console-fixtures.js';
import { describeViolations, runAxe } from './support/axe.js';
import { hasChromium, launchChromium } from './support/chromium.js';
import { watchPageProblems } from './support/page-problems.js';
import { screenshot } from './support/screenshots.js';

/** A staff member's laptop and a tablet held upright (iPad Air). */
const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' };
const TABLET: BrowserContextOptions = {
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 2,
  hasTouch: true,
  timezoneId: 'UTC',
};

const coordinator = sample.contextFor('coordinator');
const reviewer = sample.contextFor('reviewer');
const viewer = sample.contextFor('viewer');

/** Every console page in the states people meet it in, rendered from sample view data. */
const PAGES: ReadonlyArray<{ name: string; render: () => RenderedPage }> = [
  {
    name: 'dashboard',
    render: () =>
      renderDashboardPage(
        { ...coordinator, flash: [{ tone: 'done', text: 'Imported 118 placements from spring-term.csv' }] },
        sample.dashboardView(),
      ),
  },
  { name: 'dashboard-empty', render: () => renderDashboardPage(coordinator, sample.emptyDashboardView()) },
  { name: 'placements', render: () => renderPlacementsPage(coordinator, sample.placementsView()) },
  {
    name: 'placements-none-match',
    render: () =>
      renderPlacementsPage(viewer, sample.placementsView({ items: [], nextCursor: undefined, paged: true })),
  },
  {
    name: 'placement-coordinator',
    render: () =>
      renderPlacementPage(
        { ...coordinator, flash: [{ tone: 'done', text: 'Waived HIPAA_TRAINING' }] },
        sample.placementView(),
      ),
  },
  {
    name: 'placement-waiver-refused',
    render: () =>
      renderPlacementPage(
        coordinator,
        sample.placementView({
          form: {
            action: 'waivers',
            values: { requirementCode: 'BLS', reason: '' },
            errors: [{ path: 'reason', message: 'Give a reason for the waiver.' }],
          },
        }),
      ),
  },
  { name: 'placement-viewer', render: () => renderPlacementPage(viewer, sample.placementView()) },
  { name: 'sites', render: () => renderSitesPage(coordinator, sample.sitesView()) },
  { name: 'sites-empty', render: () => renderSitesPage(viewer, { sites: [] }) },
  { name: 'site-read-only', render: () => renderSitePage(viewer, { site: sample.siteView() }) },
  {
    name: 'site-edit-errors',
    render: () =>
      renderSitePage(coordinator, {
        site: sample.siteView(),
        form: {
          values: {
            requirements: [{ code: 'MMR' }, { code: 'TB', months: '0' }],
            name: 'Riverside General Hospital',
            adminEmails: 'not-an-email',
            verification: 'staff',
          },
          errors: [
            { path: 'adminEmails[0]', message: 'Must be an email address.' },
            { path: 'requirements[1].months', message: 'Must be a whole number from 1 to 120.' },
          ],
        },
      }),
  },
  { name: 'site-new', render: () => renderSitePage(coordinator, {}) },
  { name: 'import', render: () => renderImportPage(coordinator, { state: 'choose' }) },
  { name: 'import-bad-rows', render: () => renderImportPage(coordinator, sample.importInvalidView()) },
  {
    name: 'import-confirm',
    render: () =>
      renderImportPage(coordinator, {
        state: 'confirm',
        fileName: 'spring-term.csv',
        importId: 'imp-42',
        toCreate: 118,
        alreadyExist: 2,
      }),
  },
  { name: 'import-progress', render: () => renderImportPage(coordinator, sample.importProgressView()) },
  { name: 'queue', render: () => renderVerificationQueuePage(reviewer, sample.queueView()) },
  {
    name: 'queue-empty',
    render: () =>
      renderVerificationQueuePage(reviewer, sample.queueView({ items: [], nextCursor: undefined })),
  },
  { name: 'queue-item-pdf', render: () => renderVerificationItemPage(reviewer, sample.queueItemView()) },
  {
    name: 'queue-item-heic-refused',
    render: () =>
      renderVerificationItemPage(
        reviewer,
        sample.queueItemView({
          document: { fileName: 'IMG_0042.HEIC', contentType: 'image/heic' },
          form: {
            decision: 'reject',
            values: { reasonCode: 'OTHER' },
            errors: [{ path: 'note', message: 'A note is required when the reason is Other.' }],
          },
        }),
      ),
  },
  { name: 'reports', render: () => renderReportsPage(viewer, sample.reportsView()) },
  { name: 'reports-empty', render: () => renderReportsPage(viewer, { rows: [], sentBack: [], lapsing: [] }) },
  { name: 'error-403', render: () => renderConsoleErrorPage({ kind: 'forbidden', context: viewer }) },
  { name: 'error-404', render: () => renderConsoleErrorPage({ kind: 'not-found', context: coordinator }) },
  {
    name: 'error-session-expired',
    render: () => renderConsoleErrorPage({ kind: 'session-expired', basePath: '/console' }),
  },
  {
    name: 'error-500',
    render: () =>
      renderConsoleErrorPage({ kind: 'server-error', basePath: '/console', reference: 'req-8c1f' }),
  },
];

/** Serves one page at a time under /console, and the sample document at the recorded document route. */
const startServer = async () => {
  let current: RenderedPage | undefined;
  const server: Server = createServer((request, response) => {
    if (request.url?.includes('/documents/')) {
      response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline' });
      response.end(MINIMAL_PDF);
      return;
    }
    if (!current || request.url !== '/console/page') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, current.headers);
    response.end(current.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/console/page`,
    show: (page: RenderedPage) => {
      current = page;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe.skipIf(!hasChromium)(
  'console pages in Chromium: axe-core, CSP, laptop and tablet screenshots',
  () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof startServer>>;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchChromium(), startServer()]);
    }, 120_000);

    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const newPage = async (options: BrowserContextOptions) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    };

    it.each(PAGES.map((entry, index) => ({ ...entry, index })))(
      '$name: loads under its own CSP without a refusal, and axe finds no violations on a laptop and a tablet',
      async ({ name, render, index }) => {
        server.show(render());
        // Under the page's real CSP: nothing is refused (styles by hash, no script, documents allowed).
        const strict = await newPage(LAPTOP);
        const problems = watchPageProblems(strict);
        expect((await strict.goto(server.url))?.status()).toBe(200);
        await strict.waitForLoadState('load');
        expect(problems.cspViolations).toEqual([]);
        expect(problems.pageErrors).toEqual([]);

        for (const [device, options] of [
          ['laptop', LAPTOP],
          ['tablet', TABLET],
        ] as const) {
          const page = await newPage({ ...options, bypassCSP: true });
          await page.goto(server.url);
          await page.waitForLoadState('load');
          await screenshot(page, `console-${String(index + 1).padStart(2, '0')}-${name}-${device}`);
          const { violations, passed } = await runAxe(page);
          expect(passed, 'axe evaluated the page').toBeGreaterThan(10);
          expect(violations, `${name} (${device}):\n${describeViolations(violations)}`).toEqual([]);
          // Nothing overflows the viewport sideways (tables scroll inside their own region).
          const overflow = await page.evaluate(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          );
          expect(overflow, `${name} (${device}) is wider than the screen`).toBeLessThanOrEqual(0);
        }
      },
      60_000,
    );

    it('a reviewer reaches the decision controls by keyboard right after the document', async () => {
      // An image, not a PDF: Chromium's PDF viewer takes keyboard focus into its own frame on some
      // runs and not others, which would make the order below depend on the viewer, not the page.
      server.show(
        renderVerificationItemPage(
          reviewer,
          sample.queueItemView({ document: { fileName: 'tb-result.png', contentType: 'image/png' } }),
        ),
      );
      const page = await newPage(LAPTOP);
      await page.goto(server.url);
      const focused: string[] = [];
      await page.keyboard.press('Tab'); // the skip link
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      // A date input takes one Tab per part (day, month, year): count each control once. Whether
      // the frame itself takes focus depends on the PDF viewer, so frame stops (the frame, or the page
      // body while focus is inside the viewer) are left out.
      for (let step = 0; step < 40 && focused.length < 4; step += 1) {
        await page.keyboard.press('Tab');
        const now = await page.evaluate<string>(
          `(() => { const e = document.activeElement; return e.id || e.tagName.toLowerCase() + ':' + (e.textContent || '').trim(); })()`,
        );
        const inFrame = now === 'iframe:' || now.startsWith('body:');
        if (focused.at(-1) !== now && !inFrame) focused.push(now);
      }
      expect(focused).toEqual([
        'a:Open tb-result.png in a new tab (the view is recorded)',
        'verify-issuedOn',
        'button:Verify Tuberculosis (TB) screening',
        'reject-reasonCode',
      ]);
    }, 60_000);
  },
);
