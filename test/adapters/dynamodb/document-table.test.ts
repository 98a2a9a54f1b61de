import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DocumentTable } from '../../../functions/adapters/dynamodb/document-table.js';
import { TransientDependencyError } from '../../../functions/core/errors.js';
import { conditionalCheckFailed, dynamoThrottled } from '../../handlers/support/sdk-errors.js';
import { documentItem, storedDocument } from '../../handlers/support/stored-items.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const documents = new DocumentTable(client, TABLE);

beforeEach(() => {
  ddb.reset();
});

describe('DocumentTable', () => {
  it('lists every page of a student’s documents, consistently, without the table’s keys', async () => {
    const first = storedDocument({ documentId: 'doc_a' });
    const second = storedDocument({ documentId: 'doc_b' });
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [documentItem(first)],
        LastEvaluatedKey: { pk: 'STUDENT#s-1001', sk: 'DOC#doc_a' },
      })
      .resolves({ Items: [documentItem(second)] });

    await expect(documents.listStudentDocuments('s-1001')).resolves.toEqual([first, second]);

    const queries = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries[0]).toEqual({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      ExpressionAttributeValues: { ':pk': 'STUDENT#s-1001', ':doc': 'DOC#' },
      ConsistentRead: true,
      ExclusiveStartKey: undefined,
    });
    expect(queries[1]?.ExclusiveStartKey).toEqual({ pk: 'STUDENT#s-1001', sk: 'DOC#doc_a' });
  });

  it('saves a document under STUDENT#{studentId} / DOC#{documentId}', async () => {
    ddb.on(PutCommand).resolves({});
    const document = storedDocument();

    await documents.saveDocument(document);

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: documentItem(document),
    });
  });

  it('updates a document only where its record still exists, so a purged record is not put back', async () => {
    ddb.on(PutCommand).resolves({});
    const document = storedDocument({ changesRequested: true });

    await expect(documents.updateDocument(document)).resolves.toBe(true);

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: documentItem(document),
      ConditionExpression: 'attribute_exists(pk)',
    });
  });

  it('answers false when the record is gone (the condition failed), and writes nothing', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());

    await expect(documents.updateDocument(storedDocument())).resolves.toBe(false);
  });

  it('turns throttling on an update into TransientDependencyError', async () => {
    ddb.on(PutCommand).rejects(dynamoThrottled());

    await expect(documents.updateDocument(storedDocument())).rejects.toBeInstanceOf(TransientDependencyError);
  });
});
