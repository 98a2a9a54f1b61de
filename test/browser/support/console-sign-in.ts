import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StaffAccount } from '../../../local/services/identity-provider/staff-accounts.js';

/** A staff member's laptop and a tablet held upright (iPad Air): the console's two viewports. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' };
export const TABLET: BrowserContextOptions = {
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 2,
  hasTouch: true,
  timezoneId: 'UTC',
};

/** Where a console runs: its base URL (`<api>/console`), its provider's issuer and demo accounts. */
export interface ConsoleUnderTest {
  readonly consoleUrl: string;
  readonly idpUrl: string;
  readonly accounts: readonly StaffAccount[];
}

export const accountFor = (target: ConsoleUnderTest, role: StaffAccount['role']): StaffAccount => {
  const found = target.accounts.find((account) => account.role === role);
  if (!found) throw new Error(`The provider has no ${role} account.`);
  return found;
};

/**
 * Signs a person in as a browser does: opens `path` of the console, is sent to the provider's own
 * login page, types the account's email and password there and is brought back to `path`.
 * `bypassCSP` lets axe's script in (the console's CSP rightly refuses injected scripts).
 */
export async function signInThroughProvider(
  browser: Browser,
  target: ConsoleUnderTest,
  role: StaffAccount['role'],
  options: { viewport?: BrowserContextOptions; path?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...(options.viewport ?? LAPTOP), bypassCSP: true });
  const page = await context.newPage();
  const path = options.path ?? '';
  await page.goto(`${target.consoleUrl}${path}`);
  expect(page.url().startsWith(target.idpUrl), `sent to the provider, not ${page.url()}`).toBe(true);
  await expect(page.locator('h1').textContent()).resolves.toBe('Sign in to the staff console');
  const account = accountFor(target, role);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await Promise.all([
    page.waitForURL(
      (url) => url.href.startsWith(`${target.consoleUrl}${path}`) && !url.pathname.includes('/auth/'),
    ),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return { context, page };
}

/** The page's forgery-protection token, as its forms carry it (the sign-out form is on every page). */
export const csrfTokenOf = async (page: Page): Promise<string> => {
  const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  if (!token) throw new Error(`No _csrf field on ${page.url()}`);
  return token;
};

/**
 * A form POST made by the page's own script (same origin, the browser's cookies): what a person with
 * the page open could forge by hand. Answers the status only; redirects are not followed.
 */
export const postFromPage = (page: Page, url: string, fields: Record<string, string>): Promise<number> =>
  page.evaluate(
    async ([target, body]) => {
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams(body),
        redirect: 'manual',
      });
      return answer.type === 'opaqueredirect' ? 303 : answer.status;
    },
    [url, fields] as const,
  );
