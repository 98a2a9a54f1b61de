import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import {
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoordinatorApiHandler } from '../../functions/handlers/coordinator-api.js';
import { captureLogs } from '../support/captured-logs.js';
import {
  apiGatewayEvent,
  errorPaths,
  type HttpRequest,
  type HttpResponse,
  headerOf,
  invokeHttp,
  jsonOf,
  lambdaContext,
} from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { freezeDate, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import {
  conditionalCheckFailed,
  dynamoThrottlingException,
  executionAlreadyExists,
  tableNotFound,
} from './support/sdk-errors.js';
import { sentEmails } from './support/sent-emails.js';
import {
  ADMIN_EMAIL,
  COORDINATOR_EMAIL,
  documentItem,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  SITE_ID,
  START_DATE,
  STUDENT,
  siteItem,
  storedDocument,
  storedLink,
  storedPlacement,
  storedSite,
  TASK_TOKEN,
} from './support/stored-items.js';
import { deletedVersions, STORED_VERSION, versionedDocuments } from './support/versioned-documents.js';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const ses = mockClient(SESClient);
const s3 = mockClient(S3Client);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createCoordinatorApiHandler({
  ...testPorts.tables(),
  workflow: testPorts.workflow(),
  storage: testPorts.objectDeletion(),
  mailer: testPorts.mailer(),
  clock: testPorts.clock,
  config: testPorts.config,
});

const call = (request: HttpRequest) => invokeHttp(handler, request);

const newPlacementBody = () => ({
  student: { ...STUDENT },
  siteId: SITE_ID,
  program: 'Nursing BSN',
  startDate: START_DATE,
  endDate: '2030-05-15',
  coordinatorEmail: COORDINATOR_EMAIL,
});

/** The fields docs/design.md ("HTTP API") gives a placement; nothing else may reach a client. */
const PLACEMENT_VIEW_FIELDS = [
  'coordinatorEmail',
  'createdAt',
  'documentsDueDate',
  'endDate',
  'history',
  'placementId',
  'program',
  'requirements',
  'siteId',
  'startDate',
  'status',
  'student',
  'updatedAt',
  'waitingOn',
];

beforeEach(() => {
  freezeDate();
  ddb.reset();
  sfn.reset();
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  s3.reset();
  versionedDocuments(s3);
  table.install(ddb);
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: TEST_NOW });
  sfn.on(StopExecutionCommand).resolves({ stopDate: TEST_NOW });
  sfn.on(SendTaskSuccessCommand).resolves({});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('PUT /sites/{siteId}', () => {
  it('answers 400 VALIDATION_FAILED naming each bad field by its path, and writes nothing', async () => {
    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      body: { name: "St Mary's", adminEmails: ['not-an-email'], requirements: ['MMR', 'FLU_SHOT'] },
    });

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['adminEmails[0]', 'requirements[1]']));
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('names a bad override inside a requirement object', async () => {
    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      body: {
        name: "St Mary's",
        adminEmails: ['a@b.example'],
        requirements: ['MMR', { code: 'TB', years: 2 }],
      },
    });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['requirements[1].years']);
  });

  it('stores a new site with a create-only condition and answers 200 without its version', async () => {
    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      body: {
        name: "St Mary's Hospital",
        adminEmails: ['admin@stmarys.example'],
        requirements: ['MMR', { code: 'TB', months: 6 }],
      },
    });

    expect(response.statusCode).toBe(200);
    const site = jsonOf(response);
    expect(site).toEqual({
      siteId: SITE_ID,
      name: "St Mary's Hospital",
      adminEmails: ['admin@stmarys.example'],
      requirements: ['MMR', { code: 'TB', months: 6 }],
      documentsDueDays: 14,
      reminderIntervalHours: 72,
      siteReminderIntervalHours: 48,
      // A new site's documents are checked by the school's staff unless it says otherwise.
      verification: 'staff',
      createdAt: TEST_NOW.toISOString(),
      updatedAt: TEST_NOW.toISOString(),
    });
    const put = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.TableName).toBe(TEST_CONFIG.tableName);
    expect(put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put?.Item).toMatchObject({ pk: `SITE#${SITE_ID}`, sk: 'SITE', version: 1 });
  });

  it('replaces an existing site on the version it read', async () => {
    table.seed(siteItem(storedSite({ version: 4 })));

    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      body: { name: 'Renamed', adminEmails: ['admin@stmarys.example'], requirements: ['MMR'] },
    });

    expect(response.statusCode).toBe(200);
    const put = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.ConditionExpression).toBe('version = :expected');
    expect(put?.ExpressionAttributeValues).toEqual({ ':expected': 4 });
    expect(put?.Item).toMatchObject({ version: 5, createdAt: storedSite().createdAt });
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 64 KB, before touching the table', async () => {
    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      body: { name: 'x'.repeat(65 * 1024), adminEmails: ['a@b.example'], requirements: [] },
    });

    expect(response.statusCode).toBe(413);
    expect(jsonOf(response).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 400 naming `body` for malformed JSON', async () => {
    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      headers: { 'content-type': 'application/json' },
      body: '{"name": "St Mary\'s", "adminEmails": [',
    });

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(response)).toEqual(['body']);
  });

  it('decodes a base64-encoded body', async () => {
    const body = JSON.stringify({ name: "St Mary's", adminEmails: ['a@b.example'], requirements: ['BLS'] });

    const response = await call({
      method: 'PUT',
      path: `/sites/${SITE_ID}`,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response).requirements).toEqual(['BLS']);
  });
});

