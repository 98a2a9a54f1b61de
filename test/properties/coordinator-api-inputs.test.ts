import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { handler as CoordinatorHandler } from '../../functions/entries/coordinator-api.js';
import { coldStart } from '../handlers/support/handler-environment.js';
import {
  anyRawBody,
  arbitraryPath,
  badDate,
  bodyCase,
  calendarDate,
  emailish,
  httpHeaders,
  httpMethod,
  nameText,
  objectBodyCase,
  pathSegment,
  printable,
  queryString,
  type RequestCase,
  reasonText,
  requestCase,
  requirementCode,
  rotationDates,
  routePath,
  trickyText,
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
import {
  BLS_DOCUMENT,
  MISSING_PLACEMENT_ID,
  MMR_DOCUMENT,
  OTHER_PLACEMENT_ID,
  OTHER_SITE_ID,
  PENDING_DOCUMENT,
  PLACEMENT_ID,
  PLACEMENT_SCENARIOS,
  type PlacementScenario,
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
  { weight: 1, arbitrary: fc.constantFrom('FLU_SHOT', 'mmr', '') },
);

const siteFields = fc.record({
  name: usually(nameText()),
  adminEmails: usually(fc.array(emailish, { minLength: 1, maxLength: 22 })),
  requirements: usually(fc.array(requirementSpec, { maxLength: 6 })),
  documentsDueDays: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: -2, max: 400 }))),
  reminderIntervalHours: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: 0, max: 800 }))),
  siteReminderIntervalHours: fc.oneof(fc.constant(undefined), usually(fc.integer({ min: 0, max: 800 }))),
});

const studentId = fc.oneof(fc.constantFrom('s-1001', 's-2002', 's-3003'), nameText());

const placementFields = fc.record({
  student: usually(
    fc.record({ id: usually(studentId), name: usually(nameText()), email: usually(emailish) }),
  ),
  siteId: usually(fc.oneof(fc.constantFrom(SITE_ID, OTHER_SITE_ID, 'nowhere'), trickyText(20))),
  program: usually(nameText()),
  startDate: fc.oneof({ weight: 5, arbitrary: calendarDate }, { weight: 1, arbitrary: badDate }),
  endDate: fc.oneof({ weight: 5, arbitrary: calendarDate }, { weight: 1, arbitrary: badDate }),
  coordinatorEmail: usually(emailish),
});

/** Every field valid except, possibly, the dates (any calendar date the API accepts, 0000-9999). */
const wellFormedPlacementFields = fc
  .record({
    student: fc.record({
      id: fc.constantFrom('s-1001', 's-2002', 's-3003'),
      name: fc.constantFrom('Ada Lovelace', 'Zoë Ñúñez'),
      email: fc.emailAddress(),
    }),
    siteId: fc.constantFrom(SITE_ID, OTHER_SITE_ID),
    program: fc.constantFrom('Nursing BSN', 'Physical Therapy DPT'),
    rotation: rotationDates,
    coordinatorEmail: fc.constant('coordinator@school.example'),
  })
  .map(({ rotation, ...fields }) => ({ ...fields, ...rotation }));

const jsonRequest = (method: string, path: string, body: unknown): RequestCase =>
  printable({
    method,
    path,
    query: '',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
  });

/** A site every check accepts, with any due-days and reminder settings in range. */
const wellFormedSiteFields = fc.record({
  name: fc.constantFrom("St Mary's Hospital", 'Clinique Saint-Éloi'),
  adminEmails: fc.array(fc.emailAddress(), { minLength: 1, maxLength: 20 }),
  requirements: fc.uniqueArray(requirementCode, { maxLength: 14 }),
  documentsDueDays: fc.integer({ min: 0, max: 365 }),
  reminderIntervalHours: fc.integer({ min: 1, max: 720 }),
  siteReminderIntervalHours: fc.integer({ min: 1, max: 720 }),
});

const waiverFields = fc.record({
  requirementCode: usually(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('MMR', 'BLS') },
      { weight: 1, arbitrary: requirementCode },
    ),
  ),
  reason: usually(reasonText),
});
const documentId = pathSegment(
  fc.constantFrom(
    MMR_DOCUMENT.documentId,
    BLS_DOCUMENT.documentId,
    PENDING_DOCUMENT.documentId,
    'doc_nosuch',
  ),
);
const decisionFields = fc.record({
  decision: usually(fc.constantFrom('verify', 'reject', 'approve')),
  reasonCode: fc.oneof(
    fc.constant(undefined),
    usually(fc.constantFrom('ILLEGIBLE', 'WRONG_DOCUMENT', 'EXPIRED', 'OTHER', 'illegible')),
  ),
  note: fc.oneof(fc.constant(undefined), usually(reasonText)),
  issuedOn: fc.oneof(fc.constant(undefined), calendarDate, badDate),
  expiresOn: fc.oneof(fc.constant(undefined), calendarDate, badDate),
});
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
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constant('/placements') },
      { weight: 1, arbitrary: fc.constantFrom('/placements/', '//placements', '/placements%2F') },
    ),
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
  'POST /placements/{placementId}/documents/{documentId}/verification': requestCase({
    method: httpMethod(['POST']),
    path: fc
      .tuple(placementId, documentId)
      .map(([placement, document]) => `/placements/${placement}/documents/${document}/verification`),
    body: routeBody(decisionFields),
    headers: jsonHeaders,
  }),
  'GET /verification-queue': requestCase({
    method: httpMethod(['GET']),
    path: fc.constantFrom('/verification-queue', '/verification-queue/'),
    query: queryString,
    body: bodyCase(fc.constant(undefined)),
  }),
  // The purge body has the cancel body's one field (`reason`), with the same limits.
  'POST /placements/{placementId}/purge': requestCase({
    method: httpMethod(['POST']),
    path: routePath((id) => `/placements/${id}/purge`, placementId),
    body: fc.oneof(routeBody(cancelFields), bodyCase(fc.constant(undefined))),
    headers: jsonHeaders,
  }),
};

