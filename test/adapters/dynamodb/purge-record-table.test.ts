import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { PurgeRecordTable } from '../../../functions/adapters/dynamodb/purge-record-table.js';
import type { PurgeRecord } from '../../../functions/core/model/purge-record.js';
import { conditionalCheckFailed } from '../../handlers/support/sdk-errors.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const purges = new PurgeRecordTable(client, TABLE);

const RECORD: PurgeRecord = {
  placementId: 'pl_abc',
  purgedAt: '2030-03-01T09:00:00.000Z',
  documentsDeleted: 2,
  reason: 'Ticket DPR-1',
  requestedBy: 'arn:aws:iam::123456789012:user/registrar',
};

beforeEach(() => {
  ddb.reset();
});

describe('PurgeRecordTable', () => {
  it('writes the record beside its placement, create-only', async () => {
    ddb.on(PutCommand).resolves({});

    await expect(purges.savePurgeRecord(RECORD)).resolves.toEqual(RECORD);

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: { pk: 'PLACEMENT#pl_abc', sk: 'PURGE', ...RECORD },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers the record already stored when one exists, never overwriting it', async () => {
    const first = { ...RECORD, purgedAt: '2030-02-01T09:00:00.000Z', reason: 'the first request' };
    ddb.on(PutCommand).rejects(conditionalCheckFailed());
    ddb.on(GetCommand).resolves({ Item: { pk: 'PLACEMENT#pl_abc', sk: 'PURGE', ...first } });

    await expect(purges.savePurgeRecord(RECORD)).resolves.toEqual(first);
  });

  it('reads a record back without the keys, consistently, and undefined when there is none', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: { pk: 'PLACEMENT#pl_abc', sk: 'PURGE', ...RECORD } })
      .resolvesOnce({});

    await expect(purges.getPurgeRecord('pl_abc')).resolves.toEqual(RECORD);
    await expect(purges.getPurgeRecord('pl_abc')).resolves.toBeUndefined();
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: 'PLACEMENT#pl_abc', sk: 'PURGE' },
      ConsistentRead: true,
    });
  });
});
