import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { importJWK, SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionId, SESSION_IDLE_MS } from '../../functions/staff-auth/staff-session.js';
import { GROUPS_CLAIM } from '../../local/services/identity-provider/identity-provider-server.js';
import { loadOrCreateIdentityProviderKeys } from '../../local/services/identity-provider/signing-keys.js';
import { newScenario } from '../e2e/support/scenario.js';
import { type PlacementJson, TestCloud } from '../e2e/support/test-cloud.js';
import { describeViolations, runAxe } from './support/axe.js';
import { hasChromium, launchChromium } from './support/chromium.js';
import {
  accountFor,
  type ConsoleUnderTest,
  csrfTokenOf,
  LAPTOP,
  postFromPage,
  signInThroughProvider,
  TABLET,
} from './support/console-sign-in.js';
import { NO_PROBLEMS, watchPageProblems } from './support/page-problems.js';
import { screenshot } from './support/screenshots.js';

/**
 * The staff console in real Chromium against one local cloud: every person signs in through the local
 * OpenID Connect provider's own login page, and the server enforces each role, forgery protection,
 * sign-out and session expiry. One cloud and one browser for the whole file.
 */
describe.skipIf(!hasChromium)('the staff console in the browser (Chromium, local cloud)', () => {
  let cloud: TestCloud;
  let browser: Browser;
  let target: ConsoleUnderTest;
  const contexts: BrowserContext[] = [];
  // Staff-verified, so the document handed in waits in the verification queue.
  const scenario = newScenario('console', { verification: 'staff' });
  const nursing: { placementId: string; name: string } = { placementId: '', name: 'Avery Nursing' };
  const physio: { placementId: string; name: string } = { placementId: '', name: 'Blake Physio' };
  const soon: { placementId: string; name: string } = { placementId: '', name: 'Casey Soon' };

  const signIn = async (role: 'coordinator' | 'reviewer' | 'viewer', options = {}) => {
    const signedIn = await signInThroughProvider(browser, target, role, options);
    contexts.push(signedIn.context);
    return signedIn;
  };
  const consoleUrl = (path = '') => `${target.consoleUrl}${path}`;

  /** The console session item of a browser context, in the local cloud's DynamoDB. */
  const sessionItem = async (context: BrowserContext) => {
    const cookie = (await context.cookies(target.consoleUrl)).find((candidate) =>
      candidate.name.endsWith('console-session'),
    );
    if (!cookie) throw new Error('The browser holds no console session cookie.');
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const dynamo = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: cloud.cloud.endpoints.dynamodb,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const key = { pk: `STAFFSESSION#${hashSessionId(cookie.value)}`, sk: 'STAFFSESSION' };
    const { TableNames = [] } = await dynamo.send(new ListTablesCommand({}));
    for (const TableName of TableNames) {
      const found = await dynamo.send(new GetCommand({ TableName, Key: key })).catch(() => undefined);
      if (found?.Item) return { dynamo, TableName, key, item: found.Item };
    }
    return { dynamo, TableName: undefined, key, item: undefined };
  };

  /** Asks for a console page with the context's cookies, redirects not followed. */
  const askForPage = (context: BrowserContext, path: string) =>
    context.request.get(consoleUrl(path), { headers: { accept: 'text/html' }, maxRedirects: 0 });

  const expectSentToSignIn = async (context: BrowserContext, path: string) => {
    const answer = await askForPage(context, path);
    expect(answer.status()).toBe(303);
    const location = new URL(answer.headers().location ?? '', consoleUrl());
    expect(location.pathname).toMatch(/\/console\/auth\/sign-in$/);
    expect(location.searchParams.get('returnTo')).toContain(path);
  };

  beforeAll(async () => {
    [cloud, browser] = await Promise.all([TestCloud.start(), launchChromium()]);
    target = {
      consoleUrl: cloud.cloud.endpoints.console,
      idpUrl: cloud.cloud.endpoints.idp,
      accounts: cloud.cloud.staffAccounts,
    };
    // Documents are due 3 days before the start, so a rotation a week away is still open.
    expect((await cloud.putSite(scenario.siteId, { ...scenario.site, documentsDueDays: 3 })).status).toBe(
      200,
    );
    const create = async (who: typeof nursing, overrides: Record<string, unknown>) => {
      const base = scenario.placement();
      const created = await cloud.createPlacement({
        ...base,
        student: {
          id: `${base.student.id}-${who.name.split(' ')[0]}`,
          name: who.name,
          email: `${who.name.split(' ')[0]?.toLowerCase()}-${scenario.studentEmail}`,
        },
        ...overrides,
      });
      expect(created.status).toBe(201);
      who.placementId = created.body.placementId;
    };
    await create(nursing, {});
    await create(physio, { program: 'DPT Physiotherapy' });
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    await create(soon, { startDate: start, endDate: end });
    await Promise.all(
      [nursing, physio, soon].map((placement) =>
        cloud.waitForStatus(placement.placementId, 'AWAITING_DOCUMENTS', 150_000).catch(async (error) => {
          const { status, history } = await cloud.placement(placement.placementId);
          throw new Error(`${error} (status ${status}, history ${history.map((entry) => entry.type)})`);
        }),
      ),
    );
    // One document handed in, so the verification queue has an item to show.
    const student = await cloud.studentFor(`blake-${scenario.studentEmail}`);
    await student.upload('BLS', scenario.validDates('BLS'));
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await cloud?.stop();
  });

  it('a coordinator signs in on the provider’s page, reads the dashboard, filters, opens a placement and waives an item', async () => {
    const { page } = await signIn('coordinator');
    const problems = watchPageProblems(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Dashboard');
    await expect(page.locator('main .lead').textContent()).resolves.toBe('3 placements in all.');
    await expect(page.locator('#starting-soon').textContent()).resolves.toContain(soon.name);
    await expect(page.locator('header').textContent()).resolves.toContain(
      accountFor(target, 'coordinator').email,
    );

    // Filters: the program narrows the list to the physiotherapy placement only.
    await page.getByRole('link', { name: 'Placements', exact: true }).first().click();
    await expect(page.locator('#placements tbody tr').count()).resolves.toBe(3);
    await page.getByLabel('Program').selectOption('DPT Physiotherapy');
    await Promise.all([
      page.waitForURL(/program=DPT/),
      page.getByRole('button', { name: 'Show placements' }).click(),
    ]);
    const rows = page.locator('#placements tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(physio.name);
    // A search by the student's name finds the nursing placement.
    await page.goto(consoleUrl(`/placements?q=${encodeURIComponent('Avery')}`));
    await expect(rows.count()).resolves.toBe(1);

    // Opens the placement and waives HIPAA training with a reason.
    await Promise.all([
      page.waitForURL(new RegExp(`/console/placements/${nursing.placementId}$`)),
      page.getByRole('link', { name: nursing.name }).click(),
    ]);
    const reason = 'Completed HIPAA training at the school’s orientation on 2 September.';
    const waiver = page.locator('form[action$="/waivers"]');
    await waiver.getByLabel('Requirement').selectOption('HIPAA_TRAINING');
    await waiver.getByLabel('Reason').fill(reason);
    await Promise.all([
      page.waitForURL(new RegExp(`/console/placements/${nursing.placementId}`)),
      waiver.getByRole('button', { name: 'Waive requirement' }).click(),
    ]);
    await expect(page.locator('#history').textContent()).resolves.toContain(
      accountFor(target, 'coordinator').email,
    );
    await screenshot(page, 'console-flow-01-waived');
    const stored = await cloud.placement(nursing.placementId);
    expect(stored.requirements.find((requirement) => requirement.code === 'HIPAA_TRAINING')).toMatchObject({
      status: 'WAIVED',
    });
    const waivers = stored.history.filter((entry) => entry.type.includes('WAIVE'));
    expect(waivers.length, JSON.stringify(stored.history)).toBe(1);
    expect(JSON.stringify(waivers[0])).toContain(accountFor(target, 'coordinator').email);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it('a viewer sees no action, and a forged waiver (with or without the page’s _csrf) is refused with 403', async () => {
    const { page } = await signIn('viewer', { path: `/placements/${physio.placementId}` });
    await expect(page.locator('h1').textContent()).resolves.toContain(physio.name);
    await expect(page.locator('main form[method="post"]').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Actions' }).count()).resolves.toBe(0);
    const action = consoleUrl(`/placements/${physio.placementId}/waivers`);
    const fields = { requirementCode: 'BLS', reason: 'Forged by a viewer.' };
    await expect(postFromPage(page, action, { ...fields, _csrf: await csrfTokenOf(page) })).resolves.toBe(
      403,
    );
    await expect(postFromPage(page, action, fields)).resolves.toBe(403);
    const cancel = consoleUrl(`/placements/${physio.placementId}/cancel`);
    await expect(postFromPage(page, cancel, { _csrf: await csrfTokenOf(page), reason: 'x' })).resolves.toBe(
      403,
    );
    const stored = await cloud.placement(physio.placementId);
    expect(stored.status).toBe('AWAITING_DOCUMENTS');
    expect(stored.requirements.find((requirement) => requirement.code === 'BLS')?.status).not.toBe('WAIVED');
  });

  it('a reviewer cannot purge: the POST with a valid _csrf is refused with 403 and nothing is deleted', async () => {
    const { page } = await signIn('reviewer', { path: `/placements/${soon.placementId}` });
    await expect(page.locator('form[action$="/purge"]').count()).resolves.toBe(0);
    const purge = consoleUrl(`/placements/${soon.placementId}/purge`);
    await expect(
      postFromPage(page, purge, { _csrf: await csrfTokenOf(page), confirm: 'yes', reason: 'Forged.' }),
    ).resolves.toBe(403);
    const stored: PlacementJson = await cloud.placement(soon.placementId);
    expect(stored.student.name).toBe(soon.name);
    expect(stored.history.some((entry) => entry.type.includes('PURGE'))).toBe(false);
  });

  it('a coordinator’s form posted from a page on another origin is refused, even with the right _csrf', async () => {
    const { page } = await signIn('coordinator', { path: `/placements/${soon.placementId}` });
    const token = await csrfTokenOf(page);
    const cancel = consoleUrl(`/placements/${soon.placementId}/cancel`);
    const attacker: Server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Prize</title><form method="post" action="${cancel}">
<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="reason" value="Cross-site">
<button type="submit">Claim your prize</button></form>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
      expect(new URL(attackerUrl).origin).not.toBe(new URL(target.consoleUrl).origin);
      await page.goto(attackerUrl);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url() === cancel),
        page.getByRole('button', { name: 'Claim your prize' }).click(),
      ]);
      expect(answer.request().headers().origin).toBe(new URL(attackerUrl).origin);
      expect(answer.status()).toBe(403);
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
    expect((await cloud.placement(soon.placementId)).status).toBe('AWAITING_DOCUMENTS');
  });

  it('signing out ends the session: the session is gone, its old cookie opens nothing, and the provider signs out too', async () => {
    const { context, page } = await signIn('viewer');
    const before = await sessionItem(context);
    expect(before.item).toBeDefined();
    const oldCookie = (await context.cookies(target.consoleUrl)).find((cookie) =>
      cookie.name.endsWith('console-session'),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${target.idpUrl}/session/end`));
    // The console's side: the session item is deleted, and replaying the old cookie is sent to sign in.
    const after = await before.dynamo.send(new GetCommand({ TableName: before.TableName, Key: before.key }));
    expect(after.Item).toBeUndefined();
    const replayed = await fetch(consoleUrl('/placements'), {
      headers: { cookie: `${oldCookie?.name}=${oldCookie?.value}`, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toContain('/console/auth/sign-in');
    // The provider's side: it asks to confirm its own sign-out, then sends the browser back to the console.
    await screenshot(page, 'console-flow-02-provider-sign-out');
    expect(await page.locator('h1').textContent(), (await page.locator('main').textContent()) ?? '').toBe(
      'Sign out of the staff console?',
    );
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => !url.href.startsWith(`${target.idpUrl}/session/end`));
    await page.waitForLoadState();
    await screenshot(page, 'console-flow-03-after-sign-out');
    // Signed out at the provider as well: a console page now needs the password again.
    await page.goto(consoleUrl('/placements'));
    expect(page.url().startsWith(target.idpUrl), `at ${page.url()}`).toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to the staff console');
  });

  it('a session idle for 30 minutes is sent to sign in again and removed', async () => {
    const { context } = await signIn('viewer');
    await expect(askForPage(context, '/placements').then((answer) => answer.status())).resolves.toBe(200);
    const session = await sessionItem(context);
    expect(session.TableName).toBeDefined();
    const idleSince = new Date(Date.now() - SESSION_IDLE_MS - 60_000).toISOString();
    await session.dynamo.send(
      new UpdateCommand({
        TableName: session.TableName,
        Key: session.key,
        UpdateExpression: 'SET lastSeenAt = :idle',
        ExpressionAttributeValues: { ':idle': idleSince },
      }),
    );
    await expectSentToSignIn(context, '/placements');
    const after = await session.dynamo.send(
      new GetCommand({ TableName: session.TableName, Key: session.key }),
    );
    expect(after.Item).toBeUndefined();
  });

  it('takes no bearer token: even one signed with the provider’s own key for the console opens nothing', async () => {
    const anonymous = await browser.newContext(LAPTOP);
    contexts.push(anonymous);
    const begin = await anonymous.request.get(consoleUrl('/auth/sign-in'), { maxRedirects: 0 });
    expect(begin.status()).toBeGreaterThanOrEqual(300);
    const authorize = new URL(begin.headers().location ?? '');
    expect(authorize.origin).toBe(new URL(target.idpUrl).origin);
    const clientId = authorize.searchParams.get('client_id') ?? '';
    expect(clientId).not.toBe('');
    const { signingKey } = await loadOrCreateIdentityProviderKeys(cloud.dataDir);
    const coordinator = accountFor(target, 'coordinator');
    const token = await new SignJWT({ email: coordinator.email, [GROUPS_CLAIM]: ['coordinators'] })
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid ?? '' })
      .setSubject(coordinator.email)
      .setIssuer(target.idpUrl)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(signingKey, 'RS256'));
    const bearer = { authorization: `Bearer ${token}` };
    const json = await fetch(consoleUrl('/placements'), {
      headers: { ...bearer, accept: 'application/json' },
    });
    expect(json.status).toBe(401);
    const page = await fetch(consoleUrl('/placements'), {
      headers: { ...bearer, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/console/auth/sign-in');
    const forged = await fetch(consoleUrl(`/placements/${physio.placementId}/cancel`), {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason: 'Bearer' }),
      redirect: 'manual',
    });
    expect(forged.status).toBe(401);
    expect((await cloud.placement(physio.placementId)).status).toBe('AWAITING_DOCUMENTS');
  });

  it('every console page is axe clean, and is photographed on a laptop and a tablet', async () => {
    const pages = [
      ['dashboard', ''],
      ['placements', '/placements'],
      ['placements-filtered', '/placements?program=DPT+Physiotherapy'],
      ['placements-none-match', '/placements?q=nobody-by-this-name'],
      ['placement', `/placements/${nursing.placementId}`],
      ['placement-with-document', `/placements/${physio.placementId}`],
      ['sites', '/sites'],
      ['site-new', '/sites/new'],
      ['site', `/sites/${scenario.siteId}`],
      ['queue', '/queue'],
      ['import', '/import'],
      ['reports', '/reports'],
    ] as const;
    const found: string[] = [];
    for (const [viewportName, viewport] of [
      ['laptop', LAPTOP],
      ['tablet', TABLET],
    ] as const) {
      const { page } = await signIn('coordinator', { viewport });
      const problems = watchPageProblems(page);
      const visit = async (name: string, url: string) => {
        const answer = await page.goto(url);
        expect(answer?.status(), `${name} answered`).toBe(200);
        await check(page, `${name}-${viewportName}`, found);
      };
      for (const [name, path] of pages) await visit(name, consoleUrl(path));
      // The queue's first item, reached through the queue page's own link.
      await page.goto(consoleUrl('/queue'));
      const item = await page.locator(`main a[href*="/queue/"]`).first().getAttribute('href');
      expect(item, 'the queue links to the handed-in document').toBeTruthy();
      await visit('queue-item', new URL(item ?? '', page.url()).href);
      expect(problems).toEqual(NO_PROBLEMS);
    }
    // The viewer's read-only placement and the signed-out page (no session).
    const { page: viewerPage } = await signIn('viewer', { path: `/placements/${nursing.placementId}` });
    await check(viewerPage, 'placement-viewer-laptop', found);
    const anonymous = await browser.newContext({ ...LAPTOP, bypassCSP: true });
    contexts.push(anonymous);
    const signedOut = await anonymous.newPage();
    expect((await signedOut.goto(consoleUrl('/signed-out')))?.status()).toBe(200);
    await check(signedOut, 'signed-out-laptop', found);
    expect(found.join('\n')).toBe('');
  }, 240_000);
});

/** Axe on the page as it is, then a full-page screenshot; violations are collected, not thrown at once. */
async function check(page: Page, name: string, found: string[]): Promise<void> {
  const report = await runAxe(page);
  expect(report.passed, `axe ran on ${name}`).toBeGreaterThan(10);
  if (report.violations.length > 0) found.push(`${name}:\n${describeViolations(report.violations)}`);
  await screenshot(page, `console-${name}`);
}