const wellFormed = {
  'POST /placements': wellFormedPlacementFields.map((fields) => jsonRequest('POST', '/placements', fields)),
  'PUT /sites/{siteId}': fc
    .tuple(fc.constantFrom(SITE_ID, 'new-site'), wellFormedSiteFields)
    .map(([id, fields]) => jsonRequest('PUT', `/sites/${id}`, fields)),
};

/** Counterexamples these properties found, replayed first on every run. */
const longId = (template: (id: string) => string, method: string): RequestCase =>
  jsonRequest(method, template('a'.repeat(2_100)), method === 'POST' ? { reason: 'x' } : undefined);
const FOUND: Record<string, RequestCase[]> = {
  // A path id over DynamoDB's 2,048-byte key limit reaches GetItem: ValidationException, a 500.
  'GET /sites/{siteId}': [longId((id) => `/sites/${id}`, 'GET')],
  'GET /placements/{placementId}': [longId((id) => `/placements/${id}`, 'GET')],
  'POST /placements/{placementId}/waivers': [
    jsonRequest('POST', `/placements/${'a'.repeat(2_100)}/waivers`, { requirementCode: 'MMR', reason: 'x' }),
  ],
  'POST /placements/{placementId}/cancel': [longId((id) => `/placements/${id}/cancel`, 'POST')],
  'POST /placements/{placementId}/purge': [longId((id) => `/placements/${id}/purge`, 'POST')],
  // A start date the API accepts, 14 days after 0000-01-01 or less: the due date is year -1, a RangeError.
  'well-formed POST /placements': [
    jsonRequest('POST', '/placements', {
      student: { id: 's-1001', name: 'Ada Lovelace', email: 'ada@student.example' },
      siteId: SITE_ID,
      program: 'Nursing BSN',
      startDate: '0000-01-01',
      endDate: '0000-01-01',
      coordinatorEmail: 'coordinator@school.example',
    }),
  ],
};

/** FOUND's cases for one property, each in the world they were found in. */
const foundExamples = (name: string): Array<[PlacementScenario, RequestCase]> =>
  (FOUND[name] ?? []).map((input) => ['collecting', input]);

const anyRequest: fc.Arbitrary<RequestCase> = fc.oneof(
  ...Object.values(routes),
  requestCase({
    method: httpMethod(['GET', 'POST', 'PUT']),
    path: arbitraryPath,
    body: bodyCase(anyRawBody),
  }),
);

registerHarnessHooks(aws, async () => {
  ({ handler } = await coldStart(() => import('../../functions/entries/coordinator-api.js')));
});

describe('coordinator API, whatever the request', () => {
  for (const [route, request] of Object.entries(routes)) {
    it(`${route}: never a 5xx or a leak, errors as documented, and a rejected request changes nothing`, async () => {
      await assertAnyRequestKeepsContract(
        aws,
        () => handler,
        COORDINATOR,
        scenario,
        request,
        foundExamples(route),
      );
    });
  }

  for (const [route, request] of Object.entries(wellFormed)) {
    it(`${route} with a well-formed body (any dates and settings in range): stored, or refused with a 4xx`, async () => {
      await assertAnyRequestKeepsContract(
        aws,
        () => handler,
        COORDINATOR,
        scenario,
        request,
        foundExamples(`well-formed ${route}`),
      );
    });
  }

  it('a well-formed site, then a placement there: the placement is created or refused, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedSiteFields, wellFormedPlacementFields, async (site, placement) => {
        resetWorld(aws, 'collecting');
        const stored = await sendAndCheck(
          aws,
          handler,
          jsonRequest('PUT', '/sites/new-site', site),
          COORDINATOR,
        );
        expect(stored.statusCode).toBe(200);
        const request = jsonRequest('POST', '/placements', { ...placement, siteId: 'new-site' });
        await sendAndCheck(aws, handler, request, COORDINATOR);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('any method on any path: the same properties hold', async () => {
    await assertAnyRequestKeepsContract(aws, () => handler, COORDINATOR, scenario, anyRequest);
  });

  it('a sequence of requests: each one keeps the properties in the state the previous ones left', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(anyRequest, { minLength: 2, maxLength: 5 }),
        async (state, inputs) => {
          resetWorld(aws, state);
          for (const input of inputs) {
            for (const mock of [aws.s3, aws.sfn, aws.ses]) mock.resetHistory();
            aws.logged.length = 0;
            await sendAndCheck(aws, handler, input, COORDINATOR);
          }
        },
      ),
      { numRuns: PROPERTY_RUNS / 2 },
    );
  });
});
