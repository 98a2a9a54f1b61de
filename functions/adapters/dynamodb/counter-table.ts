import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterDelta } from '../../core/placement-counters.js';
import type { PlacementCounters } from '../../core/ports.js';
import { describeError, logger } from '../../observability/logger.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryAllItems } from './query-pages.js';
import { COUNTER_SHARDS, counterKey, counterPartition, shardOf } from './table-keys.js';

/** The log message (and metric filter) of a counter update that did not land; the recount repairs it. */
export const COUNTER_UPDATE_FAILED_MESSAGE = 'Dashboard counter update failed';

/**
 * Counters in {@link COUNTER_SHARDS} partitions (`COUNTERS#<shard>`, one item per counter): a
 * placement's writes go to its own shard, so no single partition takes every write, and reading all
 * counters is one query per shard, whatever the number of placements.
 */
export class CounterTable implements PlacementCounters {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async applyDeltas(placementId: string, deltas: readonly CounterDelta[]): Promise<void> {
    const shard = shardOf(placementId, COUNTER_SHARDS);
    const results = await Promise.allSettled(
      deltas.map((delta) =>
        withDynamoErrors('A counter', () =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: counterKey(shard, delta.counter),
              UpdateExpression: 'ADD #count :by',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':by': delta.by },
            }),
          ),
        ),
      ),
    );
    // The placement write this follows has landed: failing now would make its caller retry a write that
    // is done. A counter that missed an update is repaired by the daily recount (docs/data-model.md).
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      logger.warn(COUNTER_UPDATE_FAILED_MESSAGE, {
        placementId,
        counters: failed.length,
        ...describeError((failed[0] as PromiseRejectedResult).reason),
      });
    }
  }

  async readCounters(): Promise<ReadonlyMap<string, number>> {
    const totals = new Map<string, number>();
    await Promise.all(
      Array.from({ length: COUNTER_SHARDS }, async (_, shard) => {
        const items = await queryAllItems(this.client, 'The counters', {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': counterPartition(shard) },
        });
        for (const item of items) {
          const counter = String(item.sk);
          totals.set(counter, (totals.get(counter) ?? 0) + Number(item.count ?? 0));
        }
      }),
    );
    return totals;
  }

  async replaceCounters(totals: ReadonlyMap<string, number>): Promise<void> {
    const current = await this.readCounters();
    const deltas: CounterDelta[] = [];
    for (const counter of new Set([...current.keys(), ...totals.keys()])) {
      const by = (totals.get(counter) ?? 0) - (current.get(counter) ?? 0);
      if (by !== 0) deltas.push({ counter, by });
    }
    // Recounting corrects shard 0 by the difference: the sum over shards is what is read.
    for (const delta of deltas) {
      await withDynamoErrors('A counter', () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: counterKey(0, delta.counter),
            UpdateExpression: 'ADD #count :by',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':by': delta.by },
          }),
        ),
      );
    }
  }
}
