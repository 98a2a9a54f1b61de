import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CounterTable } from '../../../functions/adapters/dynamodb/counter-table.js';
import { PlacementTable } from '../../../functions/adapters/dynamodb/placement-table.js';
import {
  ConcurrentUpdateError,
  TransientDependencyError,
  ValidationError,
} from '../../../functions/core/errors.js';
import type { Placement } from '../../../functions/core/model/placement.js';
import { conditionalCheckFailed, dynamoThrottled } from '../../handlers/support/sdk-errors.js';
import { placementItem, SITE_ID, storedPlacement } from '../../handlers/support/stored-items.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client: documentClient } = mockedDocumentClient();
const table = new PlacementTable(documentClient, TABLE, new CounterTable(documentClient, TABLE));

const placementAt = (hour: string): Placement =>
  storedPlacement({ placementId: `pl_created${hour}`, createdAt: `2030-02-20T${hour}:00:00.000Z` });
const sortKeyOf = (placement: Placement) => `${placement.createdAt}#${placement.placementId}`;

/** A listing-index item of a placement in a site shard, as the table stores it. */
const siteIndexItem = (placement: Placement, shard: number) => ({
  ...placementItem(placement),
  gsi1pk: `${placement.status}#${shard}`,
  gsi1sk: sortKeyOf(placement),
  gsi2pk: `${SITE_ID}#${shard}`,
  gsi2sk: sortKeyOf(placement),
});

/** Each shard's placements, newest first, as a descending index query returns them. */
const SHARDS: Placement[][] = [
  [placementAt('10'), placementAt('07')],
  [placementAt('09')],
  [placementAt('08'), placementAt('06')],
  [],
];

/** Answers each shard query as DynamoDB would: its partition, older than `:before`, at most `Limit`. */
const answerSiteQueries = () =>
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const shard = Number(String(values[':pk']).split('#')[1]);
    const before = values[':before'] as string | undefined;
    const items = (SHARDS[shard] ?? [])
      .filter((placement) => before === undefined || sortKeyOf(placement) < before)
      .map((placement) => siteIndexItem(placement, shard));
    return { Items: items.slice(0, input.Limit) };
  });

const queries = () => ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
const cursorOf = (sortKey: string) => Buffer.from(JSON.stringify({ before: sortKey })).toString('base64url');

beforeEach(() => {
  ddb.reset();
});

