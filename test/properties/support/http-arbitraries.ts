import fc from 'fast-check';
import { PLACEMENT_STATUSES } from '../../../functions/core/model/placement.js';
import { REQUIREMENT_CODES } from '../../../functions/core/model/requirement-code.js';
import type { HttpRequest } from '../../handlers/support/api-gateway-event.js';
import { HANDLER_ENVIRONMENT } from '../../handlers/support/handler-environment.js';

/** One HTTP request as a client could send it, before API Gateway turns it into an event. */
export interface RequestCase {
  method: string;
  /** The raw path, as sent (percent-encoding kept). */
  path: string;
  /** The raw query string, without `?` ('' for none). */
  query: string;
  headers: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
}

export interface BodyCase {
  body?: string;
  isBase64Encoded: boolean;
}

export const toHttpRequest = (request: RequestCase): HttpRequest => ({
  method: request.method,
  path: request.query === '' ? request.path : `${request.path}?${request.query}`,
  headers: request.headers,
  ...(request.body === undefined ? {} : { body: request.body }),
  isBase64Encoded: request.isBase64Encoded,
});

/** The path API Gateway hands the function: everything before the first `?`. */
export const rawPathOf = (request: RequestCase): string => toHttpRequest(request).path.split('?')[0] ?? '';

// ---------------------------------------------------------------------------------------------
// Text

const TRICKY_PIECES = [
  '../',
  '..',
  '/',
  '%2F',
  '%2f',
  '%2e%2e%2f',
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  '%C0%AF',
  '\u0000',
  '#',
  '?',
  '&',
  '=',
  '+',
  ' ',
  '\\',
  '<script>alert(1)</script>',
  '"',
  "'",
  '`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is one of the tricky inputs
  '${x}',
  '__proto__',
  'constructor',
  '\u202e',
  '\ufeff',
  '\u2028',
  '\u{1F600}',
  'é',
  'İ',
  'ß',
  '\r\n',
  '\t',
  'null',
  'NaN',
  '-1',
  '1e309',
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: controlChar },
);

/** Text with printable ASCII, any unicode, lone surrogates, control characters and traversal/encoding tricks. */
export const trickyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: textUnit, maxLength });

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates become U+FFFD, as a client would send). */
export const percentEncode = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && UNRESERVED.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/** A string of `char` taking about `bytes` bytes of UTF-8. */
const textOfBytes = (char: string, bytes: number) =>
  char.repeat(Math.max(0, Math.floor(bytes / Buffer.byteLength(char, 'utf8'))));

const WIDE_CHARS = ['a', 'é', '€', '\u{1F600}'] as const;

/** Bodies within a few bytes of the 64 KB limit, on either side, in one- to four-byte characters. */
export const nearLimitBody: fc.Arbitrary<string> = fc
  .record({
    bytes: fc.integer({ min: 64 * 1024 - 48, max: 64 * 1024 + 48 }),
    char: fc.constantFrom(...WIDE_CHARS),
    shape: fc.constantFrom('raw', 'json-string', 'json-field'),
  })
  .map(({ bytes, char, shape }) => {
    if (shape === 'raw') return textOfBytes(char, bytes);
    if (shape === 'json-string') return JSON.stringify(textOfBytes(char, bytes - 2));
    return JSON.stringify({ name: textOfBytes(char, bytes - 11) });
  });

/** A string field far over every length limit (but small enough to fit a 64 KB body). */
export const longText: fc.Arbitrary<string> = fc
  .record({ length: fc.integer({ min: 201, max: 12_000 }), char: fc.constantFrom(...WIDE_CHARS, ' ') })
  .map(({ length, char }) => char.repeat(length));

