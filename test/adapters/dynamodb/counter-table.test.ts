import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CounterTable } from '../../../functions/adapters/dynamodb/counter-table.js';
import { PlacementTable } from '../../../functions/adapters/dynamodb/placement-table.js';
import { dynamoThrottled } from '../../handlers/support/sdk-errors.js';
import { placementItem, storedPlacement } from '../../handlers/support/stored-items.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const counters = new CounterTable(client, TABLE);
const placements = new PlacementTable(client, TABLE, counters);

beforeEach(() => ddb.reset());

const additions = () =>
  ddb.commandCalls(UpdateCommand).map(({ args: [command] }) => ({
    counter: command.input.Key?.sk,
    by: command.input.ExpressionAttributeValues?.[':by'],
  }));

describe('the dashboard counters', () => {
  it('move with a placement write, from the old item DynamoDB returns to the new one', async () => {
    const before = storedPlacement({ status: 'AWAITING_DOCUMENTS' });
    ddb.on(PutCommand).resolves({ Attributes: placementItem(before) });
    await placements.savePlacement({ ...before, status: 'AWAITING_SITE_APPROVAL', version: 4 }, 3);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input.ReturnValues).toBe('ALL_OLD');
    expect(additions()).toContainEqual({ counter: 'status#AWAITING_DOCUMENTS', by: -1 });
    expect(additions()).toContainEqual({ counter: 'status#AWAITING_SITE_APPROVAL', by: 1 });
  });

  it('count a new placement once it is created, and not when it already existed', async () => {
    ddb.on(PutCommand).resolves({});
    await placements.createPlacement(storedPlacement({ status: 'CHECKING' }));
    expect(additions()).toContainEqual({ counter: 'status#CHECKING', by: 1 });
    ddb.reset();
    ddb
      .on(PutCommand)
      .rejects(Object.assign(new Error('exists'), { name: 'ConditionalCheckFailedException' }));
    await placements.createPlacement(storedPlacement({ status: 'CHECKING' }));
    expect(additions()).toEqual([]);
  });

  it('keep one placement in one shard partition, as an atomic ADD', async () => {
    ddb.on(UpdateCommand).resolves({});
    await counters.applyDeltas('pl_x', [
      { counter: 'status#CLEARED', by: 1 },
      { counter: 'status#AWAITING_SITE_APPROVAL', by: -1 },
    ]);
    const keys = ddb.commandCalls(UpdateCommand).map(({ args: [command] }) => command.input.Key?.pk);
    expect(new Set(keys).size).toBe(1);
    expect(String(keys[0])).toMatch(/^COUNTERS#[0-3]$/);
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input.UpdateExpression).toBe('ADD #count :by');
  });

  it('never fail the write they follow when DynamoDB refuses a counter (the recount repairs it)', async () => {
    ddb.on(UpdateCommand).rejects(dynamoThrottled());
    await expect(
      counters.applyDeltas('pl_x', [{ counter: 'status#CLEARED', by: 1 }]),
    ).resolves.toBeUndefined();
  });

  it('are read by one query per shard, summing the shards', async () => {
    ddb.on(QueryCommand).callsFake((input: { ExpressionAttributeValues: { ':pk': string } }) => ({
      Items: [
        { pk: input.ExpressionAttributeValues[':pk'], sk: 'status#CLEARED', count: 2 },
        { pk: input.ExpressionAttributeValues[':pk'], sk: 'submitted', count: 1 },
      ],
    }));
    const totals = await counters.readCounters();
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(4);
    expect(totals.get('status#CLEARED')).toBe(8);
    expect(totals.get('submitted')).toBe(4);
  });

  it('are set to recounted totals by adding the difference', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'status#CLEARED', count: 1 }] });
    ddb.on(UpdateCommand).resolves({});
    await counters.replaceCounters(new Map([['status#CLEARED', 3]]));
    // read: 4 shards each say 1 (4 in all); the recount says 3
    expect(additions()).toEqual([{ counter: 'status#CLEARED', by: -1 }]);
  });
});