describe('GET /sites/{siteId}', () => {
  it('answers 404 NOT_FOUND for an unknown site', async () => {
    const response = await call({ method: 'GET', path: '/sites/nowhere' });

    expect(response.statusCode).toBe(404);
    expect(jsonOf(response).error.code).toBe('NOT_FOUND');
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({ pk: 'SITE#nowhere', sk: 'SITE' });
  });

  it('answers 200 with the stored site, without its version', async () => {
    table.seed(siteItem(storedSite()));

    const response = await call({ method: 'GET', path: `/sites/${SITE_ID}` });

    expect(response.statusCode).toBe(200);
    const { version: _version, ...site } = storedSite();
    // Stored before sites had a verification mode: it keeps the automatic checks it was created with.
    expect(jsonOf(response)).toEqual({ ...site, verification: 'automatic' });
  });
});

describe('POST /placements', () => {
  it('answers 400 naming student.email and the end date before the start, and writes nothing', async () => {
    table.seed(siteItem(storedSite()));

    const response = await call({
      method: 'POST',
      path: '/placements',
      body: {
        ...newPlacementBody(),
        student: { ...STUDENT, email: 'ada-at-student' },
        startDate: '2030-06-01',
      },
    });

    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error.code).toBe('VALIDATION_FAILED');
    expect(errorPaths(response)).toEqual(expect.arrayContaining(['student.email', 'endDate']));
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('answers 400 naming siteId when the site does not exist', async () => {
    const response = await call({ method: 'POST', path: '/placements', body: newPlacementBody() });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['siteId']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('creates the placement (201), stores it create-only and starts the execution named after it', async () => {
    table.seed(siteItem(storedSite({ requirements: ['MMR', { code: 'TB', months: 6 }, 'BLS'] })));

    const response = await call({ method: 'POST', path: '/placements', body: newPlacementBody() });

    expect(response.statusCode).toBe(201);
    const placement = jsonOf(response);
    expect(Object.keys(placement).sort()).toEqual(PLACEMENT_VIEW_FIELDS);
    expect(placement).toEqual({
      placementId: PLACEMENT_ID,
      status: 'CHECKING',
      // Nothing is on file yet: the student has to upload.
      waitingOn: 'student',
      student: { ...STUDENT },
      siteId: SITE_ID,
      program: 'Nursing BSN',
      startDate: START_DATE,
      endDate: '2030-05-15',
      documentsDueDate: '2030-03-18',
      coordinatorEmail: COORDINATOR_EMAIL,
      requirements: [requirement('MMR'), requirement('TB'), requirement('BLS')],
      history: [
        { at: TEST_NOW.toISOString(), type: 'CREATED', detail: "Placement at St Mary's Hospital created." },
      ],
      createdAt: TEST_NOW.toISOString(),
      updatedAt: TEST_NOW.toISOString(),
    });
    for (const hidden of ['pendingTask', 'taskToken', 'version', 'rules', 'adminEmails', 'executionName']) {
      expect(response.body).not.toContain(`"${hidden}"`);
    }

    const isSearchEntry = (call: { args: [{ input: { Item?: Record<string, unknown> } }] }) =>
      String(call.args[0].input.Item?.pk).startsWith('SEARCH#');
    const searchEntries = ddb.commandCalls(PutCommand).filter(isSearchEntry);
    // The student is found by id, email and name: key-only entries written after the placement.
    expect(searchEntries.map((call) => Object.keys(call.args[0].input.Item ?? {}).sort())).toContainEqual([
      'pk',
      'placementId',
      'sk',
    ]);
    const puts = ddb.commandCalls(PutCommand).filter((call) => !isSearchEntry(call));
    expect(puts).toHaveLength(2);
    // Filed for the retention sweep under the day the rotation ends, before the placement is written.
    expect(puts[0]?.args[0].input.Item).toMatchObject({
      pk: expect.stringMatching(/^ENDS#2030-05-15#[0-3]$/),
      sk: `PLACEMENT#${PLACEMENT_ID}`,
      placementId: PLACEMENT_ID,
    });
    const put = puts[1]?.args[0].input;
    expect(put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put?.Item).toMatchObject({
      ...placementKey(),
      gsi1pk: expect.stringMatching(/^CHECKING#[0-3]$/),
      gsi1sk: `${TEST_NOW.toISOString()}#${PLACEMENT_ID}`,
      gsi2pk: expect.stringMatching(new RegExp(`^${SITE_ID}#[0-3]$`)),
      version: 1,
      rules: ['MMR', { code: 'TB', months: 6 }, 'BLS'],
    });

    const starts = sfn.commandCalls(StartExecutionCommand);
    expect(starts).toHaveLength(1);
    expect(starts[0]?.args[0].input).toEqual({
      stateMachineArn: TEST_CONFIG.stateMachineArn,
      name: PLACEMENT_ID,
      input: JSON.stringify({ placementId: PLACEMENT_ID }),
    });
  });

  it('answers 200 with the existing placement when a concurrent create won the race', async () => {
    table.seed(siteItem(storedSite()));
    const winner = storedPlacement({ status: 'CHECKING', version: 1 });
    // The read sees nothing; the create-only write then loses to the other request.
    ddb.on(GetCommand, { Key: placementKey() }).resolvesOnce({}).callsFake(table.get);
    ddb.on(PutCommand, { Item: placementKey() }).callsFake(() => {
      table.seed(placementItem(winner));
      throw conditionalCheckFailed();
    });
    sfn.on(StartExecutionCommand).rejects(executionAlreadyExists());

    const response = await call({ method: 'POST', path: '/placements', body: newPlacementBody() });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response)).toMatchObject({
      placementId: PLACEMENT_ID,
      status: 'CHECKING',
      history: winner.history,
    });
    expect(jsonOf(response).createdAt).toBe(winner.createdAt);
    // The retention index entry (the same one the winner wrote), then the create that lost.
    expect(ddb.commandCalls(PutCommand)).toHaveLength(2);
    // Still CHECKING: the start is repeated (idempotent by name) in case the winner never got to it.
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.name).toBe(PLACEMENT_ID);
  });

  it('answers 200 with the stored placement when the same placement is posted again, writing nothing', async () => {
    table.seed(
      siteItem(storedSite()),
      placementItem(
        storedPlacement({
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        }),
      ),
    );

    const response = await call({ method: 'POST', path: '/placements', body: newPlacementBody() });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response)).toMatchObject({ placementId: PLACEMENT_ID, status: 'AWAITING_DOCUMENTS' });
    expect(response.body).not.toContain(TASK_TOKEN);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});

describe('GET /placements', () => {
  it('answers 400 naming `status` for an unknown status, without querying', async () => {
    const response = await call({ method: 'GET', path: '/placements?status=BOGUS' });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['status']);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it.each(['0', '101', '-1', 'ten'])('answers 400 naming `limit` for limit=%s', async (limit) => {
    const response = await call({ method: 'GET', path: `/placements?limit=${limit}` });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['limit']);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers 400 naming `cursor` for a cursor it never issued', async () => {
    const response = await call({ method: 'GET', path: '/placements?cursor=not-a-cursor' });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['cursor']);
  });

  it('lists a site’s placements as views, newest first, with a cursor when more remain', async () => {
    const older = storedPlacement({ placementId: 'pl_older', createdAt: '2030-02-01T00:00:00.000Z' });
    const newer = storedPlacement({
      placementId: 'pl_newer',
      createdAt: '2030-02-10T00:00:00.000Z',
      pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-11T00:00:00.000Z' },
    });
    const indexed = (placement: typeof older, shard: number) => ({
      ...placementItem(placement),
      gsi2pk: `${SITE_ID}#${shard}`,
      gsi2sk: `${placement.createdAt}#${placement.placementId}`,
    });
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `${SITE_ID}#1` } })
      .resolves({ Items: [indexed(older, 1)] });
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `${SITE_ID}#3` } })
      .resolves({ Items: [indexed(newer, 3)] });

    const response = await call({ method: 'GET', path: `/placements?siteId=${SITE_ID}&limit=1` });

    expect(response.statusCode).toBe(200);
    const page = jsonOf(response);
    expect(page.items.map((item: { placementId: string }) => item.placementId)).toEqual(['pl_newer']);
    expect(Object.keys(page.items[0]).sort()).toEqual(PLACEMENT_VIEW_FIELDS);
    expect(page.cursor).toEqual(expect.any(String));
    expect(response.body).not.toContain(TASK_TOKEN);
    expect(ddb.commandCalls(QueryCommand).map((query) => query.args[0].input.IndexName)).toEqual(
      Array(4).fill('bySite'),
    );
  });
});

