import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { hashLinkToken } from '../../functions/core/link-token.js';
import { createCollectDocumentsHandler } from '../../functions/handlers/collect-documents.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { dynamoThrottlingException, sesThrottling } from './support/sdk-errors.js';
import { linkTokensIn, sentEmails } from './support/sent-emails.js';
import {
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
import { complianceState, taskEvent } from './support/task-event.js';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const sfn = mockClient(SFNClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const CONTEXT = lambdaContext('collect-documents');
const handler = createCollectDocumentsHandler({
  ...testPorts.tables(),
  mailer: testPorts.mailer(),
  workflow: testPorts.workflow(),
  clock: testPorts.clock,
  config: testPorts.config,
});

const BASE_URL = TEST_CONFIG.publicBaseUrl;
const FIRST_CLAIM = `mail:collect:${PLACEMENT_ID}:r0:n0`;

const collect = (reminder = false) =>
  handler(taskEvent(complianceState('COLLECT_DOCUMENTS', reminder), { taskToken: TASK_TOKEN }), CONTEXT);
const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));

resetBeforeEachTest({ ddb, table, clients: [ses, sfn] }, () => {
  table.seed(placementItem(storedPlacement()));
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  sfn.on(SendTaskSuccessCommand).resolves({});
});

describe('collect-documents', () => {
  it('emails the student their portal link, stores only the link’s hash and keeps the task token server-side', async () => {
    await collect();

    const emails = sentEmails(ses);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.from).toBe(TEST_CONFIG.mail.senderEmail);
    expect(email?.to).toEqual([STUDENT.email]);
    expect(email?.subject).toContain("St Mary's Hospital");
    for (const body of [email?.html ?? '', email?.text ?? '']) {
      expect(body).not.toContain(TASK_TOKEN);
      expect(body).toContain('Basic Life Support (BLS) certification');
    }
    const [token] = linkTokensIn(email?.text ?? '', BASE_URL, 'portal');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(linkTokensIn(email?.html ?? '', BASE_URL, 'portal')).toEqual([token]);

    const link = table.item(`LINK#${hashLinkToken(token ?? '')}`, 'LINK');
    expect(link).toMatchObject({
      kind: 'portal',
      placementId: PLACEMENT_ID,
      expiresAt: '2030-03-19T00:00:00.000Z',
    });
    expect(JSON.stringify(ddb.calls().map((call) => call.args[0].input))).not.toContain(token);

    const placement = storedPlacementNow();
    expect(placement.pendingTask).toEqual({
      kind: 'COLLECT_DOCUMENTS',
      token: TASK_TOKEN,
      since: TEST_NOW.toISOString(),
    });
    expect(placement.history.at(-1)).toEqual({ at: TEST_NOW.toISOString(), type: 'DOCUMENTS_REQUESTED' });
    expect(table.item(onceKey(FIRST_CLAIM).pk, 'ONCE')).toBeDefined();
    expect(sfn.calls()).toHaveLength(0);
  });

  it('sends no second email when Lambda retries the same task', async () => {
    await collect();
    await collect();

    expect(sentEmails(ses)).toHaveLength(1);
    expect(storedPlacementNow().pendingTask?.token).toBe(TASK_TOKEN);
  });

  it('after a timeout sends a numbered reminder', async () => {
    await collect(true);

    expect(sentEmails(ses)[0]?.subject).toMatch(/^Reminder: 2 documents still needed/);
    const placement = storedPlacementNow();
    expect(placement.remindersSent).toBe(1);
    expect(placement.history.at(-1)?.type).toBe('DOCUMENTS_REMINDER_SENT');
    expect(table.item(onceKey(`mail:collect:${PLACEMENT_ID}:r0:n1`).pk, 'ONCE')).toBeDefined();
  });

  it('after the site asked for changes, tells the student what the site said', async () => {
    table.seed(
      placementItem(
        storedPlacement({
          approvalRound: 1,
          requirements: [
            requirement('MMR', 'REJECTED', { reason: 'The scan is cut off.', documentId: 'doc_mmr' }),
            requirement('BLS', 'ACCEPTED', { documentId: 'doc_bls' }),
          ],
          decision: {
            decision: 'request-changes',
            round: 0,
            by: 'admin@stmarys.example',
            at: '2030-02-28T12:00:00.000Z',
            reason: 'The scan is cut off.',
            requirementCodes: ['MMR'],
          },
        }),
      ),
    );

    await collect();

    const [email] = sentEmails(ses);
    expect(email?.subject).toBe("St Mary's Hospital asked you to replace a document");
    expect(email?.text).toContain('What the site said: The scan is cut off.');
  });

  it('on SES throttling throws TransientDependencyError and gives the claim back, so the retry sends the email', async () => {
    ses.on(SendEmailCommand).rejectsOnce(sesThrottling()).resolves({ MessageId: 'message-2' });

    await expect(collect()).rejects.toMatchObject({ name: 'TransientDependencyError' });

    expect(ddb.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key)).toEqual([
      onceKey(FIRST_CLAIM),
    ]);
    expect(table.item(onceKey(FIRST_CLAIM).pk, 'ONCE')).toBeUndefined();
    expect(storedPlacementNow().pendingTask).toBeUndefined();

    await collect();

    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    expect(storedPlacementNow().pendingTask?.token).toBe(TASK_TOKEN);
  });

  it('does not turn a rejected email (not throttling) into a retry-able error', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }));

    await expect(collect()).rejects.toMatchObject({ name: 'MessageRejected' });
    expect(table.item(onceKey(FIRST_CLAIM).pk, 'ONCE')).toBeUndefined();
  });

  it('resumes at once, without an email, when nothing is outstanding any more', async () => {
    table.seed(
      placementItem(
        storedPlacement({
          requirements: [
            requirement('MMR', 'ACCEPTED', { documentId: 'doc_a' }),
            requirement('BLS', 'WAIVED', { reason: 'ok' }),
          ],
        }),
      ),
    );

    await collect();

    expect(sentEmails(ses)).toHaveLength(0);
    expect(sfn.commandCalls(SendTaskSuccessCommand).map((call) => call.args[0].input)).toEqual([
      { taskToken: TASK_TOKEN, output: JSON.stringify({ event: 'STATUS_CHANGED' }) },
    ]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each<[string, unknown, string[]]>([
    ['an empty event', {}, ['placementId', 'taskToken']],
    ['no task token', { placementId: PLACEMENT_ID, input: {} }, ['taskToken']],
    ['a blank placement id', { placementId: '', taskToken: TASK_TOKEN }, ['placementId']],
    ['null', null, ['placementId', 'taskToken']],
  ])(
    'rejects a malformed task event (%s) with ValidationError, doing nothing',
    async (_name, event, paths) => {
      const failure = await handler(event, CONTEXT).catch((error: unknown) => error);

      expect(failure).toMatchObject({ name: 'ValidationError' });
      expect((failure as { details: Array<{ path: string }> }).details.map((detail) => detail.path)).toEqual(
        paths,
      );
      expect(ddb.calls()).toHaveLength(0);
      expect(ses.calls()).toHaveLength(0);
    },
  );

  it('stays retry-able when SES throttles and releasing the claim is throttled too', async () => {
    ses.on(SendEmailCommand).rejects(sesThrottling());
    ddb.on(DeleteCommand).rejects(dynamoThrottlingException());

    await expect(collect()).rejects.toMatchObject({ name: 'TransientDependencyError' });
  });
});
