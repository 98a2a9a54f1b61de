import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionIndex } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryAllItems } from './query-pages.js';
import { epochSeconds, LISTING_SHARDS, retentionIndexKey, shardOf } from './table-keys.js';

/** Long after any retention the stage settings allow (3,650 days): TTL only tidies the index up. */
const CLEANUP_AFTER_DAYS = 4_000;

/** `ENDS#{endDate}#{shard}` / `PLACEMENT#{placementId}` items, key only (docs/data-model.md). */
export class RetentionIndexTable implements RetentionIndex {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async fileForRetention({ placementId, endDate }: { placementId: string; endDate: string }): Promise<void> {
    await withDynamoErrors('The retention index', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...retentionIndexKey(endDate, shardOf(placementId), placementId),
            placementId,
            expiresAtEpoch: epochSeconds(`${endDate}T00:00:00Z`) + CLEANUP_AFTER_DAYS * 86_400,
          },
        }),
      ),
    );
  }

  async placementsEndingOn(endDate: string): Promise<string[]> {
    const placementIds: string[] = [];
    for (let shard = 0; shard < LISTING_SHARDS; shard++) {
      const items = await queryAllItems(this.client, 'The retention index', {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': retentionIndexKey(endDate, shard, '').pk,
          ':prefix': 'PLACEMENT#',
        },
      });
      placementIds.push(...items.map((item) => String(item.placementId)));
    }
    return placementIds;
  }
}
