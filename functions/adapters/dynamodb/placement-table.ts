import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, ValidationError } from '../../core/errors.js';
import { PLACEMENT_STATUSES, type Placement } from '../../core/model/placement.js';
import { counterDeltas } from '../../core/placement-counters.js';
import { searchTermsOf } from '../../core/placement-search-terms.js';
import type {
  ListPlacementsQuery,
  PlacementCounters,
  PlacementPage,
  PlacementRepository,
} from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryPages } from './query-pages.js';
import {
  LISTING_SHARDS,
  listingSortKey,
  placementKey,
  searchKey,
  searchPartition,
  shardOf,
  siteIndexKey,
  startIndexKey,
  startSortKey,
  statusIndexKey,
} from './table-keys.js';

const STATUS_INDEX = 'byStatus';
const SITE_INDEX = 'bySite';
const START_INDEX = 'byStart';
/** How many search-index entries one search reads at most before it stops: the cost stays bounded. */
const SEARCH_READ_LIMIT = 200;

interface ShardQuery {
  index: typeof STATUS_INDEX | typeof SITE_INDEX;
  partitionKey: string;
  statusFilter?: string;
  programFilter?: string;
}

/** The filters a query applies to the items an index returns, as a DynamoDB filter expression. */
const filterOf = (filters: { status?: string; siteId?: string; program?: string }) => {
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  const terms: string[] = [];
  for (const [attribute, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    terms.push(`#${attribute} = :${attribute}`);
  }
  return terms.length === 0 ? undefined : { expression: terms.join(' AND '), names, values };
};

export class PlacementTable implements PlacementRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Moved along with every write, from the old item DynamoDB returns (no extra read). */
    private readonly counters: PlacementCounters,
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
      await this.counters.applyDeltas(placement.placementId, counterDeltas(undefined, placement));
      await this.moveSearchTerms(undefined, placement);
      return true;
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return false;
      throw error;
    }
  }

  async savePlacement(placement: Placement, expectedVersion: number): Promise<void> {
    const { Attributes } = await withDynamoErrors('The placement', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(placement),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    // The condition held, so the old item exists; without it (an SDK mock) nothing is known to move.
    if (Attributes) {
      const before = fromItem(Attributes);
      await this.counters.applyDeltas(placement.placementId, counterDeltas(before, placement));
      await this.moveSearchTerms(before, placement);
    }
  }

  /**
   * Keeps the search entries of a placement's student in step with it: new terms are added, terms
   * no longer true (a corrected email; a purge's redaction) are deleted. The entries hold only the
   * terms and the placement id.
   */
  private async moveSearchTerms(before: Placement | undefined, after: Placement): Promise<void> {
    const old = new Set(before ? searchTermsOf(before) : []);
    const next = new Set(searchTermsOf(after));
    const { placementId } = after;
    await Promise.all([
      ...[...next]
        .filter((term) => !old.has(term))
        .map((term) =>
          withDynamoErrors('The search index', () =>
            this.client.send(
              new PutCommand({
                TableName: this.tableName,
                Item: { ...searchKey(term, placementId), placementId },
              }),
            ),
          ),
        ),
      ...[...old]
        .filter((term) => !next.has(term))
        .map((term) =>
          withDynamoErrors('The search index', () =>
            this.client.send(
              new DeleteCommand({ TableName: this.tableName, Key: searchKey(term, placementId) }),
            ),
          ),
        ),
    ]);
  }

  async listPlacements(query: ListPlacementsQuery): Promise<PlacementPage> {
    if (query.search !== undefined) return this.searchPlacements(query, query.search);
    if (query.startFrom !== undefined || query.startTo !== undefined) return this.listByStart(query);
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
    const filter = filterOf({ status: shard.statusFilter, program: shard.programFilter });
    let more = false;
    for await (const page of queryPages(this.client, 'The placement', {
      TableName: this.tableName,
      IndexName: shard.index,
      KeyConditionExpression: before === undefined ? '#pk = :pk' : '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: {
        '#pk': partitionAttribute,
        ...(before === undefined ? {} : { '#sk': sortAttribute }),
        ...filter?.names,
      },
      ExpressionAttributeValues: {
        ':pk': shard.partitionKey,
        ...(before === undefined ? {} : { ':before': before }),
        ...filter?.values,
      },
      ...(filter === undefined ? {} : { FilterExpression: filter.expression }),
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

  /**
   * Placements by rotation start date, earliest first, between `startFrom` and `startTo`, filtered by
   * status, site and program; one query per shard of the start index.
   */
  private async listByStart(query: ListPlacementsQuery): Promise<PlacementPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const low = after ?? `${query.startFrom ?? '0000-00-00'}#`;
    const high = `${query.startTo ?? '9999-99-99'}#\uffff`;
    const filter = filterOf({ status: query.status, siteId: query.siteId, program: query.program });
    const pages = await Promise.all(
      Array.from({ length: LISTING_SHARDS }, async (_, shard) => {
        const items: { sortKey: string; placement: Placement }[] = [];
        let more = false;
        for await (const page of queryPages(this.client, 'The placement', {
          TableName: this.tableName,
          IndexName: START_INDEX,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :low AND :high',
          ExpressionAttributeNames: { '#pk': 'gsi3pk', '#sk': 'gsi3sk', ...filter?.names },
          ExpressionAttributeValues: {
            ':pk': startIndexKey(shard),
            ':low': low,
            ':high': high,
            ...filter?.values,
          },
          ...(filter === undefined ? {} : { FilterExpression: filter.expression }),
          Limit: query.limit,
        })) {
          for (const item of page.Items ?? []) {
            const sortKey = String(item.gsi3sk);
            if (sortKey !== after) items.push({ sortKey, placement: fromItem(item) });
          }
          more = page.LastEvaluatedKey !== undefined;
          if (items.length >= query.limit) break;
        }
        return { items, more };
      }),
    );
    const all = pages.flatMap((page) => page.items).sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    const items = all.slice(0, query.limit);
    const more = all.length > query.limit || pages.some((page) => page.more);
    const last = items.at(-1);
    return {
      items: items.map((entry) => entry.placement),
      ...(more && last ? { cursor: encodeCursor(last.sortKey) } : {}),
    };
  }

  /**
   * Placements whose student's id, email, name or a word of it starts with `term`, in term order,
   * filtered by the other fields. Reads at most SEARCH_READ_LIMIT index entries per page.
   */
  private async searchPlacements(query: ListPlacementsQuery, term: string): Promise<PlacementPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const seen = new Set<string>();
    const items: Placement[] = [];
    let read = 0;
    let lastSortKey: string | undefined;
    let exhausted = true;
    for await (const page of queryPages(this.client, 'The search index', {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :term)',
      ExpressionAttributeValues: { ':pk': searchPartition(term), ':term': term },
      Limit: Math.min(SEARCH_READ_LIMIT, query.limit * 2),
      ...(after ? { ExclusiveStartKey: { pk: searchPartition(term), sk: after } } : {}),
    })) {
      for (const entry of page.Items ?? []) {
        read += 1;
        lastSortKey = String(entry.sk);
        const placementId = String(entry.placementId);
        if (seen.has(placementId)) continue;
        seen.add(placementId);
        const placement = await this.getPlacement(placementId);
        if (placement && matchesFilters(placement, query)) items.push(placement);
        if (items.length >= query.limit) break;
      }
      exhausted = page.LastEvaluatedKey === undefined;
      if (items.length >= query.limit || read >= SEARCH_READ_LIMIT) break;
    }
    const more = (!exhausted || items.length >= query.limit) && lastSortKey !== undefined;
    return { items, ...(more && lastSortKey ? { cursor: encodeCursor(lastSortKey) } : {}) };
  }
}

