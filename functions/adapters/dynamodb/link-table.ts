import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkRecord } from '../../core/model/link.js';
import type { LinkRepository } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { epochSeconds, linkKey } from './table-keys.js';

/** Link records keyed by the token's SHA-256. TTL only cleans up; expiry is checked in code. */
export class LinkTable implements LinkRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getLink(tokenHash: string): Promise<LinkRecord | undefined> {
    const { Item } = await withDynamoErrors('The link', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: linkKey(tokenHash) })),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, expiresAtEpoch: _ttl, ...link } = Item;
    return link as LinkRecord;
  }

  async saveLink(link: LinkRecord): Promise<void> {
    const cleanupAfterDays = 30;
    await withDynamoErrors('The link', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...linkKey(link.tokenHash),
            ...link,
            expiresAtEpoch: epochSeconds(link.expiresAt) + cleanupAfterDays * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }
}