describe('PlacementTable.listPlacements', () => {
  it('queries the 4 site shards and merges them newest first, with a cursor after the last one', async () => {
    answerSiteQueries();

    const page = await table.listPlacements({ siteId: SITE_ID, limit: 3 });

    expect(page.items.map((placement) => placement.placementId)).toEqual([
      'pl_created10',
      'pl_created09',
      'pl_created08',
    ]);
    expect(page.cursor).toBe(cursorOf(sortKeyOf(placementAt('08'))));
    expect(page.items[0]).toEqual(placementAt('10'));
    expect(queries()).toEqual(
      [0, 1, 2, 3].map((shard) => ({
        TableName: TABLE,
        IndexName: 'bySite',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi2pk' },
        ExpressionAttributeValues: { ':pk': `${SITE_ID}#${shard}` },
        ScanIndexForward: false,
        Limit: 3,
        ExclusiveStartKey: undefined,
      })),
    );
  });

  it('continues from the cursor in every shard and ends without a cursor', async () => {
    answerSiteQueries();
    const first = await table.listPlacements({ siteId: SITE_ID, limit: 3 });
    ddb.resetHistory();

    const second = await table.listPlacements({
      siteId: SITE_ID,
      limit: 3,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });

    expect(second.items.map((placement) => placement.placementId)).toEqual(['pl_created07', 'pl_created06']);
    expect(second.cursor).toBeUndefined();
    for (const query of queries()) {
      expect(query.KeyConditionExpression).toBe('#pk = :pk AND #sk < :before');
      expect(query.ExpressionAttributeNames).toEqual({ '#pk': 'gsi2pk', '#sk': 'gsi2sk' });
      expect(query.ExpressionAttributeValues?.[':before']).toBe(sortKeyOf(placementAt('08')));
    }
  });

  it('lists one status through the byStatus shards', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    await table.listPlacements({ status: 'AWAITING_DOCUMENTS', limit: 10 });

    expect(
      queries().map((query) => [
        query.IndexName,
        query.ExpressionAttributeNames,
        query.ExpressionAttributeValues,
      ]),
    ).toEqual(
      [0, 1, 2, 3].map((shard) => [
        'byStatus',
        { '#pk': 'gsi1pk' },
        { ':pk': `AWAITING_DOCUMENTS#${shard}` },
      ]),
    );
  });

  it('filters a site’s shards by status', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    await table.listPlacements({ siteId: SITE_ID, status: 'CLEARED', limit: 10 });

    for (const query of queries()) {
      expect(query).toMatchObject({
        IndexName: 'bySite',
        FilterExpression: '#status = :status',
        ExpressionAttributeNames: { '#pk': 'gsi2pk', '#status': 'status' },
        ExpressionAttributeValues: { ':status': 'CLEARED' },
      });
    }
  });

  it('reads every status shard when nothing is filtered, without a Scan', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });

    const page = await table.listPlacements({ limit: 25 });

    expect(page).toEqual({ items: [] });
    expect(queries()).toHaveLength(8 * 4);
    expect(new Set(queries().map((query) => query.ExpressionAttributeValues?.[':pk'])).size).toBe(32);
  });

  it('reads a shard on while its pages come back short (a filter dropped items)', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `${SITE_ID}#0` } })
      .resolvesOnce({ Items: [], LastEvaluatedKey: { pk: 'k1' } })
      .resolves({ Items: [siteIndexItem(placementAt('10'), 0)] });

    const page = await table.listPlacements({ siteId: SITE_ID, status: 'AWAITING_DOCUMENTS', limit: 2 });

    expect(page.items.map((placement) => placement.placementId)).toEqual(['pl_created10']);
    const shardZero = queries().filter(
      (query) => query.ExpressionAttributeValues?.[':pk'] === `${SITE_ID}#0`,
    );
    expect(shardZero.map((query) => query.ExclusiveStartKey)).toEqual([undefined, { pk: 'k1' }]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON without `before`', Buffer.from(JSON.stringify({ after: 'x' })).toString('base64url')],
    ['a JSON array', Buffer.from('[1]').toString('base64url')],
    ['a numeric `before`', Buffer.from(JSON.stringify({ before: 5 })).toString('base64url')],
  ])(
    'rejects a cursor that is %s with a ValidationError naming `cursor`, before any query',
    async (_name, cursor) => {
      const failure = await table.listPlacements({ limit: 5, cursor }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ValidationError);
      expect((failure as ValidationError).details.map((detail) => detail.path)).toEqual(['cursor']);
      expect(ddb.calls()).toHaveLength(0);
    },
  );
});