const deeplyNested: fc.Arbitrary<string> = fc
  .record({ depth: fc.integer({ min: 1, max: 12_000 }), kind: fc.constantFrom('array', 'object') })
  .map(({ depth, kind }) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`,
  );

/** Any JS value a JSON body could carry, or not (fc.anything), with exotic shapes; `undefined` drops the field. */
export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: trickyText(30) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true }) },
  { weight: 1, arbitrary: longText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      null,
      0,
      -1,
      1.5,
      Number.POSITIVE_INFINITY,
      -0,
      Number.MAX_SAFE_INTEGER + 2,
      '',
      ' ',
      true,
      [],
      {},
    ),
  },
);

/** Raw bodies of any kind: none, empty, JSON of anything, broken JSON, forms, unicode, deep nesting, near 64 KB. */
export const anyRawBody: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.json({ maxDepth: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true })
      .map((value) => JSON.stringify(value)),
  },
  { weight: 2, arbitrary: trickyText(200) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(trickyText(12), trickyText(30)), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'null',
      'true',
      '0',
      '1e309',
      '"text"',
      '[]',
      '{}',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{',
      '\ufeff{}',
      '{"a":1,"a":2}',
      'NaN',
      'undefined',
      '%E0%A4%A',
      'a=%E0%A4%A&b=%',
      '__proto__=x&constructor=y&toString=z',
    ),
  },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: nearLimitBody },
);

/** Sends a raw body as is, base64-encoded (as API Gateway does for binary), or as garbage flagged base64. */
export const bodyCase = (raw: fc.Arbitrary<string | undefined>): fc.Arbitrary<BodyCase> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: raw.map((body) => ({ ...(body === undefined ? {} : { body }), isBase64Encoded: false })),
    },
    {
      weight: 2,
      arbitrary: raw.map((body) => ({
        ...(body === undefined ? {} : { body: Buffer.from(body, 'utf8').toString('base64') }),
        isBase64Encoded: true,
      })),
    },
    { weight: 1, arbitrary: trickyText(80).map((body) => ({ body, isBase64Encoded: true })) },
  );

/** A JSON body of a valid-looking object, or the same object as a form post. */
export const objectBodyCase = (fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodyCase> =>
  bodyCase(
    fc.oneof(
      { weight: 4, arbitrary: fields.map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fields.map(toFormBody) },
    ),
  );

/** An object as `application/x-www-form-urlencoded` (arrays as repeated keys, other values as text). */
export const toFormBody = (fields: Record<string, unknown>): string => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      form.append(key, typeof item === 'string' ? item : (JSON.stringify(item) ?? ''));
    }
  }
  return form.toString();
};

/** A field that is usually valid and sometimes anything at all (or missing, via fc.record's optional keys). */
export const usually = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wildValue });

// ---------------------------------------------------------------------------------------------
// Domain-shaped values

export const requirementCode = fc.constantFrom(...REQUIREMENT_CODES);
export const placementStatus = fc.constantFrom(...PLACEMENT_STATUSES);

const dayMs = 86_400_000;
const dateBetween = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / dayMs, max: Date.parse(to) / dayMs })
    .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));

/**
 * Calendar dates as the API accepts them (YYYY-MM-DD, years 1900-2199), mostly near the
 * test's 2030, sometimes at the far ends of the range.
 */
export const calendarDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: dateBetween('2028-01-01', '2032-12-31') },
  { weight: 1, arbitrary: dateBetween('1900-01-01', '2199-12-31') },
  { weight: 1, arbitrary: dateBetween('1900-01-01', '1901-12-31') },
  { weight: 1, arbitrary: dateBetween('2198-01-01', '2199-12-31') },
);

/** A rotation's start and end (start ≤ end), anywhere the API accepts, often both near one end of the range. */
export const rotationDates: fc.Arbitrary<{ startDate: string; endDate: string }> = fc
  .oneof(
    { weight: 2, arbitrary: fc.tuple(calendarDate, calendarDate) },
    {
      weight: 1,
      arbitrary: fc.tuple(dateBetween('1900-01-01', '1900-12-31'), dateBetween('1900-01-01', '1900-12-31')),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(dateBetween('2199-01-01', '2199-12-31'), dateBetween('2199-01-01', '2199-12-31')),
    },
  )
  .map((dates) => {
    const [startDate = '', endDate = ''] = dates.sort();
    return { startDate, endDate };
  });

/** Dates the API must refuse: wrong shapes, impossible days, other types. */
export const badDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '0000-01-01',
    '1899-12-31',
    '2200-01-01',
    '9999-12-31',
    '2030-02-30',
    '2029-02-29',
    '2030-13-01',
    '2030-00-10',
    '30-04-01',
    '2030-4-1',
    ' 2030-04-01x',
  ),
  fc.constantFrom('2030-04-01T00:00:00Z', '+002030-04-01', '10000-01-01', '-0001-01-01', '２０３０-04-01'),
  wildValue,
);

export const emailish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.emailAddress() },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a@b', 'a@@b.example', '@b.example', 'a b@c.example', 'A@B.EXAMPLE'),
  },
  { weight: 1, arbitrary: trickyText(30).map((text) => `${text}@example.org`) },
  { weight: 1, arbitrary: wildValue },
);

/** Text fields: short and plausible, at the length limits, or tricky. */
export const nameText = (max = 200): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(max, max + 1).map((length) => 'x'.repeat(length)) },
    { weight: 1, arbitrary: trickyText(40) },
  );

// ---------------------------------------------------------------------------------------------
// Requests

const segmentTricks = fc.constantFrom(
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '..%252F',
  '%2F',
  'a%2Fb',
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '%20',
  '+',
  '',
);

const longSegment = fc.oneof(
  fc.integer({ min: 1_000, max: 9_000 }).map((length) => 'a'.repeat(length)),
  fc.integer({ min: 300, max: 1_400 }).map((count) => '%C3%A9'.repeat(count)),
  fc.integer({ min: 300, max: 1_000 }).map((count) => '%E2%82%AC'.repeat(count)),
  fc.integer({ min: 300, max: 3_000 }).map((count) => '\u20ac'.repeat(count)),
);

/** One path segment: usually one of `known` (real ids and tokens), else traversal, encodings, unicode, huge. */
export const pathSegment = (known: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 20, arbitrary: known },
    { weight: 2, arbitrary: trickyText(30).map(percentEncode) },
    { weight: 2, arbitrary: trickyText(30) },
    { weight: 2, arbitrary: segmentTricks },
    { weight: 1, arbitrary: longSegment },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^pl_[a-z2-7]{26}$/) },
  );

/** A path built from a route template, sometimes with an extra slash, a doubled one or a suffix. */
export const routePath = (template: (segment: string) => string, segment: fc.Arbitrary<string>) =>
  fc
    .tuple(
      segment,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('/', '//', '/..', '/extra', '%2F') },
      ),
    )
    .map(([value, suffix]) => `${template(value)}${suffix}`);

/** A wholly arbitrary path. */
export const arbitraryPath: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(trickyText(12), segmentTricks), { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
  trickyText(40),
  fc.constantFrom('', '/', '//', '/..', '/%2e%2e/%2e%2e', '/./sites/', '/sites', '/portal', '/review'),
);

export const httpMethod = (usual: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...usual) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'GET',
        'POST',
        'PUT',
        'DELETE',
        'PATCH',
        'HEAD',
        'OPTIONS',
        'get',
        'post',
        '',
      ),
    },
    { weight: 1, arbitrary: trickyText(8) },
  );

const contentType = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=UTF-8',
      'Application/X-WWW-Form-URLEncoded',
      'text/plain',
      'text/html',
      'multipart/form-data; boundary=----abc',
      'application/octet-stream',
      'application/xml',
      '',
      ';',
      'application/json, application/x-www-form-urlencoded',
    ),
  },
  { weight: 1, arbitrary: trickyText(40) },
);

const accept = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json',
      'text/html',
      '*/*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'application/json;q=0.1, text/html',
      'application/jsonx',
      '',
    ),
  },
  { weight: 1, arbitrary: trickyText(40) },
);

const headerName = fc.oneof(
  fc.constantFrom(
    'x-forwarded-for',
    'cookie',
    'authorization',
    'content-length',
    'content-encoding',
    'transfer-encoding',
    'origin',
    'referer',
    'x-amz-date',
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);

/** Headers with any content type (form, JSON, garbage), any Accept, and a few others. */
export const httpHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      extra: fc.dictionary(headerName, trickyText(40), { maxKeys: 3 }),
      'content-type': contentType,
      accept,
    },
    { requiredKeys: ['extra'] },
  )
  .map(({ extra, ...known }) => ({ ...extra, ...known }));

/** A header set whose content type matches how the body was encoded (JSON or form). */
export const formHeaders = (accepting: fc.Arbitrary<string> = accept) =>
  fc.record({ 'content-type': fc.constant('application/x-www-form-urlencoded'), accept: accepting });

const cursorValue = fc.oneof(
  fc
    .oneof(trickyText(40), fc.jsonValue({ maxDepth: 2 }))
    .map((before) => Buffer.from(JSON.stringify({ before }), 'utf8').toString('base64url')),
  fc
    .jsonValue({ maxDepth: 2 })
    .map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8').toString('base64url')),
  fc.base64String({ maxLength: 80 }),
  fc.integer({ min: 1_000, max: 1_100 }).map((length) => 'A'.repeat(length)),
);

const queryValue = fc.oneof(
  { weight: 3, arbitrary: trickyText(20) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...PLACEMENT_STATUSES,
      'cleared',
      'st-marys',
      'riverside-clinic',
      '0',
      '1',
      '25',
      '100',
      '101',
      '-1',
      '1e2',
      '007',
      ' 5 ',
      '1.5',
      '0x10',
      '999999999999999999999',
      '',
    ),
  },
  { weight: 2, arbitrary: cursorValue },
  { weight: 1, arbitrary: longText },
);

/** Query strings: none, known parameters with any values, repeated keys, percent garbage. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom('siteId', 'status', 'requirementCode', 'limit', 'cursor'), trickyText(10)),
          queryValue,
        ),
        {
          maxLength: 6,
        },
      )
      .map((pairs) => pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&')),
  },
  { weight: 1, arbitrary: trickyText(40).map((text) => text.replaceAll('#', '')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%E0%A4%A',
      'a=%',
      '=',
      '&&&',
      'limit',
      'limit=',
      'cursor=%ZZ',
      'status=CLEARED&status=FAILED',
    ),
  },
);

/** Long repeated runs shown as `«unit»×count`, so a counterexample stays readable and exact. */
const compactText = (text: string): string =>
  text.replace(/(.{1,12}?)\1{9,}/gs, (run: string, unit: string) => `«${unit}»×${run.length / unit.length}`);

/** A request as fast-check prints it in a counterexample. */
export const describeRequest = (request: RequestCase): string =>
  JSON.stringify(request, (_key, value) => (typeof value === 'string' ? compactText(value) : value));

/** Gives a request a compact form in fast-check's counterexamples. */
export const printable = (request: RequestCase): RequestCase =>
  Object.defineProperty(request, fc.toStringMethod, {
    value: () => describeRequest(request),
    enumerable: false,
  });

/** A request: method, path, query and headers as generated, body from `body`. */
export const requestCase = (parts: {
  method: fc.Arbitrary<string>;
  path: fc.Arbitrary<string>;
  body: fc.Arbitrary<BodyCase>;
  headers?: fc.Arbitrary<Record<string, string>>;
  query?: fc.Arbitrary<string>;
}): fc.Arbitrary<RequestCase> =>
  fc
    .record({
      method: parts.method,
      path: parts.path,
      query: parts.query ?? queryString,
      headers: parts.headers ?? httpHeaders,
      body: parts.body,
    })
    .map(({ body, ...rest }) => printable({ ...rest, ...body }));

/** Reasons: plausible, at and over the 2,000-character limit, multi-line, blank or tricky. */
export const reasonText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom(2000, 2001).map((length) => 'r'.repeat(length)) },
  { weight: 1, arbitrary: trickyText(60) },
  { weight: 1, arbitrary: fc.constantFrom('   ', 'line one\nline two\ttabbed', '\r\n') },
);

/** The origin the handlers are configured with (their public base URL): the link pages' own. */
export const OWN_ORIGIN = new URL(HANDLER_ENVIRONMENT.PUBLIC_BASE_URL).origin;

/**
 * What a POST from the link's own page carries: its origin, or `Origin: null` (a form under the pages'
 * `Referrer-Policy: no-referrer`), with `Sec-Fetch-Site: same-origin`; or nothing (an older browser, curl).
 */
export const sameOriginHeaders: fc.Arbitrary<Record<string, string>> = fc.constantFrom<
  Record<string, string>
>(
  { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin' },
  { origin: 'null', 'sec-fetch-site': 'same-origin' },
  { origin: OWN_ORIGIN },
  {},
);

/** An origin that is not the pages' own: any site, the same host on another scheme or port, a subdomain. */
const foreignOrigin = fc.oneof(
  fc
    .webUrl()
    .map((url) => new URL(url).origin)
    // Neither the public base URL's origin nor the host the test events are addressed to.
    .filter((origin) => origin !== OWN_ORIGIN && new URL(origin).host !== 'api.onboarding.example'),
  fc.constantFrom(
    OWN_ORIGIN.replace(/^https:/, 'http:'),
    `${OWN_ORIGIN}:8443`,
    OWN_ORIGIN.replace('://', '://evil.'),
    `${OWN_ORIGIN}.attacker.example`,
  ),
);

/** What a browser sends with a POST from another website's page: a foreign Origin, Sec-Fetch-Site, or both. */
export const crossSiteHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  foreignOrigin.map((origin) => ({ origin })),
  fc.constant({ 'sec-fetch-site': 'cross-site' }),
  foreignOrigin.map((origin) => ({ origin, 'sec-fetch-site': 'cross-site' })),
  fc.constant({ origin: OWN_ORIGIN, 'sec-fetch-site': 'cross-site' }),
  fc.constant({ origin: 'null', 'sec-fetch-site': 'cross-site' }),
);
