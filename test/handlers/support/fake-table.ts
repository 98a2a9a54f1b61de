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
import { conditionalCheckFailed } from './sdk-errors.js';

export type TableItem = Record<string, unknown>;

const keyOf = (key: Record<string, unknown> | undefined): string =>
  `${String(key?.pk)}\u0000${String(key?.sk)}`;

/** What DynamoDB keeps of an item: JSON values, `undefined` attributes dropped (removeUndefinedValues). */
const stored = (item: TableItem): TableItem => JSON.parse(JSON.stringify(item));

/**
 * A stateful stand-in for the one table, behind the mocked document client: GetItem, PutItem
 * and DeleteItem (with the condition expressions the adapters use) and the base-table
 * Queries of a student's documents and of a placement's links. Anything else throws, so a test never passes by accident
 * on an operation this fake does not understand. Index queries are stubbed per test.
 */
export class FakeTable {
  private readonly items = new Map<string, TableItem>();

  constructor(readonly tableName: string) {}

  /** Empties the table and routes the document client's table operations to it. */
  install(mock: AwsClientStub<DynamoDBDocumentClient>): this {
    this.items.clear();
    mock.on(GetCommand).callsFake(this.get);
    mock.on(PutCommand).callsFake(this.put);
    mock.on(DeleteCommand).callsFake(this.delete);
    mock.on(QueryCommand).callsFake(this.query);
    return this;
  }

  seed(...items: TableItem[]): void {
    for (const item of items) this.items.set(keyOf(item), stored(item));
  }

  item(pk: string, sk: string): TableItem | undefined {
    const item = this.items.get(keyOf({ pk, sk }));
    return item ? stored(item) : undefined;
  }

  readonly get = (input: GetCommandInput) => {
    this.checkTable(input.TableName);
    const item = this.items.get(keyOf(input.Key));
    return item ? { Item: stored(item) } : {};
  };

  readonly put = (input: PutCommandInput) => {
    this.checkTable(input.TableName);
    const item = input.Item ?? {};
    const existing = this.items.get(keyOf(item));
    const condition = input.ConditionExpression;
    if (condition === 'attribute_not_exists(pk)') {
      if (existing) throw conditionalCheckFailed();
    } else if (condition === 'attribute_exists(pk)') {
      if (!existing) throw conditionalCheckFailed();
    } else if (condition === 'attribute_not_exists(pk) OR leaseUntil < :now') {
      const leaseUntil = existing?.leaseUntil;
      const now = String(input.ExpressionAttributeValues?.[':now']);
      if (existing && !(typeof leaseUntil === 'string' && leaseUntil < now)) throw conditionalCheckFailed();
    } else if (condition === 'claimId = :claimId') {
      if (existing?.claimId !== input.ExpressionAttributeValues?.[':claimId']) throw conditionalCheckFailed();
    } else if (condition === 'version = :expected') {
      if (
        existing?.version === undefined ||
        existing.version !== input.ExpressionAttributeValues?.[':expected']
      ) {
        throw conditionalCheckFailed();
      }
    } else if (condition !== undefined) {
      throw new Error(`FakeTable does not understand the condition ${condition}`);
    }
    this.items.set(keyOf(item), stored(item));
    return {};
  };

  readonly delete = (input: DeleteCommandInput) => {
    this.checkTable(input.TableName);
    const condition = input.ConditionExpression;
    if (condition === 'claimId = :claimId') {
      const existing = this.items.get(keyOf(input.Key));
      if (existing?.claimId !== input.ExpressionAttributeValues?.[':claimId']) throw conditionalCheckFailed();
    } else if (condition !== undefined) {
      throw new Error(`FakeTable does not understand the condition ${condition}`);
    }
    this.items.delete(keyOf(input.Key));
    return {};
  };

  readonly query = (input: QueryCommandInput) => {
    this.checkTable(input.TableName);
    const values = input.ExpressionAttributeValues ?? {};
    // A student's documents (`:doc`) or a placement's link items (`:prefix`), in the base table.
    const prefixName = /^pk = :pk AND begins_with\(sk, (:doc|:prefix)\)$/.exec(
      input.KeyConditionExpression ?? '',
    )?.[1];
    if (input.IndexName !== undefined || prefixName === undefined) {
      throw new Error(`FakeTable does not understand the query ${input.KeyConditionExpression}`);
    }
    const prefix = String(values[prefixName]);
    const Items = [...this.items.values()]
      .filter((item) => item.pk === values[':pk'] && String(item.sk).startsWith(prefix))
      .sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : 1))
      .map(stored);
    return { Items, Count: Items.length };
  };

  private checkTable(tableName: string | undefined): void {
    if (tableName !== this.tableName) throw new Error(`Unexpected table ${tableName}`);
  }
}
