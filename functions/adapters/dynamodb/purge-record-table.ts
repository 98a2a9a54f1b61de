import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '../../core/errors.js';
import type { PurgeRecord } from '../../core/model/purge-record.js';
import type { PurgeRecords } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { purgeRecordKey } from './table-keys.js';

/** Purge audit records: `PLACEMENT#{placementId}` / `PURGE`, written once and never changed. */
export class PurgeRecordTable implements PurgeRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPurgeRecord(placementId: string): Promise<PurgeRecord | undefined> {
    const { Item } = await withDynamoErrors('The purge record', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: purgeRecordKey(placementId), ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...record } = Item;
    return record as PurgeRecord;
  }

  async savePurgeRecord(record: PurgeRecord): Promise<PurgeRecord> {
    try {
      await withDynamoErrors('The purge record', () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...purgeRecordKey(record.placementId), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return record;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      const stored = await this.getPurgeRecord(record.placementId);
      if (!stored) throw error;
      return stored;
    }
  }
}
