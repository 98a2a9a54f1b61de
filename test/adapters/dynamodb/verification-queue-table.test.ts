import { PutCommand, QueryCommand, type QueryCommandInput, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DocumentTable } from '../../../functions/adapters/dynamodb/document-table.js';
import { VerificationQueueTable } from '../../../functions/adapters/dynamodb/verification-queue-table.js';
import { ValidationError } from '../../../functions/core/errors.js';
import type { StudentDocument } from '../../../functions/core/model/student-document.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const queue = new VerificationQueueTable(client, TABLE);
const documents = new DocumentTable(client, TABLE);

const QUEUE_ENTRY = {
  siteId: 'st-marys',
  startDate: '2030-04-01',
  student: { id: 's-1', name: 'Ada', email: 'ada@student.example' },
};

const submitted = (
  documentId: string,
  minute: string,
  extra: Partial<StudentDocument> = {},
): StudentDocument => ({
  documentId,
  studentId: 's-1',
  placementId: 'pl_one',
  requirementCode: 'TB',
  fileName: 'tb.pdf',
  contentType: 'application/pdf',
  size: 100,
  issuedOn: '2030-01-02',
  objectKey: `placements/pl_one/${documentId}`,
  status: 'SUBMITTED',
  submittedAt: `2030-02-20T10:${minute}:00.000Z`,
  queueEntry: QUEUE_ENTRY,
  createdAt: '2030-02-20T09:00:00.000Z',
  updatedAt: '2030-02-20T10:00:00.000Z',
  ...extra,
});
const sortKeyOf = (document: StudentDocument) => `${document.submittedAt}#${document.documentId}`;

/** Each shard's documents, oldest first, as an ascending index query returns them. */
const SHARDS: StudentDocument[][] = [
  [submitted('doc_a', '01'), submitted('doc_d', '04')],
  [submitted('doc_b', '02', { requirementCode: 'BLS' })],
  [submitted('doc_c', '03', { queueEntry: { ...QUEUE_ENTRY, siteId: 'other' } })],
  [],
];

const answerQueueQueries = () =>
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const shard = Number(String(values[':pk']).split('#')[1]);
    const after = values[':after'] as string | undefined;
    const items = (SHARDS[shard] ?? [])
      .filter((document) => after === undefined || sortKeyOf(document) > after)
      .filter((document) => values[':site'] === undefined || document.queueEntry?.siteId === values[':site'])
      .filter((document) => values[':code'] === undefined || document.requirementCode === values[':code'])
      .map((document) => ({
        pk: `STUDENT#${document.studentId}`,
        sk: `DOC#${document.documentId}`,
        gsi1pk: `QUEUE#${shard}`,
        gsi1sk: sortKeyOf(document),
        ...document,
      }));
    return { Items: items.slice(0, input.Limit) };
  });

const queries = () => ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
const cursorOf = (sortKey: string) => Buffer.from(JSON.stringify({ after: sortKey })).toString('base64url');

beforeEach(() => {
  ddb.reset();
});

describe('VerificationQueueTable.listSubmitted', () => {
  it('queries the 4 QUEUE shards of byStatus oldest first, merges them and returns a cursor after the last', async () => {
    answerQueueQueries();
    const page = await queue.listSubmitted({ limit: 3 });
    expect(page.items.map((document) => document.documentId)).toEqual(['doc_a', 'doc_b', 'doc_c']);
    expect(page.items[0]).toEqual(SHARDS[0]?.[0]);
    expect(page.cursor).toBe(cursorOf(sortKeyOf(submitted('doc_c', '03'))));
    expect(queries()).toEqual(
      [0, 1, 2, 3].map((shard) => ({
        TableName: TABLE,
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `QUEUE#${shard}` },
        ScanIndexForward: true,
        Limit: 3,
        ExclusiveStartKey: undefined,
      })),
    );
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('continues after the cursor and ends without one', async () => {
    answerQueueQueries();
    const page = await queue.listSubmitted({
      limit: 3,
      cursor: cursorOf(sortKeyOf(submitted('doc_c', '03'))),
    });
    expect(page.items.map((document) => document.documentId)).toEqual(['doc_d']);
    expect(page.cursor).toBeUndefined();
    expect(queries()[0]).toMatchObject({ KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :after' });
  });

  it('filters by site and requirement in DynamoDB, naming the nested queue entry attribute', async () => {
    answerQueueQueries();
    const page = await queue.listSubmitted({ siteId: 'st-marys', requirementCode: 'TB', limit: 10 });
    expect(page.items.map((document) => document.documentId)).toEqual(['doc_a', 'doc_d']);
    expect(queries()[0]).toMatchObject({
      FilterExpression: '#entry.#site = :site AND #code = :code',
      ExpressionAttributeNames: { '#entry': 'queueEntry', '#site': 'siteId', '#code': 'requirementCode' },
      ExpressionAttributeValues: { ':pk': 'QUEUE#0', ':site': 'st-marys', ':code': 'TB' },
    });
  });

  it('refuses a cursor it did not return, naming the cursor field', async () => {
    await expect(queue.listSubmitted({ limit: 3, cursor: 'bm90LWpzb24' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(queue.listSubmitted({ limit: 3, cursor: 'bm90LWpzb24' })).rejects.toMatchObject({
      details: [{ path: 'cursor' }],
    });
  });
});

describe('DocumentTable queue keys', () => {
  it('writes the queue keys only while a document is SUBMITTED, so a decision takes it out of the queue', async () => {
    ddb.on(PutCommand).resolves({});
    const waiting = submitted('doc_a', '01');
    await documents.saveDocument(waiting);
    await documents.updateDocument({ ...waiting, status: 'ACCEPTED', verification: 'staff' });
    await documents.updateDocument({ ...waiting, withdrawnAt: '2030-02-21T00:00:00.000Z' });
    const [first, second, withdrawn] = ddb
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input.Item ?? {});
    expect(withdrawn?.gsi1pk).toBeUndefined();
    expect(first).toMatchObject({ gsi1sk: '2030-02-20T10:01:00.000Z#doc_a' });
    expect(String(first?.gsi1pk)).toMatch(/^QUEUE#[0-3]$/);
    expect(second?.gsi1pk).toBeUndefined();
    expect(second?.gsi1sk).toBeUndefined();
  });
});
