import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_CONTENT_TYPES, MAX_UPLOAD_BYTES } from '../../functions/core/file-signature.js';
import type { handler as PortalHandler } from '../../functions/entries/portal.js';
import { coldStart } from '../handlers/support/handler-environment.js';
import {
  anyRawBody,
  arbitraryPath,
  badDate,
  bodyCase,
  calendarDate,
  crossSiteHeaders,
  httpHeaders,
  httpMethod,
  nameText,
  objectBodyCase,
  pathSegment,
  printable,
  type RequestCase,
  rawPathOf,
  requestCase,
  requirementCode,
  routePath,
  sameOriginHeaders,
  usually,
} from './support/http-arbitraries.js';
import {
  assertAnyRequestKeepsContract,
  mockedAws,
  PROPERTY_RUNS,
  type RouteContract,
  registerHarnessHooks,
  resetWorld,
  sendAndCheck,
} from './support/http-property-harness.js';
import { LINK_NAMES, PLACEMENT_SCENARIOS, tokenOf } from './support/seeded-world.js';

const aws = mockedAws();
let handler: typeof PortalHandler;

/** The checklist page answers HTML (its 404 and 410 too); the status and upload routes answer JSON. */
const PORTAL: RouteContract = {
  successStatuses: [200, 201],
  pagesAllowed: (request) => request.method === 'GET' && /^\/portal\/[^/]+\/?$/.test(rawPathOf(request)),
};
/** Mostly a placement still collecting documents, so uploads get past the status check. */
const scenario = fc.oneof(
  { weight: 2, arbitrary: fc.constant('collecting' as const) },
  { weight: 3, arbitrary: fc.constantFrom(...PLACEMENT_SCENARIOS) },
);
/** Mostly the valid portal link, else another stored link (expired, orphaned, a review link), else anything. */
const token = pathSegment(
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(tokenOf('portal')) },
    { weight: 1, arbitrary: fc.constantFrom(...LINK_NAMES).map(tokenOf) },
  ),
);

const fileName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('bls-card.pdf', 'MMR record (2019).jpg', 'scan.HEIC', 'photo.png'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '../../etc/passwd',
      'a/b.pdf',
      'a\\b.pdf',
      '..',
      '.',
      'x'.repeat(201),
      ' ',
      '',
    ),
  },
  { weight: 1, arbitrary: nameText() },
);

const contentType = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ACCEPTED_CONTENT_TYPES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'IMAGE/PNG',
      ' image/jpeg ',
      'application/x-msdownload',
      'text/html',
      'image/svg+xml',
    ),
  },
);

const size = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: MAX_UPLOAD_BYTES }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, MAX_UPLOAD_BYTES + 1, Number.MAX_VALUE, '1024') },
);

const evidenceDate = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: calendarDate },
  { weight: 1, arbitrary: badDate },
);

const uploadFields = fc.record({
  requirementCode: usually(fc.oneof(fc.constantFrom('MMR', 'BLS'), requirementCode)),
  fileName: usually(fileName),
  contentType: usually(contentType),
  size: usually(size),
  issuedOn: evidenceDate,
  expiresOn: evidenceDate,
});

const routes = {
  'GET /portal/{token}': requestCase({
    method: httpMethod(['GET']),
    path: routePath((value) => `/portal/${value}`, token),
    body: bodyCase(
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyRawBody }),
    ),
  }),
  'GET /portal/{token}/status': requestCase({
    method: httpMethod(['GET']),
    path: routePath((value) => `/portal/${value}/status`, token),
    body: bodyCase(
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyRawBody }),
    ),
  }),
  'POST /portal/{token}/uploads': requestCase({
    method: httpMethod(['POST']),
    path: routePath((value) => `/portal/${value}/uploads`, token),
    body: fc.oneof(
      { weight: 3, arbitrary: objectBodyCase(uploadFields) },
      { weight: 1, arbitrary: bodyCase(anyRawBody) },
    ),
    headers: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ 'content-type': 'application/json' }) },
      { weight: 1, arbitrary: httpHeaders },
    ),
  }),
};

/** A valid portal link and an upload request every field check accepts, with any evidence dates. */
const wellFormedUpload: fc.Arbitrary<RequestCase> = fc
  .record({
    requirementCode: fc.constantFrom('MMR', 'BLS'),
    fileName: fc.constantFrom('record.pdf', 'card.jpg'),
    contentType: fc.constantFrom(...ACCEPTED_CONTENT_TYPES),
    size: fc.integer({ min: 1, max: MAX_UPLOAD_BYTES }),
    issuedOn: calendarDate,
    expiresOn: calendarDate,
  })
  .map((fields) => ({
    method: 'POST',
    path: `/portal/${tokenOf('portal')}/uploads`,
    query: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
    isBase64Encoded: false,
  }));

const anyRequest: fc.Arbitrary<RequestCase> = fc.oneof(
  ...Object.values(routes),
  requestCase({ method: httpMethod(['GET', 'POST']), path: arbitraryPath, body: bodyCase(anyRawBody) }),
);

registerHarnessHooks(aws, async () => {
  ({ handler } = await coldStart(() => import('../../functions/entries/portal.js')));
});

describe('student portal, whatever the request', () => {
  for (const [route, request] of Object.entries(routes)) {
    it(`${route}: never a 5xx or a leak, errors as documented, and a rejected request changes nothing`, async () => {
      await assertAnyRequestKeepsContract(aws, () => handler, PORTAL, scenario, request);
    });
  }

  it('POST /portal/{token}/uploads, well formed with any evidence dates: 201 or a 4xx, never a 5xx', async () => {
    await assertAnyRequestKeepsContract(aws, () => handler, PORTAL, scenario, wellFormedUpload);
  });

  it('an upload request from another website is refused with 403 and signs nothing; from the page itself it is not', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        wellFormedUpload,
        crossSiteHeaders,
        sameOriginHeaders,
        async (state, request, foreign, ownPage) => {
          resetWorld(aws, state);
          const refused = await sendAndCheck(
            aws,
            handler,
            printable({ ...request, headers: { ...request.headers, ...foreign } }),
            PORTAL,
          );
          expect(refused.statusCode).toBe(403);

          const own = await sendAndCheck(
            aws,
            handler,
            printable({ ...request, headers: { ...request.headers, ...ownPage } }),
            PORTAL,
          );
          expect(own.statusCode).not.toBe(403);
        },
      ),
      { numRuns: PROPERTY_RUNS / 2 },
    );
  });

  it('any method on any path, and sequences of requests: the same properties hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(anyRequest, { minLength: 1, maxLength: 4 }),
        async (state, inputs) => {
          resetWorld(aws, state);
          for (const input of inputs) {
            for (const mock of [aws.s3, aws.sfn, aws.ses]) mock.resetHistory();
            aws.logged.length = 0;
            await sendAndCheck(aws, handler, input, PORTAL);
          }
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
