import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import {
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { type HttpResponse, invokeHttp } from '../../handlers/support/api-gateway-event.js';
import { FakeTable } from '../../handlers/support/fake-table.js';
import { freezeDate, HANDLER_ENVIRONMENT, TEST_NOW } from '../../handlers/support/handler-environment.js';
import { versionedDocuments } from '../../handlers/support/versioned-documents.js';
import { captureLogs as captureLogLines } from '../../support/captured-logs.js';
import { externalWrites } from './aws-side-effects.js';
import { type RequestCase, toHttpRequest } from './http-arbitraries.js';
import { ObservedTable } from './observed-table.js';
import {
  expectDocumentedSuccess,
  expectErrorContract,
  expectNoLeaks,
  expectNoSecretsInLogs,
  expectNoServerError,
} from './response-checks.js';
import { type PlacementScenario, seedWorld } from './seeded-world.js';

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** The mocked AWS of one test file: every client the HTTP functions build, and the observed table. */
export const mockedAws = () => {
  const aws = {
    ddb: mockClient(DynamoDBDocumentClient),
    s3: mockClient(S3Client),
    sfn: mockClient(SFNClient),
    ses: mockClient(SESClient),
    table: new ObservedTable(new FakeTable(HANDLER_ENVIRONMENT.TABLE_NAME)),
    /** Every log line the function wrote during the current run. */
    logged: [] as string[],
  };
  return aws;
};
export type MockedAws = ReturnType<typeof mockedAws>;

/** Routes the function's log output (its Logger's and any console's) into `aws.logged` (call in beforeEach). */
export const captureLogs = (aws: MockedAws): void => {
  captureLogLines(aws.logged);
};

/**
 * Mocks as a test starts (call in beforeEach): the table routed to the observed fake, workflow calls
 * succeed, and documents are deleted from a versioned bucket (a purge).
 */
export const installMocks = (aws: MockedAws): void => {
  for (const mock of [aws.ddb, aws.s3, aws.sfn, aws.ses]) mock.reset();
  aws.table.install(aws.ddb);
  versionedDocuments(aws.s3);
  aws.sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: TEST_NOW });
  aws.sfn.on(StopExecutionCommand).resolves({ stopDate: TEST_NOW });
  aws.sfn.on(SendTaskSuccessCommand).resolves({});
};

/** A fresh world for one run of a property: call history forgotten, the table reseeded, logs cleared. */
export const resetWorld = (aws: MockedAws, scenario: PlacementScenario): void => {
  for (const mock of [aws.ddb, aws.s3, aws.sfn, aws.ses]) mock.resetHistory();
  aws.table.clear();
  seedWorld(aws.table, scenario);
  aws.logged.length = 0;
};

export interface RouteContract {
  /** The statuses a success may have. */
  successStatuses: readonly number[];
  /** Whether this request may be answered with an HTML page (link pages and form posts). */
  pagesAllowed: (request: RequestCase) => boolean;
}

/**
 * Sends one request and checks the properties every HTTP function keeps, whatever the input:
 * no 5xx; no secret, stack trace or internal name in the response or a secret in the logs;
 * errors in the documented shape and status; and nothing changed — table, workflow, mail,
 * storage — after a 4xx or any GET.
 */
export const sendAndCheck = async (
  aws: MockedAws,
  handler: HttpHandler,
  request: RequestCase,
  contract: RouteContract,
): Promise<HttpResponse> => {
  const before = aws.table.snapshot();
  const response = await invokeHttp(handler, toHttpRequest(request));

  expectNoServerError(response, aws.logged);
  expectNoLeaks(request, response);
  expectNoSecretsInLogs(aws.logged);
  expectErrorContract(response, { pagesAllowed: contract.pagesAllowed(request) });
  expectDocumentedSuccess(response, contract.successStatuses);
  if (response.statusCode >= 400 || request.method === 'GET') {
    const changed = ObservedTable.changedKeys(before, aws.table.snapshot());
    expect(changed, `a ${request.method} answered ${response.statusCode} yet changed the table`).toEqual([]);
    expect(externalWrites(aws), `a ${request.method} answered ${response.statusCode} yet called AWS`).toEqual(
      [],
    );
  }
  return response;
};

/** Runs per property: enough to explore, small enough to keep a file well under 20 s. */
export const PROPERTY_RUNS = 200;

/**
 * The property of every route file: any request `requests` draws, sent in a fresh world drawn from
 * `scenarios`, keeps the contract `sendAndCheck` checks. `examples` are cases fuzzing once found.
 */
export const assertAnyRequestKeepsContract = (
  aws: MockedAws,
  handler: () => HttpHandler,
  contract: RouteContract,
  scenarios: fc.Arbitrary<PlacementScenario>,
  requests: fc.Arbitrary<RequestCase>,
  examples: Array<[PlacementScenario, RequestCase]> = [],
): Promise<void> =>
  fc.assert(
    fc.asyncProperty(scenarios, requests, async (state, input) => {
      resetWorld(aws, state);
      await sendAndCheck(aws, handler(), input, contract);
    }),
    { numRuns: PROPERTY_RUNS, examples },
  );

/**
 * The lifecycle every HTTP property file shares: load the handler once (`load`, after the
 * environment is set), fresh mocks, a frozen Date and captured logs for each test.
 */
export const registerHarnessHooks = (aws: MockedAws, load: () => Promise<void>): void => {
  beforeAll(load);
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    freezeDate();
    installMocks(aws);
    captureLogs(aws);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
};
