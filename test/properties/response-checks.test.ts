import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../handlers/support/api-gateway-event.js';
import { HANDLER_ENVIRONMENT } from '../handlers/support/handler-environment.js';
import type { RequestCase } from './support/http-arbitraries.js';
import { expectErrorContract, expectNoLeaks } from './support/response-checks.js';
import { SECRET_TASK_TOKEN } from './support/seeded-world.js';

/** The checks the properties rely on must catch what they claim to catch. */

const request: RequestCase = {
  method: 'GET',
  path: '/sites/st-marys',
  query: '',
  headers: {},
  isBase64Encoded: false,
};

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

const page = (statusCode: number, cacheControl = 'no-store'): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': cacheControl },
  body: '<!doctype html><p>We could not find this page</p>',
});

describe('expectNoLeaks', () => {
  it.each([
    ['a task token', json(200, { note: `token ${SECRET_TASK_TOKEN}` })],
    [
      'the table name',
      json(500, { error: { message: `Table ${HANDLER_ENVIRONMENT.TABLE_NAME} not found` } }),
    ],
    [
      'a JSON-escaped stack trace',
      json(400, {
        error: { message: 'boom\n    at parse (/var/task/index.mjs:1:2)' },
      }),
    ],
    ['an internal error name', json(409, { error: { message: 'ConditionalCheckFailedException' } })],
    ['a source path', { ...page(404), body: '<p>/work/main/functions/handlers/portal.ts</p>' }],
  ])('catches %s', (_what, response) => {
    expect(() => expectNoLeaks(request, response)).toThrow();
  });

  it('lets an echoed id through: text the request carried is not a leak', () => {
    const echoing = { ...request, path: '/sites/node_modules%2FTypeError' };
    expect(() =>
      expectNoLeaks(
        echoing,
        json(404, { error: { code: 'NOT_FOUND', message: 'No site node_modules/TypeError.' } }),
      ),
    ).not.toThrow();
  });
});

describe('expectErrorContract', () => {
  it.each([
    ['a code outside docs/design.md', json(400, { error: { code: 'BAD_INPUT', message: 'x' } })],
    ['a code with the wrong status', json(400, { error: { code: 'NOT_FOUND', message: 'x' } })],
    ['VALIDATION_FAILED without details', json(400, { error: { code: 'VALIDATION_FAILED', message: 'x' } })],
    [
      'a field beyond code, message, details',
      json(404, { error: { code: 'NOT_FOUND', message: 'x', stack: 'y' } }),
    ],
    ['a body not wrapped in "error"', json(404, { code: 'NOT_FOUND', message: 'x' })],
    ['a cacheable error', { ...json(404, { error: { code: 'NOT_FOUND', message: 'x' } }), headers: {} }],
  ])('rejects %s', (_what, response) => {
    expect(() => expectErrorContract(response, { pagesAllowed: false })).toThrow();
  });

  it('takes an HTML error page only where pages are allowed, and only uncached', () => {
    expect(() => expectErrorContract(page(404), { pagesAllowed: true })).not.toThrow();
    expect(() => expectErrorContract(page(404), { pagesAllowed: false })).toThrow();
    expect(() => expectErrorContract(page(410, 'max-age=60'), { pagesAllowed: true })).toThrow();
  });

  it('takes a documented error', () => {
    const response = json(400, {
      error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'startDate', message: 'y' }] },
    });
    expect(() => expectErrorContract(response, { pagesAllowed: false })).not.toThrow();
  });
});
