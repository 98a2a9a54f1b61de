import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { handler as RecordFailureHandler } from '../../functions/entries/record-failure.js';
import type { logger as FunctionLogger } from '../../functions/observability/logger.js';
import { lambdaContext } from '../handlers/support/api-gateway-event.js';
import { FakeTable } from '../handlers/support/fake-table.js';
import { coldStart, HANDLER_ENVIRONMENT } from '../handlers/support/handler-environment.js';
import { resetBeforeEachTest } from '../handlers/support/handler-test-preamble.js';
import { tableNotFound } from '../handlers/support/sdk-errors.js';
import {
  PLACEMENT_ID,
  placementItem,
  STUDENT,
  storedPlacement,
  TASK_TOKEN,
} from '../handlers/support/stored-items.js';
import { taskEvent } from '../handlers/support/task-event.js';
import { type CapturedLogs, captureLogs } from '../support/captured-logs.js';

// What Lambda sets for an on-demand sandbox (Powertools reports cold starts only there), and the
// switch that would make Powertools log every event: the handlers must not let it. Hoisted above the
// imports, because the logger reads them when it is built, and support modules import it.
vi.hoisted(() => {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('POWERTOOLS_LOGGER_LOG_EVENT', 'true');
});

// A task handler that always logs (RecordFailure), run as Lambda runs it: one sandbox, several
// invocations one after the other.
const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const table = new FakeTable(HANDLER_ENVIRONMENT.TABLE_NAME);
let handler: typeof RecordFailureHandler;
let logger: typeof FunctionLogger;
let logs: CapturedLogs;

const invocation = (awsRequestId: string): Context => ({ ...lambdaContext('record-failure'), awsRequestId });
const recordFailure = (
  awsRequestId: string,
  event: unknown = taskEvent({}, { error: 'States.TaskFailed' }),
) => handler(event, invocation(awsRequestId));

beforeAll(async () => {
  ({ handler } = await coldStart(() => import('../../functions/entries/record-failure.js')));
  ({ logger } = await import('../../functions/observability/logger.js'));
});

resetBeforeEachTest({ ddb, table, clients: [ses] }, () => {
  table.seed(placementItem(storedPlacement()));
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});

describe('the log context of a task handler', () => {
  it('tags its lines with the placement and the Lambda context, the cold start on the first invocation only', async () => {
    await recordFailure('request-1');
    await recordFailure('request-2');

    const [first, second] = logs.entries();
    const context = {
      message: 'Onboarding workflow failed',
      service: 'placement-onboarding',
      function_name: 'record-failure',
      function_arn: 'arn:aws:lambda:us-east-1:123456789012:function:record-failure',
      function_memory_size: '256',
      placementId: PLACEMENT_ID,
      correlation_id: PLACEMENT_ID,
    };
    expect(first).toMatchObject({ ...context, cold_start: true, function_request_id: 'request-1' });
    expect(second).toMatchObject({ ...context, cold_start: false, function_request_id: 'request-2' });
  });

  it('clears the placement when an invocation ends, whether it succeeded or failed', async () => {
    await recordFailure('request-3');
    logger.info('Between invocations');

    ddb.on(GetCommand).rejects(tableNotFound(HANDLER_ENVIRONMENT.TABLE_NAME));
    await expect(recordFailure('request-4')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    logger.info('After a failed invocation');

    const entries = logs.entries();
    expect(entries.map((entry) => entry.message)).toEqual([
      'Onboarding workflow failed',
      'Between invocations',
      'Onboarding workflow failed',
      'After a failed invocation',
    ]);
    expect(entries[2]).toMatchObject({ placementId: PLACEMENT_ID, function_request_id: 'request-4' });
    for (const between of [entries[1], entries[3]]) {
      expect(between).not.toHaveProperty('placementId');
      expect(between).not.toHaveProperty('correlation_id');
    }
  });

  it('tags nothing when the event names no valid placement', async () => {
    await recordFailure('request-5');
    const malformed = { placementId: 'pl_not-a-placement', input: {}, error: 'States.TaskFailed' };

    await recordFailure('request-6', malformed).catch(() => undefined);

    const last = logs.entries().at(-1);
    expect(last).toMatchObject({ message: 'Onboarding workflow failed', function_request_id: 'request-6' });
    expect(last).not.toHaveProperty('placementId');
  });

  it('never logs the event, which carries the task token, even with POWERTOOLS_LOGGER_LOG_EVENT set', async () => {
    await recordFailure('request-7', taskEvent({}, { taskToken: TASK_TOKEN, error: 'States.TaskFailed' }));

    expect(logs.entries().map((entry) => entry.message)).toEqual(['Onboarding workflow failed']);
    const text = logs.lines.join('\n');
    for (const secret of [TASK_TOKEN, STUDENT.email, STUDENT.name]) expect(text).not.toContain(secret);
  });
});
