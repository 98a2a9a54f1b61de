import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PlacementImport } from '../../core/model/placement-import.js';
import type { PlacementImports } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { importKey } from './table-keys.js';

/** How long a finished or abandoned import is kept (the table's TTL attribute `expiresAtEpoch`): 30 days. */
const IMPORT_TTL_SECONDS = 30 * 24 * 3600;

/** CSV imports: `IMPORT#{importId}` / `IMPORT`, one item with the rows (under DynamoDB's 400 KB). */
export class PlacementImportTable implements PlacementImports {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getImport(importId: string): Promise<PlacementImport | undefined> {
    const { Item } = await withDynamoErrors('The import', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: importKey(importId), ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, expiresAtEpoch: _ttl, ...record } = Item;
    return record as PlacementImport;
  }

  async saveImport(record: PlacementImport, expectedVersion: number | undefined): Promise<void> {
    const expiresAtEpoch = Math.floor(Date.parse(record.createdAt) / 1000) + IMPORT_TTL_SECONDS;
    await withDynamoErrors('The import', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...importKey(record.importId), ...record, expiresAtEpoch },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      ),
    );
  }
}
