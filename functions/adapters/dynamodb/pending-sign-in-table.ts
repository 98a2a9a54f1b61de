import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  PENDING_SIGN_IN_MS,
  type PendingSignIn,
  type PendingSignInStore,
} from '../../staff-auth/pending-sign-in.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { epochSeconds, pendingSignInKey } from './table-keys.js';

/**
 * Sign-ins waiting for the provider's callback: `SIGNIN#{sha256(id)}` / `SIGNIN`. Taken with one
 * DeleteCommand returning the old item, so two callbacks with the same cookie cannot both use it.
 */
export class PendingSignInTable implements PendingSignInStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(pending: PendingSignIn): Promise<void> {
    const cleanupAt = new Date(Date.parse(pending.createdAt) + PENDING_SIGN_IN_MS).toISOString();
    await withDynamoErrors('The sign-in', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...pendingSignInKey(pending.idHash), ...pending, expiresAtEpoch: epochSeconds(cleanupAt) },
        }),
      ),
    );
  }

  async take(idHash: string): Promise<PendingSignIn | undefined> {
    const { Attributes } = await withDynamoErrors('The sign-in', () =>
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: pendingSignInKey(idHash),
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    if (!Attributes) return undefined;
    const { pk: _pk, sk: _sk, expiresAtEpoch: _ttl, ...pending } = Attributes;
    return pending as PendingSignIn;
  }
}
