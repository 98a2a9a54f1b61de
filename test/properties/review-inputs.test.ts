import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { handler as ReviewHandler } from '../../functions/entries/review.js';
import { coldStart } from '../handlers/support/handler-environment.js';
import {
  anyRawBody,
  arbitraryPath,
  bodyCase,
  crossSiteHeaders,
  httpHeaders,
  httpMethod,
  objectBodyCase,
  pathSegment,
  printable,
  type RequestCase,
  rawPathOf,
  reasonText,
  requestCase,
  requirementCode,
  routePath,
  sameOriginHeaders,
  toFormBody,
  usually,
  wildValue,
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
let handler: typeof ReviewHandler;

/** The review page and its form post may answer HTML (404, 409, 410 pages included). */
const REVIEW: RouteContract = {
  successStatuses: [200],
  pagesAllowed: (request) =>
    ['GET', 'POST'].includes(request.method) && /^\/review\/[^/]+\/?$/.test(rawPathOf(request)),
};

/** Mostly a packet waiting for the site, so decisions get past the status check. */
const scenario = fc.oneof(
  { weight: 2, arbitrary: fc.constant('awaiting-approval' as const) },
  { weight: 3, arbitrary: fc.constantFrom(...PLACEMENT_SCENARIOS) },
);
/** Mostly the valid review link, else another stored link (expired, superseded, a portal link), else anything. */
const token = pathSegment(
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(tokenOf('review')) },
    { weight: 1, arbitrary: fc.constantFrom(...LINK_NAMES).map(tokenOf) },
  ),
);

const decision = fc.constantFrom('approve', 'decline', 'request-changes');

const decisionFields = fc.record({
  decision: usually(
    fc.oneof(
      { weight: 4, arbitrary: decision },
      { weight: 1, arbitrary: fc.constantFrom('APPROVE', 'maybe', ' approve') },
    ),
  ),
  reason: fc.oneof(fc.constant(undefined), usually(reasonText)),
  requirementCodes: fc.oneof(
    fc.constant(undefined),
    fc.array(fc.oneof(fc.constantFrom('MMR', 'BLS'), requirementCode, wildValue), { maxLength: 4 }),
    fc.constantFrom('MMR', 'BLS', 'TB'),
    wildValue,
  ),
});

const accept = fc.constantFrom('application/json', 'text/html', '*/*', '');

/** A decision as JSON (with any Accept) or as the page's form post. */
const decisionBody = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      headers: accept.map((value) => ({ 'content-type': 'application/json', accept: value })),
      body: objectBodyCase(decisionFields),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      headers: accept.map((value) => ({
        'content-type': 'application/x-www-form-urlencoded',
        accept: value,
      })),
      body: bodyCase(decisionFields.map(toFormBody)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ headers: httpHeaders, body: bodyCase(anyRawBody) }) },
);

const routes = {
  'GET /review/{token}': requestCase({
    method: httpMethod(['GET']),
    path: routePath((value) => `/review/${value}`, token),
    body: bodyCase(
      fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyRawBody }),
    ),
  }),
  'POST /review/{token}': fc
    .record({
      method: httpMethod(['POST']),
      path: routePath((value) => `/review/${value}`, token),
      decision: decisionBody,
      query: fc.constant(''),
    })
    .map(({ decision: { headers, body }, ...rest }) => printable({ ...rest, headers, ...body })),
};

/** A valid decision on the valid link, as JSON or as a form post. */
const wellFormedDecision: fc.Arbitrary<RequestCase> = fc
  .record({
    decision,
    reason: fc.constantFrom('Scans are cut off.', 'No capacity this term.'),
    requirementCodes: fc.subarray(['MMR', 'BLS'], { minLength: 1 }),
    form: fc.boolean(),
    accept,
  })
  .map(({ form, accept: acceptHeader, ...fields }) => ({
    method: 'POST',
    path: `/review/${tokenOf('review')}`,
    query: '',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      accept: acceptHeader,
    },
    body: form ? toFormBody(fields) : JSON.stringify(fields),
    isBase64Encoded: false,
  }));

const anyRequest: fc.Arbitrary<RequestCase> = fc.oneof(
  ...Object.values(routes),
  requestCase({ method: httpMethod(['GET', 'POST']), path: arbitraryPath, body: bodyCase(anyRawBody) }),
);

registerHarnessHooks(aws, async () => {
  ({ handler } = await coldStart(() => import('../../functions/entries/review.js')));
});

describe('site review, whatever the request', () => {
  for (const [route, request] of Object.entries(routes)) {
    it(`${route}: never a 5xx or a leak, errors as documented, and a rejected request changes nothing`, async () => {
      await assertAnyRequestKeepsContract(aws, () => handler, REVIEW, scenario, request);
    });
  }

  it('two valid decisions in a row (a double click): the first wins, the second is a 409 and resumes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedDecision, wellFormedDecision, async (first, second) => {
        resetWorld(aws, 'awaiting-approval');
        const decided = await sendAndCheck(aws, handler, first, REVIEW);
        expect(decided.statusCode).toBe(200);
        expect(aws.sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);

        aws.sfn.resetHistory();
        const again = await sendAndCheck(aws, handler, second, REVIEW);
        expect(again.statusCode).toBe(409);
        expect(aws.sfn.calls()).toHaveLength(0);
      }),
      { numRuns: PROPERTY_RUNS / 2 },
    );
  });

  it('a valid decision posted from another website is refused with 403 and changes nothing; from the page itself it counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        wellFormedDecision,
        crossSiteHeaders,
        sameOriginHeaders,
        async (request, foreign, ownPage) => {
          resetWorld(aws, 'awaiting-approval');
          const refused = await sendAndCheck(
            aws,
            handler,
            printable({ ...request, headers: { ...request.headers, ...foreign } }),
            REVIEW,
          );
          expect(refused.statusCode).toBe(403);

          const own = await sendAndCheck(
            aws,
            handler,
            printable({ ...request, headers: { ...request.headers, ...ownPage } }),
            REVIEW,
          );
          expect(own.statusCode).toBe(200);
          expect(aws.sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
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
            await sendAndCheck(aws, handler, input, REVIEW);
          }
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
