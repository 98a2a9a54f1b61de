import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, OnceClaim, OnceLedger } from '../../core/ports.js';
import { isConditionFailure, translateDynamoError, withDynamoErrors } from './dynamo-errors.js';
import { onceKey } from './table-keys.js';

const KEEP_DAYS = 400;

/**
 * A claim is a conditional put: the first caller wins and holds the key until `leaseUntil`. A
 * completed claim has no `leaseUntil` (nor has one written before leases existed), so it is never
 * taken again; a pending one is taken again once its lease has run out.
 */
export class OnceLedgerTable implements OnceLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async claim(key: string, leaseSeconds: number): Promise<OnceClaim> {
    const now = this.clock.now();
    const claimId = randomUUID();
    const claimed = await this.putIf(
      {
        ...onceKey(key),
        claimId,
        claimedAt: now.toISOString(),
        leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
        expiresAtEpoch: this.expiresAtEpoch(now),
      },
      'attribute_not_exists(pk) OR leaseUntil < :now',
      { ':now': now.toISOString() },
    );
    if (claimed) return { outcome: 'claimed', claimId };
    const { Item } = await withDynamoErrors('The ledger', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: onceKey(key), ConsistentRead: true }),
      ),
    );
    if (Item && typeof Item.leaseUntil !== 'string') return { outcome: 'done' };
    // Still leased, or given back between the put and the read: either way, try again later.
    return { outcome: 'in-flight', leaseUntil: String(Item?.leaseUntil ?? now.toISOString()) };
  }

  async complete(key: string, claimId: string): Promise<void> {
    const now = this.clock.now();
    // When the condition fails, the lease ran out and another attempt took the key over: it is that
    // attempt's to complete.
    await this.putIf(
      { ...onceKey(key), claimId, completedAt: now.toISOString(), expiresAtEpoch: this.expiresAtEpoch(now) },
      'claimId = :claimId',
      { ':claimId': claimId },
    );
  }

  /** A conditional put: false when the condition does not hold, other failures as the project's errors. */
  private async putIf(
    item: Record<string, unknown>,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw translateDynamoError(error, 'The ledger');
    }
  }

  async release(key: string, claimId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: onceKey(key),
          ConditionExpression: 'claimId = :claimId',
          ExpressionAttributeValues: { ':claimId': claimId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw translateDynamoError(error, 'The ledger');
    }
  }

  private expiresAtEpoch(now: Date): number {
    return Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400;
  }
}