const matchesFilters = (placement: Placement, query: ListPlacementsQuery): boolean =>
  (query.status === undefined || placement.status === query.status) &&
  (query.siteId === undefined || placement.siteId === query.siteId) &&
  (query.program === undefined || placement.program === query.program) &&
  (query.startFrom === undefined || placement.startDate >= query.startFrom) &&
  (query.startTo === undefined || placement.startDate <= query.startTo);

const planShardQueries = (query: ListPlacementsQuery): ShardQuery[] => {
  const shards = Array.from({ length: LISTING_SHARDS }, (_, shard) => shard);
  if (query.siteId !== undefined) {
    const siteId = query.siteId;
    return shards.map((shard) => ({
      index: SITE_INDEX,
      partitionKey: siteIndexKey(siteId, shard),
      ...(query.status === undefined ? {} : { statusFilter: query.status }),
      ...(query.program === undefined ? {} : { programFilter: query.program }),
    }));
  }
  const statuses = query.status === undefined ? PLACEMENT_STATUSES : [query.status];
  return statuses.flatMap((status) =>
    shards.map((shard) => ({
      index: STATUS_INDEX,
      partitionKey: statusIndexKey(status, shard),
      ...(query.program === undefined ? {} : { programFilter: query.program }),
    })),
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
    gsi3pk: startIndexKey(shard),
    gsi3sk: startSortKey(placement.startDate, placement.placementId),
    ...placement,
  };
};

const fromItem = (item: Record<string, unknown>): Placement => {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _e,
    gsi3sk: _f,
    ...placement
  } = item;
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