describe('GET /placements/{placementId}', () => {
  it('answers 200 with the view of the stored placement, never its task token', async () => {
    const placement = storedPlacement({
      pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
      requirements: [
        requirement('MMR', 'REJECTED', {
          reason: 'Blurry',
          documentId: 'doc_a',
          rejectedAt: '2030-02-22T00:00:00.000Z',
        }),
        requirement('BLS'),
      ],
    });
    table.seed(placementItem(placement));

    const response = await call({ method: 'GET', path: `/placements/${PLACEMENT_ID}` });

    expect(response.statusCode).toBe(200);
    expect(Object.keys(jsonOf(response)).sort()).toEqual(PLACEMENT_VIEW_FIELDS);
    expect(jsonOf(response).requirements[0]).toEqual(
      requirement('MMR', 'REJECTED', { reason: 'Blurry', documentId: 'doc_a' }),
    );
    expect(response.body).not.toContain(TASK_TOKEN);
  });

  it('answers 404 NOT_FOUND for an unknown placement', async () => {
    const response = await call({ method: 'GET', path: '/placements/pl_unknown' });

    expect(response.statusCode).toBe(404);
    expect(jsonOf(response).error.code).toBe('NOT_FOUND');
  });
});

describe('POST /placements/{placementId}/waivers', () => {
  it('waiving the last outstanding requirement resumes the waiting workflow once and forgets its token', async () => {
    table.seed(
      placementItem(
        storedPlacement({
          requirements: [requirement('MMR', 'ACCEPTED', { documentId: 'doc_a' }), requirement('BLS')],
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        }),
      ),
    );

    const response = await call({
      method: 'POST',
      path: `/placements/${PLACEMENT_ID}/waivers`,
      body: { requirementCode: 'BLS', reason: 'Certified through the school until June.' },
    });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response).requirements[1]).toEqual(
      requirement('BLS', 'WAIVED', { reason: 'Certified through the school until June.' }),
    );
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((c) => c.args[0].input)).toEqual([
      { taskToken: TASK_TOKEN, output: JSON.stringify({ event: 'DOCUMENTS_COMPLETE' }) },
    ]);
    expect(placementOf(table.item(placementKey().pk, 'PLACEMENT')).pendingTask).toBeUndefined();
  });

  it('answers 400 naming requirementCode for a code the placement does not have', async () => {
    table.seed(placementItem(storedPlacement()));

    const response = await call({
      method: 'POST',
      path: `/placements/${PLACEMENT_ID}/waivers`,
      body: { requirementCode: 'TB', reason: 'n/a' },
    });

    expect(response.statusCode).toBe(400);
    expect(errorPaths(response)).toEqual(['requirementCode']);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('POST /placements/{placementId}/cancel', () => {
  it('cancels the placement and stops its execution by ARN', async () => {
    table.seed(
      placementItem(
        storedPlacement({
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        }),
      ),
    );

    const response = await call({
      method: 'POST',
      path: `/placements/${PLACEMENT_ID}/cancel`,
      body: { reason: 'Student withdrew.' },
    });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response).status).toBe('CANCELLED');
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input).toEqual({
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:Onboarding:${PLACEMENT_ID}`,
      cause: 'Student withdrew.',
    });
    const stored = placementOf(table.item(placementKey().pk, 'PLACEMENT'));
    expect(stored.status).toBe('CANCELLED');
    expect(stored.pendingTask).toBeUndefined();
    // The student is told, with the reason; the site never saw the packet, so it is not.
    const emails = sentEmails(ses);
    expect(emails.map((email) => email.to)).toEqual([[STUDENT.email]]);
    expect(emails[0]?.subject).toBe("Your placement at St Mary's Hospital was cancelled");
    expect(emails[0]?.text).toContain('Student withdrew.');
    expect(stored.history.at(-1)).toMatchObject({ type: 'OUTCOME_NOTIFIED', detail: 'CANCELLED: student' });
    expect(jsonOf(response).history.at(-1).type).toBe('OUTCOME_NOTIFIED');
  });

  it('also tells each site admin who was asked to review, once, and a second cancel sends nothing', async () => {
    const admins = [ADMIN_EMAIL, 'second-admin@stmarys.example'];
    table.seed(
      placementItem(
        storedPlacement({
          status: 'AWAITING_SITE_APPROVAL',
          adminEmails: admins,
          history: [
            { at: '2030-02-20T10:00:00.000Z', type: 'CREATED' },
            { at: '2030-02-25T10:00:00.000Z', type: 'SITE_REVIEW_REQUESTED' },
          ],
        }),
      ),
    );
    const cancel = () =>
      call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/cancel`, body: { reason: 'Visa delayed.' } });

    expect((await cancel()).statusCode).toBe(200);
    expect((await cancel()).statusCode).toBe(200);

    const emails = sentEmails(ses);
    expect(emails.map((email) => email.to)).toEqual([[STUDENT.email], [admins[0]], [admins[1]]]);
    for (const toSite of emails.slice(1)) {
      expect(toSite.subject).toBe('Ada Lovelace’s placement was cancelled');
      expect(toSite.text).not.toContain('Visa delayed.');
    }
    const history = placementOf(table.item(placementKey().pk, 'PLACEMENT')).history.map(
      (entry) => entry.type,
    );
    expect(history.filter((type) => type === 'CANCELLED')).toHaveLength(1);
    expect(history.filter((type) => type === 'OUTCOME_NOTIFIED')).toHaveLength(1);
  });

  it('answers a cancel repeated while the first still sends its email (a double click) with 503 and Retry-After, logging no error', async () => {
    const logs = captureLogs();
    table.seed(placementItem(storedPlacement()));
    let sendStarted = () => {};
    const started = new Promise<void>((resolve) => {
      sendStarted = resolve;
    });
    let releaseSend = () => {};
    const released = new Promise<void>((resolve) => {
      releaseSend = resolve;
    });
    ses.on(SendEmailCommand).callsFake(async () => {
      sendStarted();
      await released;
      return { MessageId: 'message-1' };
    });
    const cancel = () =>
      call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/cancel`, body: { reason: 'Withdrew.' } });

    const first = cancel();
    await started;
    const second = await cancel();
    releaseSend();

    expect((await first).statusCode).toBe(200);
    expect(second.statusCode).toBe(503);
    expect(headerOf(second, 'retry-after')).toBe('30');
    expect(jsonOf(second)).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'An earlier request for this placement is still finishing. Please try again in 30 seconds.',
      },
    });
    expect(placementOf(table.item(placementKey().pk, 'PLACEMENT')).status).toBe('CANCELLED');
    expect(sentEmails(ses)).toHaveLength(1);
    expect(logs.entries().map((entry) => entry.level)).not.toContain('ERROR');
  });

  it('answers 409 CONFLICT for a placement that already finished', async () => {
    table.seed(placementItem(storedPlacement({ status: 'CLEARED' })));

    const response = await call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/cancel` });

    expect(response.statusCode).toBe(409);
    expect(jsonOf(response).error.code).toBe('CONFLICT');
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(0);
    expect(sentEmails(ses)).toHaveLength(0);
  });
});

