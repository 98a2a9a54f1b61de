import { S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createCoordinatorApiHandler } from '../../functions/handlers/coordinator-api.js';
import { apiGatewayEvent, type HttpResponse, jsonOf, lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { sentEmails } from './support/sent-emails.js';
import {
  documentItem,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
  storedDocument,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';

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

const CALLER = 'arn:aws:iam::123456789012:user/reviewer-ada';
const MMR_DOC = 'doc_mmrrecordaaaaaaaaaaaaaaaaa';
const BLS_DOC = 'doc_blscardaaaaaaaaaaaaaaaaaa';

resetBeforeEachTest({ ddb, table, clients: [sfn, ses, s3] }, () => {
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
  sfn.on(SendTaskSuccessCommand).resolves({});
});

/** A request signed by CALLER, as API Gateway's IAM authorizer describes it. */
const signed = async (request: Parameters<typeof apiGatewayEvent>[0]): Promise<HttpResponse> => {
  const event = apiGatewayEvent(request);
  const withCaller = {
    ...event,
    requestContext: { ...event.requestContext, authorizer: { iam: { userArn: CALLER } } },
  };
  const result = (await handler(withCaller, lambdaContext('coordinator-api'))) as HttpResponse;
  return { ...result, headers: result.headers ?? {} };
};

const decide = (documentId: string, body: unknown) =>
  signed({ method: 'POST', path: `/placements/${PLACEMENT_ID}/documents/${documentId}/verification`, body });

/** MMR and BLS both SUBMITTED, the workflow waiting in CollectDocuments. */
const seedBothSubmitted = () => {
  const submittedAt = '2030-02-28T10:00:00.000Z';
  table.seed(
    placementItem(
      storedPlacement({
        verification: 'staff',
        pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        requirements: [
          requirement('MMR', 'SUBMITTED', { documentId: MMR_DOC, submittedAt }),
          requirement('BLS', 'SUBMITTED', { documentId: BLS_DOC, submittedAt }),
        ],
      }),
    ),
    documentItem(storedDocument({ documentId: MMR_DOC, status: 'SUBMITTED', submittedAt })),
    documentItem(
      storedDocument({
        documentId: BLS_DOC,
        requirementCode: 'BLS',
        status: 'SUBMITTED',
        submittedAt,
        issuedOn: '2029-06-01',
        expiresOn: '2031-06-01',
        objectKey: `placements/${PLACEMENT_ID}/${BLS_DOC}`,
      }),
    ),
  );
};

describe('POST /placements/{placementId}/documents/{documentId}/verification', () => {
  it('verify records the IAM caller as the verifier and resumes the workflow once the last item is verified', async () => {
    seedBothSubmitted();

    const first = await decide(MMR_DOC, { decision: 'verify' });
    expect(first.statusCode).toBe(200);
    const mmr = (jsonOf(first).requirements as Array<Record<string, unknown>>).find((r) => r.code === 'MMR');
    expect(mmr).toMatchObject({
      status: 'ACCEPTED',
      verification: 'staff',
      verifiedBy: CALLER,
      verifiedAt: TEST_NOW.toISOString(),
    });
    expect(jsonOf(first).waitingOn).toBe('school');
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);

    const last = await decide(BLS_DOC, { decision: 'verify' });
    expect(last.statusCode).toBe(200);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
    expect(sentEmails(ses)).toHaveLength(0);
  });

  it('two rejections in one sitting send the student one email listing both items with reasons and note', async () => {
    seedBothSubmitted();

    const first = await decide(MMR_DOC, { decision: 'reject', reasonCode: 'ILLEGIBLE' });
    expect(first.statusCode).toBe(200);
    // BLS still waits for a decision: the sitting is open, nothing is sent yet.
    expect(sentEmails(ses)).toHaveLength(0);

    const second = await decide(BLS_DOC, {
      decision: 'reject',
      reasonCode: 'OTHER',
      note: 'Card is for a different course.',
    });
    expect(second.statusCode).toBe(200);

    const emails = sentEmails(ses);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.to).toEqual([STUDENT.email]);
    expect(emails[0]?.subject).toContain('2 documents');
    expect(emails[0]?.text).toContain('We could not read the document.');
    expect(emails[0]?.text).toContain('Note from the school: Card is for a different course.');
    expect(emails[0]?.text).toContain(`${TEST_CONFIG.publicBaseUrl}/portal/`);
    const stored = placementOf(table.item(placementKey().pk, placementKey().sk));
    expect(stored.history.map((entry) => entry.type)).toContain('SENT_BACK_NOTICE_SENT');

    // Asking again (a retry) sends nothing more: the batch is told.
    const again = await decide(BLS_DOC, { decision: 'reject', reasonCode: 'ILLEGIBLE' });
    expect(again.statusCode).toBe(409);
    expect(jsonOf(again).error).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(sentEmails(ses)).toHaveLength(1);
  });

  it('refuses a reject without a reason code, naming the field', async () => {
    seedBothSubmitted();
    const response = await decide(MMR_DOC, { decision: 'reject' });
    expect(response.statusCode).toBe(400);
    expect(jsonOf(response).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'reasonCode' })],
    });
  });

  it('answers 404 for a document the placement does not have', async () => {
    seedBothSubmitted();
    const response = await decide('doc_nosuchdocumentaaaaaaaaaa', { decision: 'verify' });
    expect(response.statusCode).toBe(404);
    expect(jsonOf(response).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('GET /verification-queue', () => {
  it('refuses a bad limit and an unknown requirement, naming each field', async () => {
    const response = await signed({
      method: 'GET',
      path: '/verification-queue?limit=0&requirementCode=NOPE',
    });
    expect(response.statusCode).toBe(400);
    const paths = (jsonOf(response).error as { details: Array<{ path: string }> }).details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['limit', 'requirementCode']));
  });
});
