import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { OnceLedgerTable } from '../../../functions/adapters/dynamodb/once-ledger-table.js';
import { TransientDependencyError } from '../../../functions/core/errors.js';
import { conditionalCheckFailed, dynamoThrottlingException } from '../../handlers/support/sdk-errors.js';
import { onceKey } from '../../handlers/support/stored-items.js';

const TABLE = 'onboarding-test-table';
const NOW = new Date('2030-03-01T09:00:00.000Z');
const ddb = mockClient(DynamoDBDocumentClient);
const ledger = new OnceLedgerTable(
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    }),
  ),
  TABLE,
  { now: () => NOW },
);

beforeEach(() => {
  ddb.reset();
});

describe('OnceLedgerTable', () => {
  it('claims a key with a create-only put that is cleaned up after 400 days', async () => {
    ddb.on(PutCommand).resolves({});

    await expect(ledger.claim('mail:x')).resolves.toBe(true);

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        pk: onceKey('mail:x').pk,
        sk: 'ONCE',
        claimedAt: NOW.toISOString(),
        expiresAtEpoch: NOW.getTime() / 1000 + 400 * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers false for a key already claimed', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());

    await expect(ledger.claim('mail:x')).resolves.toBe(false);
  });

  it('turns throttling into TransientDependencyError', async () => {
    ddb.on(PutCommand).rejects(dynamoThrottlingException());

    await expect(ledger.claim('mail:x')).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('gives a claim back by deleting it', async () => {
    ddb.on(DeleteCommand).resolves({});

    await ledger.release('mail:x');

    expect(ddb.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: onceKey('mail:x').pk, sk: 'ONCE' },
    });
  });
});
