import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, ValidationError } from '../../core/errors.js';
import { PLACEMENT_STATUSES, type Placement } from '../../core/model/placement.js';
import type { ListPlacementsQuery, PlacementPage, PlacementRepository } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryPages } from './query-pages.js';
import {
  LISTING_SHARDS,
  listingSortKey,
  placementKey,
  shardOf,
  siteIndexKey,
  statusIndexKey,
} from './table-keys.js';

const STATUS_INDEX = 'byStatus';
const SITE_INDEX = 'bySite';

interface ShardQuery {
  index: typeof STATUS_INDEX | typeof SITE_INDEX;
  partitionKey: string;
  statusFilter?: string;
}

export class PlacementTable implements PlacementRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPlacement(placementId: string): Promise<Placement | undefined> {
    const { Item } = await withDynamoErrors('The placement', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: placementKey(placementId), ConsistentRead: true }),
      ),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async createPlacement(placement: Placement): Promise<boolean> {
    try {
      await withDynamoErrors('The placement', () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: toItem(placement),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return false;
      throw error;
    }
  }

  async savePlacement(placement: Placement, expectedVersion: number): Promise<void> {
    await withDynamoErrors('The placement', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(placement),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      ),
    );
  }

  async listPlacements(query: ListPlacementsQuery): Promise<PlacementPage> {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const shardQueries = planShardQueries(query);
    const pages = await Promise.all(shardQueries.map((shard) => this.readShard(shard, query.limit, before)));
    const all = pages.flatMap((page) => page.items).sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
    const items = all.slice(0, query.limit);
    const more = all.length > query.limit || pages.some((page) => page.more);
    const last = items.at(-1);
    return {
      items: items.map((entry) => entry.placement),
      ...(more && last ? { cursor: encodeCursor(last.sortKey) } : {}),
    };
  }

  /** Reads up to `limit` placements of one shard, newest first, older than `before`. */
  private async readShard(shard: ShardQuery, limit: number, before: string | undefined) {
    const items: { sortKey: string; placement: Placement }[] = [];
    const sortAttribute = shard.index === STATUS_INDEX ? 'gsi1sk' : 'gsi2sk';
    const partitionAttribute = shard.index === STATUS_INDEX ? 'gsi1pk' : 'gsi2pk';
    let more = false;
    for await (const page of queryPages(this.client, 'The placement', {
      TableName: this.tableName,
      IndexName: shard.index,
      KeyConditionExpression: before === undefined ? '#pk = :pk' : '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: {
        '#pk': partitionAttribute,
        ...(before === undefined ? {} : { '#sk': sortAttribute }),
        ...(shard.statusFilter === undefined ? {} : { '#status': 'status' }),
      },
      ExpressionAttributeValues: {
        ':pk': shard.partitionKey,
        ...(before === undefined ? {} : { ':before': before }),
        ...(shard.statusFilter === undefined ? {} : { ':status': shard.statusFilter }),
      },
      ...(shard.statusFilter === undefined ? {} : { FilterExpression: '#status = :status' }),
      ScanIndexForward: false,
      Limit: limit,
    })) {
      for (const item of page.Items ?? []) {
        items.push({ sortKey: String(item[sortAttribute]), placement: fromItem(item) });
      }
      more = page.LastEvaluatedKey !== undefined;
      if (items.length >= limit) break;
    }
    return { items, more };
  }
}

const planShardQueries = (query: ListPlacementsQuery): ShardQuery[] => {
  const shards = Array.from({ length: LISTING_SHARDS }, (_, shard) => shard);
  if (query.siteId !== undefined) {
    const siteId = query.siteId;
    return shards.map((shard) => ({
      index: SITE_INDEX,
      partitionKey: siteIndexKey(siteId, shard),
      ...(query.status === undefined ? {} : { statusFilter: query.status }),
    }));
  }
  const statuses = query.status === undefined ? PLACEMENT_STATUSES : [query.status];
  return statuses.flatMap((status) =>
    shards.map((shard) => ({ index: STATUS_INDEX, partitionKey: statusIndexKey(status, shard) })),
  );
};

const toItem = (placement: Placement) => {
  const shard = shardOf(placement.placementId);
  const sortKey = listingSortKey(placement.createdAt, placement.placementId);
  return {
    ...placementKey(placement.placementId),
    gsi1pk: statusIndexKey(placement.status, shard),
    gsi1sk: sortKey,
    gsi2pk: siteIndexKey(placement.siteId, shard),
    gsi2sk: sortKey,
    ...placement,
  };
};

const fromItem = (item: Record<string, unknown>): Placement => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...placement } = item;
  return placement as unknown as Placement;
};

const encodeCursor = (sortKey: string) =>
  Buffer.from(JSON.stringify({ before: sortKey })).toString('base64url');

const decodeCursor = (cursor: string): string => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'before' in parsed && typeof parsed.before === 'string') {
      return parsed.before;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
};
