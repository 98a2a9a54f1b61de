import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_OUTCOME_MESSAGE } from '../../functions/contract/index.js';
import type { Placement } from '../../functions/core/model/placement.js';
import { createNotifyOutcomeHandler } from '../../functions/handlers/notify-outcome.js';
import { type CapturedLogs, captureLogs } from '../support/captured-logs.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { sesThrottling } from './support/sdk-errors.js';
import { sentEmails } from './support/sent-emails.js';
import {
  ADMIN_EMAIL,
  COORDINATOR_EMAIL,
  onceKey,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';
import { taskEvent } from './support/task-event.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const CONTEXT = lambdaContext('notify-outcome');
const handler = createNotifyOutcomeHandler({
  ...testPorts.tables(),
  mailer: testPorts.mailer(),
  clock: testPorts.clock,
});
let logs: CapturedLogs;

const cleared = (overrides: Partial<Placement> = {}) =>
  storedPlacement({
    status: 'CLEARED',
    requirements: [
      requirement('MMR', 'ACCEPTED', { documentId: 'doc_mmr' }),
      requirement('BLS', 'ACCEPTED', { documentId: 'doc_bls' }),
    ],
    decision: { decision: 'approve', round: 0, by: ADMIN_EMAIL, at: '2030-02-28T12:00:00.000Z' },
    // A token left behind must still never reach an email.
    pendingTask: { kind: 'SITE_APPROVAL', token: TASK_TOKEN, since: '2030-02-27T00:00:00.000Z' },
    ...overrides,
  });

const notify = () => handler(taskEvent({ next: 'NOTIFY_OUTCOME' }), CONTEXT);
const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

resetBeforeEachTest({ ddb, table, clients: [ses] }, () => {
  table.seed(placementItem(cleared()));
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  logs = captureLogs();
});

describe('notify-outcome', () => {
  it('tells the student, the coordinator and the site admins once each, and records it', async () => {
    await expect(notify()).resolves.toEqual({ sent: 3 });

    const emails = sentEmails(ses);
    expect(emails.map((email) => email.to)).toEqual([[STUDENT.email], [COORDINATOR_EMAIL], [ADMIN_EMAIL]]);
    for (const email of emails) {
      expect(email.html).not.toContain(TASK_TOKEN);
      expect(email.text).not.toContain(TASK_TOKEN);
    }
    expect(storedPlacementNow().history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'OUTCOME_NOTIFIED',
      detail: 'CLEARED: student, coordinator, site',
    });
  });

  it('logs the outcome line the CloudWatch metric filters count, once, tagged with the placement', async () => {
    await notify();
    await notify();

    const outcomeLines = logs.lines.filter((line) => line.includes(PLACEMENT_OUTCOME_MESSAGE));
    expect(outcomeLines).toHaveLength(1);
    // The metric filter's terms (infra/constructs/placement-metrics.ts): the message and the outcome, in one line.
    expect(outcomeLines[0]).toContain('CLEARED');
    expect(JSON.parse(outcomeLines[0] ?? '{}')).toMatchObject({
      level: 'INFO',
      message: 'Placement outcome',
      outcome: 'CLEARED',
      placementId: PLACEMENT_ID,
      correlation_id: PLACEMENT_ID,
      service: 'placement-onboarding',
      function_name: 'notify-outcome',
    });
    for (const personal of [STUDENT.email, STUDENT.name, COORDINATOR_EMAIL, ADMIN_EMAIL, TASK_TOKEN]) {
      expect(logs.lines.join('\n')).not.toContain(personal);
    }
  });

  it('sends nothing and writes nothing the second time', async () => {
    await notify();
    const writes = ddb.commandCalls(PutCommand).length;

    await expect(notify()).resolves.toEqual({ sent: 0 });

    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(writes + 3);
    expect(
      ddb
        .commandCalls(PutCommand)
        .slice(writes)
        .every((call) => String(call.args[0].input.Item?.pk).startsWith('ONCE#')),
    ).toBe(true);
  });

  it('leaves the site out of an expired placement', async () => {
    table.seed(placementItem(storedPlacement({ status: 'EXPIRED' })));

    await expect(notify()).resolves.toEqual({ sent: 2 });

    expect(sentEmails(ses).map((email) => email.to)).toEqual([[STUDENT.email], [COORDINATOR_EMAIL]]);
  });

  it('does nothing for a placement that has no outcome yet', async () => {
    table.seed(placementItem(storedPlacement()));

    await expect(notify()).resolves.toEqual({ sent: 0 });

    expect(ses.calls()).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('on SES throttling throws TransientDependencyError and gives the claim back', async () => {
    ses.on(SendEmailCommand).rejectsOnce(sesThrottling()).resolves({ MessageId: 'message-2' });
    const claim = onceKey(`mail:outcome:${PLACEMENT_ID}:CLEARED:student:${STUDENT.email.toLowerCase()}`);

    await expect(notify()).rejects.toMatchObject({ name: 'TransientDependencyError' });

    expect(ddb.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key)).toEqual([claim]);
    expect(table.item(claim.pk, 'ONCE')).toBeUndefined();

    await expect(notify()).resolves.toEqual({ sent: 3 });
  });

  it.each<[string, unknown]>([
    ['an empty event', {}],
    ['an over-long placement id', { placementId: 'p'.repeat(201) }],
  ])('rejects a malformed task event (%s) with ValidationError', async (_name, event) => {
    await expect(handler(event, CONTEXT)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
