import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, OnceLedger } from '../../core/ports.js';
import { isConditionFailure, translateDynamoError, withDynamoErrors } from './dynamo-errors.js';
import { onceKey } from './table-keys.js';

const KEEP_DAYS = 400;

/** A claim is a conditional put: the first caller wins, every later one sees it taken. */
export class OnceLedgerTable implements OnceLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async claim(key: string): Promise<boolean> {
    const now = this.clock.now();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...onceKey(key),
            claimedAt: now.toISOString(),
            expiresAtEpoch: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw translateDynamoError(error, 'The ledger');
    }
  }

  async release(key: string): Promise<void> {
    await withDynamoErrors('The ledger', () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: onceKey(key) })),
    );
  }
}
