import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import type { handler as CoordinatorHandler } from '../../functions/handlers/coordinator-api.js';
import { coldStart, freezeDate } from '../handlers/support/handler-environment.js';
import {
  anyRawBody,
  badDate,
  bodyCase,
  calendarDate,
  emailish,
  httpHeaders,
  httpMethod,
  nameText,
  objectBodyCase,
  pathSegment,
  queryString,
  type RequestCase,
  reasonText,
  requestCase,
  requirementCode,
  routePath,
  trickyText,
  usually,
  wildValue,
  arbitraryPath,
} from './support/http-arbitraries.js';
import {
  captureLogs,
  mockedAws,
  PROPERTY_RUNS,
  type RouteContract,
  resetWorld,
  sendAndCheck,
} from './support/http-property-harness.js';
import {
  MISSING_PLACEMENT_ID,
  OTHER_PLACEMENT_ID,
  OTHER_SITE_ID,
  PLACEMENT_ID,
  PLACEMENT_SCENARIOS,
  SITE_ID,
} from './support/seeded-world.js';

const aws = mockedAws();
let handler: typeof CoordinatorHandler;

const COORDINATOR: RouteContract = { successStatuses: [200, 201], pagesAllowed: () => false };
const scenario = fc.constantFrom(...PLACEMENT_SCENARIOS);

const siteId = pathSegment(fc.constantFrom(SITE_ID, OTHER_SITE_ID, 'new-site'));
const placementId = pathSegment(fc.constantFrom(PLACEMENT_ID, OTHER_PLACEMENT_ID, MISSING_PLACEMENT_ID));

const requirementSpec = fc.oneof(
  { weight: 4, arbitrary: requirementCode },
  {
    weight: 2,
    arbitrary: fc.record({
      code: usually(requirementCode),
      months: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: -1, max: 130 }))),
      years: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: -1, max: 60 }))),
    }),
  },
  { weight: 1, arbitrary: wildValue },
);

const siteFields = fc.record({
  name: usually(nameText()),
  adminEmails: usually(fc.array(emailish, { minLength: 1, maxLength: 22 })),
  requirements: usually(fc.array(requirementSpec, { maxLength: 16 })),
  documentsDueDays: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: -2, max: 400 }))),
  reminderIntervalHours: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: 0, max: 800 }))),
  siteReminderIntervalHours: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: 0, max: 800 }))),
});

const studentId = fc.oneof(fc.constantFrom('s-1001', 's-2002', 's-3003'), nameText());

const placementFields = fc.record({
  student: usually(fc.record({ id: usually(studentId), name: usually(nameText()), email: usually(emailish) })),
  siteId: usually(fc.oneof(fc.constantFrom(SITE_ID, OTHER_SITE_ID, 'nowhere'), trickyText(20))),
  program: usually(nameText()),
  startDate: fc.oneof({ weight: 5, arbitrary: calendarDate }, { weight: 1, arbitrary: badDate }),
  endDate: fc.oneof({ weight: 5, arbitrary: calendarDate }, { weight: 1, arbitrary: badDate }),
  coordinatorEmail: usually(emailish),
});

const waiverFields = fc.record({ requirementCode: usually(requirementCode), reason: usually(reasonText) });
const cancelFields = fc.record({ reason: fc.oneof(fc.constant(undefined), usually(reasonText)) });

/** Mostly a body shaped for the route, sometimes any body at all. */
const routeBody = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof({ weight: 3, arbitrary: objectBodyCase(fields) }, { weight: 1, arbitrary: bodyCase(anyRawBody) });

const jsonHeaders = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ 'content-type': 'application/json' }) },
  { weight: 1, arbitrary: httpHeaders },
);

const routes = {
  'PUT /sites/{siteId}': requestCase({
    method: httpMethod(['PUT']),
    path: routePath((id) => `/sites/${id}`, siteId),
    body: routeBody(siteFields),
    headers: jsonHeaders,
  }),
  'GET /sites/{siteId}': requestCase({
    method: httpMethod(['GET']),
    path: routePath((id) => `/sites/${id}`, siteId),
    body: bodyCase(anyRawBody),
  }),
  'POST /placements': requestCase({
    method: httpMethod(['POST']),
    path: fc.constantFrom('/placements', '/placements/', '//placements', '/placements%2F'),
    body: routeBody(placementFields),
    headers: jsonHeaders,
  }),
  'GET /placements': requestCase({
    method: httpMethod(['GET']),
    path: fc.constantFrom('/placements', '/placements/'),
    query: queryString,
    body: bodyCase(fc.constant(undefined)),
  }),
  'GET /placements/{placementId}': requestCase({
    method: httpMethod(['GET']),
    path: routePath((id) => `/placements/${id}`, placementId),
    body: bodyCase(anyRawBody),
  }),
  'POST /placements/{placementId}/waivers': requestCase({
    method: httpMethod(['POST']),
    path: routePath((id) => `/placements/${id}/waivers`, placementId),
    body: routeBody(waiverFields),
    headers: jsonHeaders,
  }),
  'POST /placements/{placementId}/cancel': requestCase({
    method: httpMethod(['POST']),
    path: routePath((id) => `/placements/${id}/cancel`, placementId),
    body: fc.oneof(routeBody(cancelFields), bodyCase(fc.constant(undefined))),
    headers: jsonHeaders,
  }),
};

const anyRequest: fc.Arbitrary<RequestCase> = fc.oneof(
  ...Object.values(routes),
  requestCase({ method: httpMethod(['GET', 'POST', 'PUT']), path: arbitraryPath, body: bodyCase(anyRawBody) }),
);

beforeAll(async () => {
  ({ handler } = await coldStart(() => import('../../functions/handlers/coordinator-api.js')));
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  freezeDate();
  captureLogs(aws);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('coordinator API, whatever the request', () => {
  for (const [route, request] of Object.entries(routes)) {
    it(`${route}: never a 5xx or a leak, errors as documented, and a rejected request changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(scenario, request, async (state, input) => {
          resetWorld(aws, state);
          await sendAndCheck(aws, handler, input, COORDINATOR);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });
  }

  it('any method on any path: the same properties hold', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, anyRequest, async (state, input) => {
        resetWorld(aws, state);
        await sendAndCheck(aws, handler, input, COORDINATOR);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('a sequence of requests: each one keeps the properties in the state the previous ones left', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.array(anyRequest, { minLength: 2, maxLength: 5 }), async (state, inputs) => {
        resetWorld(aws, state);
        for (const input of inputs) {
          for (const mock of [aws.s3, aws.sfn, aws.ses]) mock.resetHistory();
          aws.logged.length = 0;
          await sendAndCheck(aws, handler, input, COORDINATOR);
        }
      }),
      { numRuns: PROPERTY_RUNS / 2 },
    );
  });
});