describe('PlacementTable writes', () => {
  it('creates a placement create-only, with its listing keys in the placement’s shard', async () => {
    ddb.on(PutCommand).resolves({});
    const placement = storedPlacement();

    await expect(table.createPlacement(placement)).resolves.toBe(true);

    const item = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(item?.ConditionExpression).toBe('attribute_not_exists(pk)');
    const shard = String(item?.Item?.gsi1pk).split('#')[1];
    expect(item?.Item).toEqual({
      pk: `PLACEMENT#${placement.placementId}`,
      sk: 'PLACEMENT',
      gsi1pk: `AWAITING_DOCUMENTS#${shard}`,
      gsi1sk: sortKeyOf(placement),
      gsi2pk: `${SITE_ID}#${shard}`,
      gsi2sk: sortKeyOf(placement),
      gsi3pk: `START#${shard}`,
      gsi3sk: `${placement.startDate}#${placement.placementId}`,
      ...placement,
    });
  });

  it("files a new placement under its student's search terms: key and placement id only", async () => {
    ddb.on(PutCommand).resolves({});
    const placement = storedPlacement({
      student: { id: 'S-7', name: 'Zoë Adams', email: 'zoe@uni.example' },
    });
    await table.createPlacement(placement);
    const entries = ddb
      .commandCalls(PutCommand)
      .map(({ args: [command] }) => command.input.Item)
      .filter((item) => String(item?.pk).startsWith('SEARCH#'));
    expect(entries).toEqual(
      expect.arrayContaining([
        { pk: 'SEARCH#s', sk: `s-7#${placement.placementId}`, placementId: placement.placementId },
        { pk: 'SEARCH#a', sk: `adams#${placement.placementId}`, placementId: placement.placementId },
        { pk: 'SEARCH#z', sk: `zoe#${placement.placementId}`, placementId: placement.placementId },
      ]),
    );
  });

  it("moves the search entries when the student's details change (a purge's redaction drops them)", async () => {
    const before = storedPlacement({ student: { id: 'S-7', name: 'Zoë Adams', email: 'zoe@uni.example' } });
    ddb.on(PutCommand).resolves({ Attributes: placementItem(before) });
    await table.savePlacement(
      { ...before, student: { id: 'purged:x', name: '[purged]', email: '[purged]' }, version: 4 },
      3,
    );
    const deleted = ddb.commandCalls(DeleteCommand).map(({ args: [command] }) => command.input.Key?.sk);
    expect(deleted).toEqual(
      expect.arrayContaining([`adams#${before.placementId}`, `zoe@uni.example#${before.placementId}`]),
    );
  });

  it('answers false when the placement already exists', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());

    await expect(table.createPlacement(storedPlacement())).resolves.toBe(false);
  });

  it('saves on the expected version and reports a lost race as ConcurrentUpdateError', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());

    await expect(table.savePlacement(storedPlacement({ version: 8 }), 7)).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 7 },
    });
  });

  it('turns throttling into a retry-able TransientDependencyError', async () => {
    ddb.on(PutCommand).rejects(dynamoThrottled());

    await expect(table.savePlacement(storedPlacement(), 3)).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('reads a placement consistently and strips the table’s keys', async () => {
    const placement = storedPlacement();
    ddb.on(GetCommand).resolves({ Item: siteIndexItem(placement, 1) });

    await expect(table.getPlacement(placement.placementId)).resolves.toEqual(placement);

    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: `PLACEMENT#${placement.placementId}`, sk: 'PLACEMENT' },
      ConsistentRead: true,
    });
  });
});

describe('listing by rotation start date and searching', () => {
  it('reads each start-index shard between the dates, earliest first, with the filters', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await table.listPlacements({
      startFrom: '2030-03-01',
      startTo: '2030-03-14',
      status: 'CLEARED',
      limit: 10,
    });
    const calls = ddb.commandCalls(QueryCommand).map(({ args: [command] }) => command.input);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({
      IndexName: 'byStart',
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
      FilterExpression: '#status = :status',
    });
    expect(calls[0]?.ExpressionAttributeValues).toMatchObject({
      ':low': '2030-03-01#',
      ':status': 'CLEARED',
    });
    expect(String(calls[0]?.ExpressionAttributeValues?.[':high'])).toMatch(/^2030-03-14#/);
  });

  it('finds placements by the start of a term, reading each placement once', async () => {
    const placement = storedPlacement();
    ddb.on(QueryCommand).resolves({
      Items: [
        { pk: 'SEARCH#z', sk: `zoe#${placement.placementId}`, placementId: placement.placementId },
        { pk: 'SEARCH#z', sk: `zoe adams#${placement.placementId}`, placementId: placement.placementId },
      ],
    });
    ddb.on(GetCommand).resolves({ Item: placementItem(placement) });
    const page = await table.listPlacements({ search: 'zoe', limit: 10 });
    expect(page.items.map((item) => item.placementId)).toEqual([placement.placementId]);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :term)',
      ExpressionAttributeValues: { ':pk': 'SEARCH#z', ':term': 'zoe' },
    });
  });
});
