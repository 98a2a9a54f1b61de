import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createRecordFailureHandler } from '../../functions/handlers/record-failure.js';
import { type CapturedLogs, captureLogs } from '../support/captured-logs.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { sentEmails } from './support/sent-emails.js';
import {
  COORDINATOR_EMAIL,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  STUDENT,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';
import { taskEvent } from './support/task-event.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createRecordFailureHandler({
  ...testPorts.tables(),
  mailer: testPorts.mailer(),
  clock: testPorts.clock,
});
let logs: CapturedLogs;

const CAUSE_DETAIL = 'Student date of birth 1999-07-04 did not parse';
/** A Step Functions failure: the cause can carry anything, student data included. */
const failure = {
  error: 'IllegalTransitionError',
  cause: JSON.stringify({ errorMessage: CAUSE_DETAIL, trace: ['at x (/var/task/index.mjs:1:1)'] }),
};

const recordFailure = (extra: { error?: string; cause?: string } = failure) =>
  handler(
    taskEvent({ failure: { Error: extra.error, Cause: extra.cause } }, extra),
    lambdaContext('record-failure'),
  );
const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

resetBeforeEachTest({ ddb, table, clients: [ses] }, () => {
  table.seed(
    placementItem(
      storedPlacement({
        pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
      }),
    ),
  );
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});

describe('record-failure', () => {
  it('marks the placement FAILED keeping only the error name, and tells the coordinator once', async () => {
    await recordFailure();
    await recordFailure();

    const placement = storedPlacementNow();
    expect(placement.status).toBe('FAILED');
    expect(placement.failure).toEqual({ error: 'IllegalTransitionError' });
    expect(placement.pendingTask).toBeUndefined();
    expect(placement.history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'FAILED',
      detail: 'IllegalTransitionError',
    });
    const written = JSON.stringify(ddb.commandCalls(PutCommand).map((call) => call.args[0].input));
    expect(written).not.toContain(CAUSE_DETAIL);
    expect(written).not.toContain('/var/task');

    const emails = sentEmails(ses);
    expect(emails.map((email) => email.to)).toEqual([[COORDINATOR_EMAIL]]);
    expect(emails[0]?.text).not.toContain('/var/task');
    expect(emails[0]?.html).not.toContain(CAUSE_DETAIL);
    expect(emails[0]?.text).not.toContain(TASK_TOKEN);
  });

  it('logs the error name only, never the cause', async () => {
    await recordFailure();

    const lines = logs.lines;
    expect(lines).toHaveLength(1);
    expect(logs.entries()[0]).toMatchObject({
      level: 'ERROR',
      message: 'Onboarding workflow failed',
      errorName: 'IllegalTransitionError',
      placementId: PLACEMENT_ID,
    });
    expect(lines[0]).not.toContain(CAUSE_DETAIL);
    expect(lines[0]).not.toContain(STUDENT.email);
    expect(lines[0]).not.toContain(TASK_TOKEN);
  });

  it('ignores a failure reported by an execution other than the placement’s current one (after a retry)', async () => {
    const retryRun = `${PLACEMENT_ID}-retry-1`;
    const pendingTask = {
      kind: 'COLLECT_DOCUMENTS',
      token: TASK_TOKEN,
      since: '2030-02-21T00:00:00.000Z',
    } as const;
    table.seed(
      placementItem(storedPlacement({ status: 'AWAITING_DOCUMENTS', executionName: retryRun, pendingTask })),
    );
    const lateFailureOfFirstRun = {
      ...taskEvent({ failure: { Error: 'TypeError' } }, { error: 'TypeError' }),
      executionName: PLACEMENT_ID,
    };

    await handler(lateFailureOfFirstRun, lambdaContext('record-failure'));

    const placement = storedPlacementNow();
    expect(placement.status).toBe('AWAITING_DOCUMENTS');
    expect(placement.pendingTask).toEqual(pendingTask);
    expect(placement.failure).toBeUndefined();
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);

    await handler({ ...lateFailureOfFirstRun, executionName: retryRun }, lambdaContext('record-failure'));

    expect(storedPlacementNow()).toMatchObject({ status: 'FAILED', failure: { error: 'TypeError' } });
    expect(sentEmails(ses)).toHaveLength(1);
  });

  it('keeps the outcome of a placement that already finished, and emails nobody', async () => {
    table.seed(placementItem(storedPlacement({ status: 'CLEARED' })));

    await recordFailure();

    expect(storedPlacementNow().status).toBe('CLEARED');
    expect(ses.calls()).toHaveLength(0);
  });
});
