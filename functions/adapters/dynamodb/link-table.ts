import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkRecord } from '../../core/model/link.js';
import type { LinkRepository } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryPages } from './query-pages.js';
import { epochSeconds, linkKey, PLACEMENT_LINK_PREFIX, placementLinkKey } from './table-keys.js';

const CLEANUP_AFTER_DAYS = 30;

/**
 * Link records keyed by the token's SHA-256. TTL only cleans up; expiry is checked in code. Each link
 * also has a key-only item in its placement's partition (written first, so no link lacks one), which
 * is how a purge finds and deletes a placement's links.
 */
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
    const expiresAtEpoch = epochSeconds(link.expiresAt) + CLEANUP_AFTER_DAYS * 86_400;
    await withDynamoErrors('The link', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...placementLinkKey(link.placementId, link.tokenHash),
            tokenHash: link.tokenHash,
            expiresAtEpoch,
          },
        }),
      ),
    );
    await withDynamoErrors('The link', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...linkKey(link.tokenHash), ...link, expiresAtEpoch },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async deletePlacementLinks(placementId: string): Promise<number> {
    let deleted = 0;
    const pages = queryPages(this.client, 'The link', {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': placementLinkKey(placementId, '').pk,
        ':prefix': PLACEMENT_LINK_PREFIX,
      },
      ConsistentRead: true,
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const tokenHash = String(item.tokenHash);
        // The link first, then the item that finds it: a crash in between is finished by a re-run.
        await this.remove(linkKey(tokenHash));
        await this.remove(placementLinkKey(placementId, tokenHash));
        deleted++;
      }
    }
    return deleted;
  }

  private async remove(key: { pk: string; sk: string }): Promise<void> {
    await withDynamoErrors('The link', () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key })),
    );
  }
}
