import { describe, expect, it } from 'vitest';
import { BrowserWalk, formAction } from '../staff-auth/support/browser-walk.js';
import { cloudForFile } from './support/cloud-for-file.js';

const cloud = cloudForFile();

/**
 * Signs in as a browser would, with fetch: the console sends the browser to the local provider, whose
 * own login page takes the demo account's email and password, and the provider's redirect back to the
 * console's callback sets the session cookie. Returns the walk (its cookie jar holds the session).
 */
async function signInAs(role: 'coordinator' | 'reviewer' | 'viewer'): Promise<BrowserWalk> {
  const { console: consoleUrl } = cloud.cloud.endpoints;
  const account = cloud.cloud.staffAccounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No ${role} demo account.`);
  const browser = new BrowserWalk();
  const start = `${consoleUrl}/auth/sign-in?returnTo=${encodeURIComponent('/console')}`;
  const callback = `${consoleUrl}/auth/callback`;
  const toProvider = await browser.follow(await browser.request(start), start, callback);
  expect(toProvider.url.href.startsWith(cloud.cloud.endpoints.idp)).toBe(true);
  const loginPage = await toProvider.response.text();
  const posted = await browser.request(formAction(loginPage, toProvider.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: account.email, password: account.password }),
  });
  const back = await browser.follow(posted, toProvider.url, callback);
  expect(back.url.href.startsWith(callback)).toBe(true);
  const answered = await browser.request(back.url);
  expect(answered.status).toBe(303);
  expect(new URL(answered.headers.get('location') ?? '', consoleUrl).pathname).toBe('/console');
  return browser;
}

describe('signing in to the console through the local cloud', () => {
  it('signs a viewer in through the real local provider and reads the dashboard as JSON', async () => {
    const browser = await signInAs('viewer');
    const response = await browser.request(cloud.cloud.endpoints.console, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    const dashboard = (await response.json()) as {
      byStatus: Record<string, number>;
      queue: { size: number };
      bySite: unknown[];
    };
    expect(dashboard.byStatus).toHaveProperty('AWAITING_DOCUMENTS');
    expect(typeof dashboard.queue.size).toBe('number');
    expect(Array.isArray(dashboard.bySite)).toBe(true);
  });

  it('sends the dashboard page brotli-compressed when the browser accepts br', async () => {
    const browser = await signInAs('coordinator');
    const response = await browser.request(cloud.cloud.endpoints.console, {
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toContain('Signed in as');
  });

  it('refuses the dashboard without a session: 401 for JSON', async () => {
    const response = await fetch(cloud.cloud.endpoints.console, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
  });
});
