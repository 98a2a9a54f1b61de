import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../functions/core/link-token.js';
import type { Placement } from '../../functions/core/model/placement.js';
import { createRequestSiteApprovalHandler } from '../../functions/handlers/request-site-approval.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { sesThrottling } from './support/sdk-errors.js';
import { linkTokensIn, sentEmails } from './support/sent-emails.js';
import {
  ADMIN_EMAIL,
  COORDINATOR_EMAIL,
  onceKey,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';
import { complianceState, TIMED_OUT, taskEvent } from './support/task-event.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const sfn = mockClient(SFNClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const CONTEXT = lambdaContext('request-site-approval');
const handler = createRequestSiteApprovalHandler({
  ...testPorts.tables(),
  mailer: testPorts.mailer(),
  workflow: testPorts.workflow(),
  clock: testPorts.clock,
  config: testPorts.config,
});

const SECOND_ADMIN = 'charge.nurse@stmarys.example';

const awaitingApproval = (overrides: Partial<Placement> = {}) =>
  storedPlacement({
    status: 'AWAITING_SITE_APPROVAL',
    adminEmails: [ADMIN_EMAIL, SECOND_ADMIN],
    requirements: [
      requirement('MMR', 'ACCEPTED', { documentId: 'doc_mmr' }),
      requirement('BLS', 'ACCEPTED', { documentId: 'doc_bls' }),
    ],
    ...overrides,
  });

const requestApproval = (state: Record<string, unknown> = {}) =>
  handler(
    taskEvent({ ...complianceState('REQUEST_SITE_APPROVAL'), ...state }, { taskToken: TASK_TOKEN }),
    CONTEXT,
  );
const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

resetBeforeEachTest({ ddb, table, clients: [ses, sfn] }, () => {
  table.seed(placementItem(awaitingApproval()));
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  sfn.on(SendTaskSuccessCommand).resolves({});
});

describe('request-site-approval', () => {
  it('emails each site admin their own 14-day review link; the task token never leaves the backend', async () => {
    await requestApproval();

    const emails = sentEmails(ses);
    expect(emails.map((email) => email.to)).toEqual([[ADMIN_EMAIL], [SECOND_ADMIN]]);
    expect(emails.every((email) => email.cc.length === 0)).toBe(true);
    const tokens = emails.map((email) => {
      expect(email.html).not.toContain(TASK_TOKEN);
      expect(email.text).not.toContain(TASK_TOKEN);
      const [token] = linkTokensIn(email.text, TEST_CONFIG.publicBaseUrl, 'review');
      expect(linkTokensIn(email.html, TEST_CONFIG.publicBaseUrl, 'review')).toEqual([token]);
      return token ?? '';
    });
    expect(new Set(tokens).size).toBe(2);
    [ADMIN_EMAIL, SECOND_ADMIN].forEach((adminEmail, index) => {
      expect(table.item(`LINK#${hashLinkToken(tokens[index] ?? '')}`, 'LINK')).toMatchObject({
        kind: 'review',
        placementId: PLACEMENT_ID,
        adminEmail,
        round: 0,
        expiresAt: new Date(TEST_NOW.getTime() + 14 * 86_400_000).toISOString(),
      });
    });

    const placement = storedPlacementNow();
    expect(placement.pendingTask).toEqual({
      kind: 'SITE_APPROVAL',
      token: TASK_TOKEN,
      since: TEST_NOW.toISOString(),
    });
    expect(placement.history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'SITE_REVIEW_REQUESTED',
      detail: '2 site administrator(s) emailed',
    });
  });

  it('copies the coordinator on the third reminder', async () => {
    table.seed(placementItem(awaitingApproval({ remindersSent: 2 })));

    await requestApproval({ timedOut: TIMED_OUT });

    const emails = sentEmails(ses);
    expect(emails.map((email) => email.cc)).toEqual([[COORDINATOR_EMAIL], [COORDINATOR_EMAIL]]);
    expect(storedPlacementNow()).toMatchObject({ remindersSent: 3 });
    expect(storedPlacementNow().history.at(-1)?.type).toBe('SITE_REMINDER_ESCALATED');
  });

  it('sends a first reminder without copying the coordinator', async () => {
    await requestApproval({ timedOut: TIMED_OUT });

    expect(sentEmails(ses).map((email) => email.cc)).toEqual([[], []]);
    expect(storedPlacementNow().history.at(-1)?.type).toBe('SITE_REMINDER_SENT');
  });

  it('on SES throttling throws TransientDependencyError and gives back only the failed claim', async () => {
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: [SECOND_ADMIN] } })
      .rejectsOnce(sesThrottling())
      .resolves({ MessageId: 'message-3' });
    const firstClaim = onceKey(`mail:review:${PLACEMENT_ID}:r0:n0:${ADMIN_EMAIL}`);
    const secondClaim = onceKey(`mail:review:${PLACEMENT_ID}:r0:n0:${SECOND_ADMIN}`);

    await expect(requestApproval()).rejects.toMatchObject({ name: 'TransientDependencyError' });

    expect(ddb.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key)).toEqual([secondClaim]);
    expect(table.item(firstClaim.pk, 'ONCE')).toBeDefined();
    expect(storedPlacementNow().pendingTask).toBeUndefined();

    await requestApproval();

    expect(sentEmails(ses).map((email) => email.to)).toEqual([[ADMIN_EMAIL], [SECOND_ADMIN], [SECOND_ADMIN]]);
    expect(storedPlacementNow().pendingTask?.token).toBe(TASK_TOKEN);
  });

  it('resumes at once with the recorded decision when the site decided before the task started', async () => {
    table.seed(
      placementItem(
        awaitingApproval({
          status: 'CLEARED',
          decision: { decision: 'approve', round: 0, by: ADMIN_EMAIL, at: '2030-02-28T12:00:00.000Z' },
        }),
      ),
    );

    await requestApproval();

    expect(sentEmails(ses)).toHaveLength(0);
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((call) => call.args[0].input)).toEqual([
      { taskToken: TASK_TOKEN, output: JSON.stringify({ decision: 'approve' }) },
    ]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each<[string, unknown]>([
    ['an empty event', {}],
    ['no task token', { placementId: PLACEMENT_ID, input: {} }],
    ['a numeric placement id', { placementId: 42, taskToken: TASK_TOKEN }],
  ])('rejects a malformed task event (%s) with ValidationError, doing nothing', async (_name, event) => {
    await expect(handler(event, CONTEXT)).rejects.toMatchObject({ name: 'ValidationError' });

    expect(ddb.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });
});
