import { expect } from 'vitest';
import { type HttpResponse, headerOf } from '../../handlers/support/api-gateway-event.js';
import type { RequestCase } from './http-arbitraries.js';
import { SECRETS } from './seeded-world.js';

/** docs/design.md, "HTTP API": the error codes and the status each one goes with. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  LINK_EXPIRED: 410,
  ALREADY_DECIDED: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

/** Signs of an internal detail in a response. */
const LEAK_PATTERNS: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'a stack frame', pattern: /^\s*at\s+\S.*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)\s*$/m },
  { what: 'an "Error:" line', pattern: /\b[A-Z][A-Za-z]*Error: / },
  { what: 'a source path', pattern: /\/work\/|node_modules|file:\/\/|\.(?:ts|js|mjs|cjs):\d+/ },
  {
    what: 'an internal error name',
    pattern:
      /\b(?:ConditionalCheckFailedException|ConcurrentUpdateError|TransientDependencyError|IllegalTransitionError|ConfigurationError|ValidationException|ResourceNotFoundException|ProvisionedThroughputExceededException|ThrottlingException|ServiceException|TypeError|RangeError|ReferenceError|SyntaxError|URIError|DynamoDB)\b/,
  },
];

/** The string leaves of a JSON text (so an escaped stack trace is seen unescaped), or nothing. */
const jsonStrings = (text: string): string[] => {
  try {
    const leaves: string[] = [];
    const visit = (value: unknown): void => {
      if (typeof value === 'string') leaves.push(value);
      else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          leaves.push(key);
          visit(item);
        }
      }
    };
    visit(JSON.parse(text));
    return leaves;
  } catch {
    return [];
  }
};

const tryDecode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** Every form the request's text can take after decoding: what the service could legitimately echo. */
const requestTexts = (request: RequestCase): string[] => {
  const texts = [request.method, request.path, request.query, ...Object.values(request.headers)];
  texts.push(...request.path.split('/').map(tryDecode), tryDecode(request.path));
  texts.push(...new URLSearchParams(request.query).values());
  if (request.body !== undefined) {
    const body = request.isBase64Encoded
      ? Buffer.from(request.body, 'base64').toString('utf8')
      : request.body;
    texts.push(request.body, body, ...jsonStrings(body));
    for (const [key, value] of new URLSearchParams(body)) texts.push(key, value);
  }
  return texts;
};

/** What a response shows: body, header values, and the strings inside a JSON body. */
const responseTexts = (response: HttpResponse): string[] => [
  response.body ?? '',
  ...Object.values(response.headers ?? {}).map(String),
  ...jsonStrings(response.body ?? ''),
];

/**
 * No secret (task token, failure cause, table name, credentials) anywhere in the response,
 * and no stack trace, source path or internal error name unless the request itself carried
 * that text (an echoed id is not a leak).
 */
export const expectNoLeaks = (request: RequestCase, response: HttpResponse): void => {
  const shown = responseTexts(response);
  const sent = requestTexts(request);
  for (const secret of SECRETS) {
    const leaked = shown.some((text) => text.includes(secret)) && !sent.some((text) => text.includes(secret));
    expect(leaked, `the response shows the secret ${JSON.stringify(secret)}`).toBe(false);
  }
  for (const { what, pattern } of LEAK_PATTERNS) {
    const found = shown.find((text) => pattern.test(text));
    if (found === undefined || sent.some((text) => pattern.test(text))) continue;
    expect.fail(`the response shows ${what}: ${JSON.stringify(found.match(pattern)?.[0])}`);
  }
};

/** No log line carries a task token or the stored failure cause. */
export const expectNoSecretsInLogs = (logged: readonly string[]): void => {
  for (const line of logged) {
    for (const secret of [SECRETS[0], SECRETS[1]]) {
      expect(line.includes(secret), `a log line shows ${JSON.stringify(secret)}: ${line}`).toBe(false);
    }
  }
};

export const isHtml = (response: HttpResponse) =>
  (headerOf(response, 'content-type') ?? '').toLowerCase().startsWith('text/html');

/** Never a 5xx, whatever came in; the message says what the function logged. */
export const expectNoServerError = (response: HttpResponse, logged: readonly string[]): void => {
  expect(
    response.statusCode,
    `answered ${response.statusCode} ${response.body?.slice(0, 200)}; logged ${logged.join(' | ').slice(0, 400)}`,
  ).toBeLessThan(500);
};

/**
 * A 4xx is `{"error": {"code", "message", "details"?}}` with a code from docs/design.md whose status
 * it carries, or — where `pagesAllowed` (link pages, form posts) — an HTML page; either way
 * it is not cached.
 */
export const expectErrorContract = (response: HttpResponse, options: { pagesAllowed: boolean }): void => {
  const status = response.statusCode;
  if (status < 400) return;
  expect(headerOf(response, 'cache-control'), `a ${status} must not be cached`).toBe('no-store');
  if (isHtml(response)) {
    expect(options.pagesAllowed, `a ${status} HTML page where only JSON errors belong`).toBe(true);
    return;
  }
  expect(headerOf(response, 'content-type') ?? '').toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  expect(Object.keys(body)).toEqual(['error']);
  const { code, message, details, ...rest } = body.error ?? {};
  expect(rest, 'error fields beyond code, message and details').toEqual({});
  expect(Object.keys(ERROR_STATUS), `unknown error code ${code}`).toContain(code);
  expect(status, `${code} goes with ${ERROR_STATUS[code]}`).toBe(ERROR_STATUS[code]);
  expect(typeof message === 'string' && message.length > 0, 'an error message').toBe(true);
  if (code === 'VALIDATION_FAILED') expect(details, 'VALIDATION_FAILED names the fields').toBeDefined();
  if (details !== undefined) {
    expect(Array.isArray(details) && details.length > 0, 'details is a non-empty list').toBe(true);
    for (const detail of details) {
      expect(Object.keys(detail).sort()).toEqual(['message', 'path']);
      expect(typeof detail.path === 'string' && detail.path.length > 0, 'a detail names its field').toBe(
        true,
      );
      expect(typeof detail.message).toBe('string');
    }
  }
};

/** A success is one of the statuses the route documents, and a JSON success parses. */
export const expectDocumentedSuccess = (response: HttpResponse, statuses: readonly number[]): void => {
  if (response.statusCode >= 400) return;
  expect(statuses, `undocumented status ${response.statusCode}`).toContain(response.statusCode);
  if (!isHtml(response)) expect(() => JSON.parse(response.body)).not.toThrow();
};
