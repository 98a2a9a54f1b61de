import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenApiDocument } from './openapi-document.js';
import { ContractChecker } from './support/contract-checker.js';

/** Answers whatever the test put in `next`: the checker must hold it against the document. */
let next: { status: number; contentType: string; body: string; headers?: Record<string, string> };
let server: Server;
let baseUrl = '';
/** The last request the server received, as it arrived. */
let received: { method: string; contentType?: string; cookie?: string; body: string } | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received = {
        method: request.method ?? '',
        ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
        ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      response.writeHead(next.status, { 'content-type': next.contentType, ...next.headers });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** What every JSON answer of the API carries. */
const JSON_HEADERS = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

const json = (status: number, body: unknown, headers: Record<string, string> = JSON_HEADERS) => {
  next = { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body), headers };
};

const site = {
  siteId: 'st-1',
  name: 'General Hospital',
  adminEmails: ['admin@hospital.example'],
  requirements: ['BLS', { code: 'TB', months: 6 }],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const getSite = (checker: ContractChecker) =>
  checker.send({ routeKey: 'GET /sites/{siteId}', path: '/sites/st-1' });

describe('the contract checker', () => {
  it('passes an answer that fits the document, and records its (route, status)', async () => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    json(200, site);
    await getSite(checker);
    expect(checker.exercised()).toEqual(['GET /sites/{siteId} 200']);
    expect(checker.unexercised()).not.toContain('GET /sites/{siteId} 200');
    expect(checker.unexercised()).toContain('GET /sites/{siteId} 404');
  });

  it.each([
    ['a field the closed view does not have', () => json(200, { ...site, version: 3 })],
    ['a missing required field', () => json(200, { ...site, name: undefined })],
    ['a requirement code outside the catalogue', () => json(200, { ...site, requirements: ['XRAY'] })],
    ['a timestamp that is not a date-time', () => json(200, { ...site, createdAt: 'yesterday' })],
    ['a status the route does not declare', () => json(409, { error: { code: 'CONFLICT', message: 'x' } })],
    [
      'an error code other than the status says',
      () => json(404, { error: { code: 'CONFLICT', message: 'x' } }),
    ],
    ['an error without its message', () => json(404, { error: { code: 'NOT_FOUND' } })],
    [
      'HTML where JSON is declared',
      () => {
        next = { status: 200, contentType: 'text/html', body: '<p>hi</p>' };
      },
    ],
    [
      'a 503 without Retry-After',
      () => json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } }),
    ],
    [
      'an answer that may be cached',
      () => json(200, site, { ...JSON_HEADERS, 'cache-control': 'max-age=60' }),
    ],
    ['an answer without a Referrer-Policy', () => json(200, site, { 'cache-control': 'no-store' })],
  ])('refuses %s', async (_what, answer) => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    answer();
    await expect(getSite(checker)).rejects.toThrow();
    expect(checker.exercised()).toEqual([]);
  });

  it('passes a 503 that carries Retry-After', async () => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    json(
      503,
      { error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } },
      { ...JSON_HEADERS, 'retry-after': '2' },
    );
    await getSite(checker);
    expect(checker.exercised()).toEqual(['GET /sites/{siteId} 503']);
  });

  it.each([
    ["default-src 'none'; script-src 'sha256-x'; frame-ancestors 'none'", true],
    ["default-src 'none'; script-src 'unsafe-inline'; frame-ancestors 'none'", false],
    ["default-src 'none'; script-src 'sha256-x'", false],
  ])(
    'holds a page\'s Content-Security-Policy "%s" to the strict policy: passes = %s',
    async (policy, passes) => {
      const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
      next = {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Portal</title>',
        headers: { ...JSON_HEADERS, 'content-security-policy': policy },
      };
      const answer = checker.send({ routeKey: 'GET /portal/{token}', path: '/portal/abc' });
      if (passes) await answer;
      else await expect(answer).rejects.toThrow();
    },
  );

  it('sends a form body and a cookie, and sees a 303 as a 303 (not followed) with no body', async () => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    next = {
      status: 303,
      contentType: '',
      body: '',
      headers: { ...JSON_HEADERS, location: '/console/signed-out' },
    };
    const answer = await checker.send({
      routeKey: 'POST /console/auth/sign-out',
      path: '/console/auth/sign-out',
      form: { _csrf: 'token', requirements: ['BLS', 'TB'] },
      cookie: 'console-session=abc',
    });
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/console/signed-out']);
    expect(received).toEqual({
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      cookie: 'console-session=abc',
      body: '_csrf=token&requirements=BLS&requirements=TB',
    });
    expect(checker.exercised()).toEqual(['POST /console/auth/sign-out 303']);
  });

  it('refuses a body on an answer the document gives none (a redirect)', async () => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    next = {
      status: 303,
      contentType: 'text/html',
      body: '<p>moved</p>',
      headers: { ...JSON_HEADERS, location: '/console/signed-out' },
    };
    await expect(
      checker.send({ routeKey: 'POST /console/auth/sign-out', path: '/console/auth/sign-out', form: {} }),
    ).rejects.toThrow();
    expect(checker.exercised()).toEqual([]);
  });

  it('refuses a path that is not one of the route it names', async () => {
    const checker = new ContractChecker(readOpenApiDocument(), () => baseUrl);
    json(200, site);
    await expect(
      checker.send({ routeKey: 'GET /sites/{siteId}', path: '/placements/pl_1' }),
    ).rejects.toThrow();
  });
});
