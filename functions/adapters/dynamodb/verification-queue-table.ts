import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../core/errors.js';
import type { StudentDocument } from '../../core/model/student-document.js';
import type { VerificationQueue, VerificationQueuePage, VerificationQueueQuery } from '../../core/ports.js';
import { fromItem } from './document-table.js';
import { queryPages } from './query-pages.js';
import { LISTING_SHARDS, queueIndexKey } from './table-keys.js';

/** The index SUBMITTED documents are on (shared with the placement listing under `QUEUE#` keys). */
const QUEUE_INDEX = 'byStatus';

/**
 * The verification queue over the one table (docs/data-model.md, pattern 17): each of the
 * `LISTING_SHARDS` partitions `QUEUE#{n}` of the `byStatus` index is read oldest first after the
 * cursor, with the site and requirement filters applied by DynamoDB, and the shards merged by sort key.
 * No Scan. The index is eventually consistent: a document decided a moment ago may still be listed
 * (deciding it again answers 409).
 */
export class VerificationQueueTable implements VerificationQueue {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listSubmitted(query: VerificationQueueQuery): Promise<VerificationQueuePage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const shards = Array.from({ length: LISTING_SHARDS }, (_, shard) => shard);
    const pages = await Promise.all(shards.map((shard) => this.readShard(shard, query, after)));
    const all = pages.flatMap((page) => page.items).sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    const items = all.slice(0, query.limit);
    const more = all.length > query.limit || pages.some((page) => page.more);
    const last = items.at(-1);
    return {
      items: items.map((entry) => entry.document),
      ...(more && last ? { cursor: encodeCursor(last.sortKey) } : {}),
    };
  }

  /** Up to `limit` matching documents of one shard, oldest first, after `after`. */
  private async readShard(shard: number, query: VerificationQueueQuery, after: string | undefined) {
    const filters = [
      ...(query.siteId === undefined ? [] : ['#entry.#site = :site']),
      ...(query.requirementCode === undefined ? [] : ['#code = :code']),
    ];
    const items: { sortKey: string; document: StudentDocument }[] = [];
    let more = false;
    for await (const page of queryPages(this.client, 'The verification queue', {
      TableName: this.tableName,
      IndexName: QUEUE_INDEX,
      KeyConditionExpression: after === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk > :after',
      ...(filters.length === 0 ? {} : { FilterExpression: filters.join(' AND ') }),
      ...(filters.length === 0
        ? {}
        : {
            ExpressionAttributeNames: {
              ...(query.siteId === undefined ? {} : { '#entry': 'queueEntry', '#site': 'siteId' }),
              ...(query.requirementCode === undefined ? {} : { '#code': 'requirementCode' }),
            },
          }),
      ExpressionAttributeValues: {
        ':pk': queueIndexKey(shard),
        ...(after === undefined ? {} : { ':after': after }),
        ...(query.siteId === undefined ? {} : { ':site': query.siteId }),
        ...(query.requirementCode === undefined ? {} : { ':code': query.requirementCode }),
      },
      ScanIndexForward: true,
      Limit: query.limit,
    })) {
      for (const item of page.Items ?? [])
        items.push({ sortKey: String(item.gsi1sk), document: fromItem(item) });
      more = page.LastEvaluatedKey !== undefined;
      if (items.length >= query.limit) break;
    }
    return { items, more };
  }
}

const encodeCursor = (sortKey: string) =>
  Buffer.from(JSON.stringify({ after: sortKey })).toString('base64url');

const decodeCursor = (cursor: string): string => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'after' in parsed && typeof parsed.after === 'string') {
      return parsed.after;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
};
