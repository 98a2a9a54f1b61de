import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type StaffSession,
  type StaffSessionStore,
  sessionCleanupAt,
} from '../../staff-auth/staff-session.js';
import { isConditionFailure, translateDynamoError, withDynamoErrors } from './dynamo-errors.js';
import { epochSeconds, staffSessionKey } from './table-keys.js';

/**
 * Console sessions: `STAFFSESSION#{sha256(id)}` / `STAFFSESSION`. Expiry is decided in code
 * (staff-session.ts); `expiresAtEpoch` (the table's TTL attribute) only lets DynamoDB clean up later.
 */
export class StaffSessionTable implements StaffSessionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(idHash: string): Promise<StaffSession | undefined> {
    const { Item } = await withDynamoErrors('The session', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: staffSessionKey(idHash), ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, expiresAtEpoch: _ttl, ...session } = Item;
    return session as StaffSession;
  }

  async put(session: StaffSession): Promise<void> {
    await withDynamoErrors('The session', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...staffSessionKey(session.idHash),
            ...session,
            expiresAtEpoch: epochSeconds(sessionCleanupAt(session).toISOString()),
          },
        }),
      ),
    );
  }

  async touch(idHash: string, lastSeenAt: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: staffSessionKey(idHash),
          UpdateExpression: 'SET lastSeenAt = :seen',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':seen': lastSeenAt },
        }),
      );
    } catch (error) {
      // Signed out meanwhile (another tab): the session stays gone.
      if (isConditionFailure(error)) return;
      throw translateDynamoError(error, 'The session');
    }
  }

  async delete(idHash: string): Promise<void> {
    await withDynamoErrors('The session', () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: staffSessionKey(idHash) })),
    );
  }
}
