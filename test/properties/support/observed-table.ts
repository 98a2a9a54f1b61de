import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { FakeTable, TableItem } from '../../handlers/support/fake-table.js';

/** DynamoDB's documented key limits: a partition key value ≤ 2048 bytes, a sort key value ≤ 1024 bytes. */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
const MAX_ITEM_BYTES = 400 * 1024;

const INDEX_KEYS: Record<string, { pk: string; sk: string }> = {
  byStatus: { pk: 'gsi1pk', sk: 'gsi1sk' },
  bySite: { pk: 'gsi2pk', sk: 'gsi2sk' },
};

/** What the SDK throws for a request DynamoDB refuses (HTTP 400 ValidationException). */
const validationException = (message: string) =>
  new DynamoDBServiceException({
    name: 'ValidationException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 },
    message,
  });

const utf8Bytes = (value: unknown) => Buffer.byteLength(String(value), 'utf8');

const keyId = (pk: unknown, sk: unknown) => JSON.stringify([String(pk), String(sk)]);

/**
 * The shared FakeTable, observed: it remembers every key that was seeded or written so the
 * whole table can be snapshot and compared, answers the two listing-index queries from the
 * items it holds, and refuses what real DynamoDB refuses (over-long keys, empty key values,
 * items over 400 KB) with the ValidationException the SDK would throw.
 */
export class ObservedTable {
  private readonly keys = new Map<string, { pk: string; sk: string }>();
  /** Called before each table operation, e.g. to inject a failure (`GetCommand`, `PutCommand`, …). */
  beforeOperation: ((command: string) => void) | undefined;

  constructor(readonly fake: FakeTable) {}

