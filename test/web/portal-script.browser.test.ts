import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderPortalPage } from '../../functions/web/portal-page.js';
import { hasChromium, launchChromium } from '../browser/support/chromium.js';
import { portalView } from './fixtures.js';

/**
 * Runs the portal page's script in a real browser, under the page's real CSP, against a fake
 * portal API and a fake storage endpoint. Needs Chromium (Debian: `apt-get install chromium`);
 * set CHROMIUM_PATH if it is not /usr/bin/chromium.
 */

interface Recorded {
  uploadRequests: Array<Record<string, unknown>>;
  storageFieldOrder: string[][];
  statusCalls: number;
  cspViolations: string[];
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

describe.skipIf(!hasChromium)('portal page script (in Chromium)', () => {
  let browser: Browser;
  let portal: Server;
  let storage: Server;
  let portalOrigin: string;
  let recorded: Recorded;
  /** What `POST /uploads` answers, and what the uploaded requirement becomes after processing. */
  let uploadAnswer: { status: number; body: unknown };
  let processed: { status: string; reason?: string };

  beforeAll(async () => {
    storage = createServer(async (request, response) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      if (request.method === 'OPTIONS') {
        // The progress listener makes the upload a preflighted CORS request (as with S3).
        response.writeHead(204, { 'Access-Control-Allow-Methods': 'POST' }).end();
        return;
      }
      const body = (await readBody(request)).toString('latin1');
      recorded.storageFieldOrder.push([...body.matchAll(/; name="([^"]+)"/g)].map((match) => match[1] ?? ''));
      response.writeHead(204).end();
    });
    const storageOrigin = await listen(storage);
    portal = createServer(async (request, response) => {
      const view = portalView({ storageOrigin });
      const json = (status: number, value: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (request.url === '/portal/tok123' && request.method === 'GET') {
        const page = renderPortalPage(view);
        response.writeHead(200, page.headers).end(page.html);
      } else if (request.url === '/portal/tok123/uploads' && request.method === 'POST') {
        recorded.uploadRequests.push(JSON.parse((await readBody(request)).toString()));
        const answer =
          uploadAnswer.status === 201
            ? {
                documentId: 'doc-1',
                upload: {
                  url: `${storageOrigin}/bucket`,
                  fields: { key: 'placements/p1/doc-1', Policy: 'p', 'X-Amz-Signature': 's' },
                },
              }
            : uploadAnswer.body;
        json(uploadAnswer.status, answer);
      } else if (request.url === '/portal/tok123/status') {
        recorded.statusCalls += 1;
        const uploaded = recorded.uploadRequests.at(-1)?.requirementCode;
        json(200, {
          placementId: 'p1',
          status: 'AWAITING_DOCUMENTS',
          requirements: view.requirements.map(({ code, title, status, reason }) =>
            code === uploaded && recorded.statusCalls >= 2
              ? { code, title, ...processed }
              : { code, title, status, ...(reason ? { reason } : {}) },
          ),
        });
      } else {
        response.writeHead(404).end();
      }
    });
    portalOrigin = await listen(portal);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    portal?.close();
    storage?.close();
  });

  beforeEach(() => {
    recorded = { uploadRequests: [], storageFieldOrder: [], statusCalls: 0, cspViolations: [] };
    uploadAnswer = { status: 201, body: undefined };
    processed = { status: 'ACCEPTED' };
  });

  const openPortal = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) recorded.cspViolations.push(message.text());
    });
    await page.goto(`${portalOrigin}/portal/tok123`);
    return page;
  };

  const fill = async (
    page: Page,
    code: string,
    file: { name: string; mimeType: string; buffer: Buffer },
    date: string,
  ) => {
    const form = page.locator(`form[data-requirement="${code}"]`);
    await form.locator('input[type="file"]').setInputFiles(file);
    await form.locator('input[type="date"]').fill(date);
    await form.locator('button[type="submit"]').click();
    return form;
  };

  const pdf = (name = 'card.pdf', size = 1000) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(size, 0x25),
  });

  it('enables the upload buttons and runs without any CSP violation', async () => {
    const page = await openPortal();
    await expect(
      page.locator('form[data-requirement="BLS"] button[type="submit"]').isEnabled(),
    ).resolves.toBe(true);
    await expect(
      page.locator('form[data-requirement="BLS"] [data-role="needs-js"]').isHidden(),
    ).resolves.toBe(true);
    expect(recorded.cspViolations).toEqual([]);
    await page.close();
  });

  it('refuses a file that is not PDF, PNG, JPEG or HEIC, says how to fix it, and sends nothing', async () => {
    const page = await openPortal();
    await fill(
      page,
      'BLS',
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') },
      '2027-05-31',
    );
    await expect(page.locator('#req-BLS-file-error').textContent()).resolves.toContain(
      'is not a PDF, PNG, JPG or HEIC file. Save or scan the document in one of those formats',
    );
    await expect(page.locator('#req-BLS-file').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(recorded.uploadRequests).toEqual([]);
    await page.close();
  });

  it('refuses a file over 10 MB', async () => {
    const page = await openPortal();
    // Made in the page: sending 10 MB through the browser protocol would only slow the test down.
    await page.evaluate(`{
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' }));
      document.querySelector('#req-BLS-file').files = files.files;
    }`);
    await page.locator('#req-BLS-date').fill('2027-05-31');
    await page.locator('form[data-requirement="BLS"] button[type="submit"]').click();
    await expect(page.locator('#req-BLS-file-error').textContent()).resolves.toContain(
      'over the 10 MB limit',
    );
    expect(recorded.uploadRequests).toEqual([]);
    await page.close();
  });

  it('refuses an expiry date before the placement ends', async () => {
    const page = await openPortal();
    await fill(page, 'BLS', pdf(), '2026-10-01');
    await expect(page.locator('#req-BLS-date-error').textContent()).resolves.toContain(
      'expires before your placement ends on 11 December 2026',
    );
    expect(recorded.uploadRequests).toEqual([]);
    await page.close();
  });

  it('refuses a date issued in the future', async () => {
    const page = await openPortal();
    await fill(page, 'TB', pdf(), '2999-01-01');
    await expect(page.locator('#req-TB-date-error').textContent()).resolves.toContain(
      'cannot be in the future',
    );
    expect(recorded.uploadRequests).toEqual([]);
    await page.close();
  });

  it('uploads, sends the presigned fields before the file, then shows the accepted result without a reload', async () => {
    const page = await openPortal();
    await fill(page, 'BLS', pdf('bls card.pdf', 2048), '2027-05-31');
    await page.locator('li[data-code="BLS"][data-status="ACCEPTED"]:not([data-checking])').waitFor();
    expect(recorded.uploadRequests).toEqual([
      {
        requirementCode: 'BLS',
        fileName: 'bls card.pdf',
        contentType: 'application/pdf',
        size: 2048,
        expiresOn: '2027-05-31',
      },
    ]);
    expect(recorded.storageFieldOrder).toEqual([['key', 'Policy', 'X-Amz-Signature', 'file']]);
    await expect(page.locator('li[data-code="BLS"] [data-role="badge-text"]').textContent()).resolves.toBe(
      'Accepted',
    );
    await expect(page.locator('#progress-summary').textContent()).resolves.toBe('3 of 4 done');
    await expect(page.locator('#placement-status').textContent()).resolves.toContain(
      'Upload the documents marked Missing or Not accepted',
    );
    await expect(page.locator('form[data-requirement="BLS"]').isHidden()).resolves.toBe(true);
    await page.locator('#live-status', { hasText: 'accepted' }).waitFor({ state: 'attached' });
    await expect(page.locator('#live-status').textContent()).resolves.toContain(
      'BLS certification: accepted.',
    );
    expect(recorded.cspViolations).toEqual([]);
    await page.close();
  });

  it('shows why an uploaded document was not accepted, and lets the student try again', async () => {
    processed = { status: 'REJECTED', reason: 'We could not read the date. Take a sharper photo.' };
    const page = await openPortal();
    const form = await fill(
      page,
      'TB',
      { name: 'tb.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(500, 1) },
      '2026-07-01',
    );
    await form.locator('[data-role="error"]', { hasText: 'not accepted' }).waitFor();
    await expect(form.locator('[data-role="error"]').textContent()).resolves.toContain(
      'We could not read the date. Take a sharper photo.',
    );
    await expect(page.locator('li[data-code="TB"] [data-role="reason-text"]').textContent()).resolves.toBe(
      'We could not read the date. Take a sharper photo.',
    );
    await expect(form.locator('button[type="submit"]').isEnabled()).resolves.toBe(true);
    await page.close();
  });

  it('shows the message of an API error, naming each field by its label', async () => {
    uploadAnswer = {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          details: [{ path: 'expiresOn', message: 'The card expires before the placement ends.' }],
        },
      },
    };
    const page = await openPortal();
    const form = await fill(page, 'BLS', pdf(), '2027-05-31');
    await form.locator('[data-role="error"]', { hasText: 'not valid' }).waitFor();
    await expect(form.locator('[data-role="error"]').textContent()).resolves.toBe(
      'The request is not valid. Expiry date: The card expires before the placement ends.',
    );
    expect(recorded.storageFieldOrder).toEqual([]);
    await page.close();
  });

  it('shows an API date error by the date field, without the YYYY-MM-DD wire format', async () => {
    uploadAnswer = {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'expiresOn: Must be a real date written as YYYY-MM-DD.',
          details: [{ path: 'expiresOn', message: 'Must be a real date written as YYYY-MM-DD.' }],
        },
      },
    };
    const page = await openPortal();
    const form = await fill(page, 'BLS', pdf(), '2027-05-31');
    await form.locator('[data-role="error"]', { hasText: 'real date' }).waitFor();
    await expect(form.locator('[data-role="error"]').textContent()).resolves.toBe(
      'Expiry date: Must be a real date.',
    );
    await expect(page.locator('#req-BLS-date-error').textContent()).resolves.toBe('Must be a real date.');
    await expect(page.locator('#req-BLS-date-error').isVisible()).resolves.toBe(true);
    await expect(page.locator('#req-BLS-date').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/YYYY|MM-DD/);
    await page.close();
  });

  it('writes the dates in a rejection reason out in words, in the checklist and in the error', async () => {
    processed = {
      status: 'REJECTED',
      reason: 'This TB test expires on 2025-07-01, before your rotation ends on 2026-12-11.',
    };
    const page = await openPortal();
    const form = await fill(page, 'TB', pdf(), '2024-07-01');
    await form.locator('[data-role="error"]', { hasText: 'not accepted' }).waitFor();
    const shown = 'This TB test expires on 1 July 2025, before your rotation ends on 11 December 2026.';
    await expect(form.locator('[data-role="error"]').textContent()).resolves.toContain(shown);
    await expect(page.locator('li[data-code="TB"] [data-role="reason-text"]').textContent()).resolves.toBe(
      shown,
    );
    await page.close();
  });

  it('asks for the date by what it is when it is left empty, and for the whole date when it is half typed', async () => {
    const page = await openPortal();
    const form = page.locator('form[data-requirement="TB"]');
    await form.locator('input[type="file"]').setInputFiles(pdf());
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('#req-TB-date-error').textContent()).resolves.toBe(
      'Enter the date printed on the document.',
    );
    // Only the first part (the month, in this browser's en-US order) typed in: the value stays empty.
    await page.locator('#req-TB-date').focus();
    await page.keyboard.type('03');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('#req-TB-date-error').textContent()).resolves.toBe(
      'Enter the whole date issued: day, month and year.',
    );
    expect(recorded.uploadRequests).toEqual([]);
    await page.close();
  });

  it('in a browser without a date picker, says how to type the date and reads "14 March 2025"', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // A text box where the date picker was, as browsers without one render type="date".
    await page.route(`${portalOrigin}/portal/tok123`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll('type="date"', 'type="text"');
      await route.fulfill({ response, body });
    });
    await page.goto(`${portalOrigin}/portal/tok123`);
    await expect(page.locator('#req-TB-date-hint').textContent()).resolves.toContain(
      'Type it as day, month and year, for example 14 March 2025.',
    );
    const form = page.locator('form[data-requirement="TB"]');
    await form.locator('input[type="file"]').setInputFiles(pdf());
    await page.locator('#req-TB-date').fill('03/04/2025');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('#req-TB-date-error').textContent()).resolves.toBe(
      'Enter the date issued as day, month and year, for example 14 March 2025.',
    );
    expect(recorded.uploadRequests).toEqual([]);
    await page.locator('#req-TB-date').fill('14 March 2025');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => recorded.uploadRequests.length).toBe(1);
    expect(recorded.uploadRequests[0]?.issuedOn).toBe('2025-03-14');
    await page.close();
  });

  it('without JavaScript, the page still reads: the checklist, the date hints, and why uploading is off', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto(`${portalOrigin}/portal/tok123`);
    const form = page.locator('form[data-requirement="BLS"]');
    await expect(form.locator('[data-role="needs-js"]').isVisible()).resolves.toBe(true);
    await expect(form.locator('button[type="submit"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#req-BLS-date-hint').textContent()).resolves.toContain(
      'The expiry date printed on the card or policy. It must be on or after 11 December 2026',
    );
    await expect(page.locator('#progress-summary').textContent()).resolves.toBe('2 of 4 done');
    await page.close();
  });
});