describe('POST /placements/{placementId}/purge', () => {
  const CALLER = 'arn:aws:iam::123456789012:user/registrar';
  const documentIds = ['doc_blscardaaaaaaaaaaaaaaaaaa', 'doc_tbtestaaaaaaaaaaaaaaaaaaa'];
  const otherPlacementDocument = storedDocument({
    documentId: 'doc_otherplacementaaaaaaaaa',
    placementId: 'pl_otherplacementaaaaaaaaaa',
    objectKey: 'placements/pl_otherplacementaaaaaaaaaa/doc_otherplacementaaaaaaaaa',
    status: 'ACCEPTED',
  });

  /** A request signed by CALLER, as API Gateway's IAM authorizer describes it. */
  const purgeAs = async (body: unknown): Promise<HttpResponse> => {
    const event = apiGatewayEvent({ method: 'POST', path: `/placements/${PLACEMENT_ID}/purge`, body });
    const signed = {
      ...event,
      requestContext: { ...event.requestContext, authorizer: { iam: { userArn: CALLER } } },
    };
    const result = (await handler(signed, lambdaContext('coordinator-api'))) as HttpResponse;
    return { ...result, headers: result.headers ?? {} };
  };

  const seedPlacementInFlight = () => {
    const link = storedLink({
      kind: 'portal',
      placementId: PLACEMENT_ID,
      expiresAt: '2030-03-18T00:00:00.000Z',
    });
    table.seed(
      placementItem(
        storedPlacement({
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
          requirements: [
            requirement('MMR', 'REJECTED', { reason: 'The scan of Ada’s record is unreadable.' }),
            requirement('BLS', 'ACCEPTED', { documentId: documentIds[0] }),
          ],
        }),
      ),
      ...documentIds.map((documentId) =>
        documentItem(storedDocument({ documentId, objectKey: `placements/${PLACEMENT_ID}/${documentId}` })),
      ),
      documentItem(otherPlacementDocument),
      link.item,
      // The item a saved link files under its placement (LinkTable.saveLink).
      { pk: `PLACEMENT#${PLACEMENT_ID}`, sk: `LINK#${link.item.tokenHash}`, tokenHash: link.item.tokenHash },
    );
    return link;
  };

  it('stops the execution, deletes the documents and links, redacts the student and answers the audit record', async () => {
    const link = seedPlacementInFlight();

    const response = await purgeAs({ reason: 'Data deletion request #12' });

    expect(response.statusCode).toBe(200);
    const body = jsonOf(response);
    expect(body.purge).toEqual({
      placementId: PLACEMENT_ID,
      purgedAt: TEST_NOW.toISOString(),
      documentsDeleted: 2,
      reason: 'Data deletion request #12',
      requestedBy: CALLER,
    });
    expect(body.placement).toMatchObject({ placementId: PLACEMENT_ID, status: 'CANCELLED' });
    expect(body.placement.student).toMatchObject({ name: '[purged]', email: '[purged]' });
    // Finished: waiting on nobody.
    expect(Object.keys(body.placement).sort()).toEqual(
      PLACEMENT_VIEW_FIELDS.filter((field) => field !== 'waitingOn'),
    );
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
    // Every stored version of each file goes, not only the current one (the bucket is versioned).
    expect(deletedVersions(s3)).toEqual(
      documentIds.map((documentId) => ({
        Bucket: TEST_CONFIG.documentsBucket,
        Key: `placements/${PLACEMENT_ID}/${documentId}`,
        VersionId: STORED_VERSION,
      })),
    );
    for (const documentId of documentIds) {
      expect(table.item(`STUDENT#${STUDENT.id}`, `DOC#${documentId}`)).toBeUndefined();
    }
    expect(table.item(`STUDENT#${STUDENT.id}`, `DOC#${otherPlacementDocument.documentId}`)).toBeDefined();
    expect(table.item(String(link.item.pk), 'LINK')).toBeUndefined();
    expect(table.item(`PLACEMENT#${PLACEMENT_ID}`, `LINK#${link.item.tokenHash}`)).toBeUndefined();
    const stored = table.item(placementKey().pk, 'PLACEMENT');
    for (const personal of [STUDENT.name, STUDENT.email, STUDENT.id, TASK_TOKEN, 'unreadable']) {
      expect(JSON.stringify(stored)).not.toContain(personal);
    }
    expect(table.item(`PLACEMENT#${PLACEMENT_ID}`, 'PURGE')).toMatchObject(body.purge);
  });

  it('answers the same record to a second purge and writes nothing', async () => {
    seedPlacementInFlight();
    const first = jsonOf(await purgeAs({ reason: 'Data deletion request #12' }));
    ddb.resetHistory();
    s3.resetHistory();
    sfn.resetHistory();

    const again = await call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/purge` });

    expect(again.statusCode).toBe(200);
    expect(jsonOf(again)).toEqual(first);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(0);
  });

  it('logs one line with the placement id and counts, and nothing personal', async () => {
    seedPlacementInFlight();
    const logs = captureLogs();

    await purgeAs({ reason: 'Ada asked' });

    const lines = logs.lines.filter((line) => line.includes('Placement purged'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      message: 'Placement purged',
      placementId: PLACEMENT_ID,
      documentsDeleted: 2,
      linksDeleted: 1,
    });
    expect(logs.lines.join('\n')).not.toContain('Ada');
  });

  it('answers 404 NOT_FOUND for an unknown placement and 400 naming reason for a reason over 2,000 characters', async () => {
    const unknown = await call({ method: 'POST', path: '/placements/pl_aaaaaaaaaaaaaaaaaaaaaaaaaa/purge' });
    expect(unknown.statusCode).toBe(404);
    expect(jsonOf(unknown).error.code).toBe('NOT_FOUND');

    table.seed(placementItem(storedPlacement()));
    const long = await call({
      method: 'POST',
      path: `/placements/${PLACEMENT_ID}/purge`,
      body: { reason: 'x'.repeat(2001) },
    });
    expect(long.statusCode).toBe(400);
    expect(errorPaths(long)).toEqual(['reason']);
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });
});

describe('POST /placements/{placementId}/retry', () => {
  it('moves a FAILED placement back to CHECKING and starts a new execution under a new name', async () => {
    table.seed(placementItem(storedPlacement({ status: 'FAILED', failure: { error: 'TypeError' } })));

    const response = await call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/retry` });

    expect(response.statusCode).toBe(200);
    expect(jsonOf(response)).toMatchObject({ placementId: PLACEMENT_ID, status: 'CHECKING' });
    expect(jsonOf(response).failure).toBeUndefined();
    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input)).toEqual([
      {
        stateMachineArn: TEST_CONFIG.stateMachineArn,
        name: `${PLACEMENT_ID}-retry-1`,
        input: JSON.stringify({ placementId: PLACEMENT_ID }),
      },
    ]);
    const stored = placementOf(table.item(placementKey().pk, 'PLACEMENT'));
    expect(stored).toMatchObject({
      status: 'CHECKING',
      executionName: `${PLACEMENT_ID}-retry-1`,
      version: 4,
    });
    expect(stored.history.at(-1)?.type).toBe('RETRIED');
  });

  it('answers 409 CONFLICT naming the status of a placement that did not fail, and starts nothing', async () => {
    table.seed(placementItem(storedPlacement({ status: 'AWAITING_DOCUMENTS' })));

    const response = await call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/retry` });

    expect(response.statusCode).toBe(409);
    expect(jsonOf(response).error).toMatchObject({ code: 'CONFLICT' });
    expect(jsonOf(response).error.message).toContain('AWAITING_DOCUMENTS');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 404 NOT_FOUND for an unknown placement', async () => {
    const response = await call({ method: 'POST', path: `/placements/${PLACEMENT_ID}/retry` });

    expect(response.statusCode).toBe(404);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});

describe('routing and unexpected failures', () => {
  it.each([
    ['GET', '/nowhere'],
    ['DELETE', `/placements/${PLACEMENT_ID}`],
    ['GET', '/sites'],
    ['POST', '/sites/x/y'],
  ])('answers 404 NOT_FOUND for %s %s', async (method, path) => {
    const response = await call({ method, path });

    expect(response.statusCode).toBe(404);
    expect(jsonOf(response).error.code).toBe('NOT_FOUND');
    expect(ddb.calls()).toHaveLength(0);
  });

  const expectGenericServerError = (response: { statusCode: number; body: string }, ...secrets: string[]) => {
    expect(response.statusCode).toBe(500);
    expect(jsonOf(response as never)).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again later.' },
    });
    for (const secret of [TEST_CONFIG.tableName, 'stack', 'Exception', 'DynamoDB', ' at ', ...secrets]) {
      expect(response.body).not.toContain(secret);
    }
  };

  it('answers an unexpected DynamoDB error with a 500 that says nothing internal, and logs only its name', async () => {
    const logs = captureLogs();
    ddb.on(GetCommand).rejects(tableNotFound(TEST_CONFIG.tableName));

    const response = await call({ method: 'GET', path: `/placements/${PLACEMENT_ID}` });

    expectGenericServerError(response, 'ResourceNotFound', 'Requested resource');
    expect(logs.entries()).toHaveLength(1);
    expect(logs.entries()[0]).toMatchObject({
      level: 'ERROR',
      message: 'Request failed',
      errorName: 'ResourceNotFoundException',
      placementId: PLACEMENT_ID,
      function_request_id: 'aws-request-1',
    });
    expect(logs.lines[0]).not.toContain(TEST_CONFIG.tableName);
  });

  it("does not carry one request's placementId onto the next request's log lines", async () => {
    const logs = captureLogs();
    ddb.on(GetCommand).rejects(tableNotFound(TEST_CONFIG.tableName));
    ddb.on(QueryCommand).rejects(tableNotFound(TEST_CONFIG.tableName));

    await call({ method: 'GET', path: `/placements/${PLACEMENT_ID}` });
    await call({ method: 'GET', path: `/placements?siteId=${SITE_ID}` });

    const [first, second] = logs.entries();
    expect(first).toMatchObject({ message: 'Request failed', placementId: PLACEMENT_ID });
    expect(second?.message).toBe('Request failed');
    expect(second).not.toHaveProperty('placementId');
    expect(second).not.toHaveProperty('correlation_id');
  });

  it('answers DynamoDB throttling with 503 SERVICE_UNAVAILABLE and Retry-After, saying nothing internal and logging a warning only', async () => {
    const logs = captureLogs();
    table.seed(siteItem(storedSite()));
    ddb.on(PutCommand).rejects(dynamoThrottlingException());

    const response = await call({ method: 'POST', path: '/placements', body: newPlacementBody() });

    expect(response.statusCode).toBe(503);
    expect(headerOf(response, 'retry-after')).toBe('2');
    expect(jsonOf(response)).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is busy. Please try again in a moment.' },
    });
    for (const secret of ['Throttl', 'TransientDependencyError', 'throughput', 'DynamoDB']) {
      expect(response.body).not.toContain(secret);
    }
    expect(logs.entries()).toEqual([
      expect.objectContaining({ level: 'WARN', errorName: 'TransientDependencyError' }),
    ]);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});