  install(mock: AwsClientStub<DynamoDBDocumentClient>): this {
    this.fake.install(mock);
    this.keys.clear();
    this.beforeOperation = undefined;
    mock.on(GetCommand).callsFake((input: GetCommandInput) => {
      this.beforeOperation?.('GetCommand');
      this.checkKey(input.Key);
      return this.fake.get(input);
    });
    mock.on(PutCommand).callsFake((input: PutCommandInput) => {
      this.beforeOperation?.('PutCommand');
      const item = input.Item ?? {};
      this.checkKey(item);
      this.checkIndexKeys(item);
      if (utf8Bytes(JSON.stringify(item)) > MAX_ITEM_BYTES) {
        throw validationException('Item size has exceeded the maximum allowed size');
      }
      const result = this.fake.put(input);
      this.remember(item);
      return result;
    });
    mock.on(DeleteCommand).callsFake((input: DeleteCommandInput) => {
      this.beforeOperation?.('DeleteCommand');
      this.checkKey(input.Key);
      this.remember(input.Key ?? {});
      return this.fake.delete(input);
    });
    mock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      this.beforeOperation?.('QueryCommand');
      if (input.IndexName === undefined) return this.fake.query(input);
      return input.KeyConditionExpression?.startsWith('gsi1pk = :pk')
        ? this.queryQueue(input)
        : this.queryIndex(input);
    });
    return this;
  }

  /** Deletes every item (cheaper than a new install between the runs of a property). */
  clear(): void {
    for (const { pk, sk } of this.keys.values())
      this.fake.delete({ TableName: this.fake.tableName, Key: { pk, sk } });
    this.keys.clear();
  }

  seed(...items: TableItem[]): void {
    this.fake.seed(...items);
    for (const item of items) this.remember(item);
  }

  item(pk: string, sk: string): TableItem | undefined {
    return this.fake.item(pk, sk);
  }

  /** Every item the table holds, in key order, as one string: equal strings mean equal tables. */
  snapshot(): string {
    const entries = [...this.keys.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, { pk, sk }]) => [id, this.fake.item(pk, sk)] as const)
      .filter(([, item]) => item !== undefined);
    return JSON.stringify(entries);
  }

  /** The keys whose items differ between two snapshots (added, removed or changed). */
  static changedKeys(before: string, after: string): string[] {
    const asMap = (snapshot: string) =>
      new Map((JSON.parse(snapshot) as [string, unknown][]).map(([id, item]) => [id, JSON.stringify(item)]));
    const [was, is] = [asMap(before), asMap(after)];
    return [...new Set([...was.keys(), ...is.keys()])].filter((id) => was.get(id) !== is.get(id));
  }

  /** All items whose partition key starts with `prefix`. */
  itemsUnder(prefix: string): TableItem[] {
    return [...this.keys.values()]
      .filter(({ pk }) => pk.startsWith(prefix))
      .map(({ pk, sk }) => this.fake.item(pk, sk))
      .filter((item): item is TableItem => item !== undefined);
  }

  private remember(item: Record<string, unknown>): void {
    this.keys.set(keyId(item.pk, item.sk), { pk: String(item.pk), sk: String(item.sk) });
  }

  private checkKey(key: Record<string, unknown> | undefined): void {
    this.checkKeyValue('pk', key?.pk, MAX_PARTITION_KEY_BYTES);
    this.checkKeyValue('sk', key?.sk, MAX_SORT_KEY_BYTES);
  }

  private checkIndexKeys(item: Record<string, unknown>): void {
    for (const { pk, sk } of Object.values(INDEX_KEYS)) {
      if (item[pk] !== undefined) this.checkKeyValue(pk, item[pk], MAX_PARTITION_KEY_BYTES);
      if (item[sk] !== undefined) this.checkKeyValue(sk, item[sk], MAX_SORT_KEY_BYTES);
    }
  }

  private checkKeyValue(name: string, value: unknown, maxBytes: number): void {
    if (typeof value !== 'string') {
      throw validationException(`One or more parameter values were invalid: Missing the key ${name}`);
    }
    if (value === '') {
      throw validationException(
        `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${name}`,
      );
    }
    if (utf8Bytes(value) > maxBytes) {
      throw validationException(
        maxBytes === MAX_PARTITION_KEY_BYTES
          ? 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes'
          : 'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
      );
    }
  }

  /** The listing queries of the placement table: `#pk = :pk [AND #sk < :before]`, newest first, Limit before the filter. */
  private queryIndex(input: QueryCommandInput) {
    const index = INDEX_KEYS[input.IndexName ?? ''];
    const names = input.ExpressionAttributeNames ?? {};
    const values = input.ExpressionAttributeValues ?? {};
    const expression = input.KeyConditionExpression;
    if (
      !index ||
      names['#pk'] !== index.pk ||
      (expression !== '#pk = :pk' && expression !== '#pk = :pk AND #sk < :before') ||
      (expression.includes('#sk') && names['#sk'] !== index.sk) ||
      (input.FilterExpression !== undefined && input.FilterExpression !== '#status = :status')
    ) {
      throw new Error(`ObservedTable does not understand the index query ${JSON.stringify(input)}`);
    }
    this.checkKeyValue(index.pk, values[':pk'], MAX_PARTITION_KEY_BYTES);
    const before = expression.includes(':before') ? values[':before'] : undefined;
    if (before !== undefined) this.checkKeyValue(index.sk, before, MAX_SORT_KEY_BYTES);

    const forward = input.ScanIndexForward !== false;
    const matching = this.itemsUnder('')
      .filter((item) => item[index.pk] === values[':pk'] && typeof item[index.sk] === 'string')
      .filter((item) => before === undefined || String(item[index.sk]) < String(before))
      .sort((a, b) => {
        const order = String(a[index.sk]) < String(b[index.sk]) ? -1 : 1;
        return forward ? order : -order;
      });
    const start = input.ExclusiveStartKey
      ? matching.findIndex(
          (item) => item.pk === input.ExclusiveStartKey?.pk && item.sk === input.ExclusiveStartKey?.sk,
        ) + 1
      : 0;
    const limit = input.Limit ?? matching.length;
    const evaluated = matching.slice(start, start + limit);
    const last = evaluated.at(-1);
    const more = start + limit < matching.length;
    const Items = evaluated.filter(
      (item) => input.FilterExpression === undefined || item.status === values[':status'],
    );
    return {
      Items,
      Count: Items.length,
      ...(more && last
        ? {
            LastEvaluatedKey: {
              pk: last.pk,
              sk: last.sk,
              [index.pk]: last[index.pk],
              [index.sk]: last[index.sk],
            },
          }
        : {}),
    };
  }

  /**
   * The verification queue's query (VerificationQueueTable): `gsi1pk = :pk [AND gsi1sk > :after]`
   * on byStatus, oldest first, optionally filtered by the entry's site and the requirement code.
   */
  private queryQueue(input: QueryCommandInput) {
    const values = input.ExpressionAttributeValues ?? {};
    const expression = input.KeyConditionExpression;
    const filter = input.FilterExpression ?? '';
    const knownFilters = filter
      .split(' AND ')
      .every((part) => ['', '#entry.#site = :site', '#code = :code'].includes(part));
    if (
      input.IndexName !== 'byStatus' ||
      (expression !== 'gsi1pk = :pk' && expression !== 'gsi1pk = :pk AND gsi1sk > :after') ||
      !knownFilters
    ) {
      throw new Error(`ObservedTable does not understand the queue query ${JSON.stringify(input)}`);
    }
    this.checkKeyValue('gsi1pk', values[':pk'], MAX_PARTITION_KEY_BYTES);
    const after = input.ExclusiveStartKey?.gsi1sk ?? values[':after'];
    const matching = this.itemsUnder('')
      .filter((item) => item.gsi1pk === values[':pk'] && typeof item.gsi1sk === 'string')
      .filter((item) => after === undefined || String(item.gsi1sk) > String(after))
      .sort((a, b) => (String(a.gsi1sk) < String(b.gsi1sk) ? -1 : 1));
    const limit = input.Limit ?? matching.length;
    const evaluated = matching.slice(0, limit);
    const entrySite = (item: Record<string, unknown>) =>
      (item.queueEntry as { siteId?: unknown } | undefined)?.siteId;
    const Items = evaluated
      .filter((item) => !filter.includes(':site') || entrySite(item) === values[':site'])
      .filter((item) => !filter.includes(':code') || item.requirementCode === values[':code']);
    const last = evaluated.at(-1);
    return {
      Items,
      Count: Items.length,
      ...(limit < matching.length && last
        ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk, gsi1pk: last.gsi1pk, gsi1sk: last.gsi1sk } }
        : {}),
    };
  }
}
