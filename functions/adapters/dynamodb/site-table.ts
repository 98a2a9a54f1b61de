import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Site, siteFromStorage } from '../../core/model/site.js';
import type { SiteRepository, SiteSummary } from '../../core/ports.js';
import { withDynamoErrors } from './dynamo-errors.js';
import { queryAllItems } from './query-pages.js';
import { SITE_REGISTRY_PARTITION, siteKey, siteRegistryKey } from './table-keys.js';

export class SiteTable implements SiteRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getSite(siteId: string): Promise<Site | undefined> {
    const { Item } = await withDynamoErrors('The site', () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: siteKey(siteId), ConsistentRead: true }),
      ),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...site } = Item;
    return siteFromStorage(site as Site);
  }

  async saveSite(site: Site, expectedVersion: number | undefined): Promise<void> {
    await withDynamoErrors('The site', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...siteKey(site.siteId), ...site },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      ),
    );
    // The site list's entry, written after the site: a crash between the two leaves the site off the
    // list until it is saved again (every edit rewrites it).
    await withDynamoErrors('The site list', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...siteRegistryKey(site.siteId), siteId: site.siteId, name: site.name },
        }),
      ),
    );
  }

  async listSites(): Promise<SiteSummary[]> {
    const items = await queryAllItems(this.client, 'The site list', {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': SITE_REGISTRY_PARTITION },
    });
    return items.map((item) => ({ siteId: String(item.siteId), name: String(item.name) }));
  }
}
