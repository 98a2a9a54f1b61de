import type { TableSpec } from '../../local/template/local-cloud-model.js';
import { type AttributeValue, itemBytes } from './dynamodb-item-size.js';

/** On-demand capacity units consumed so far, as DynamoDB would bill them (computed, see `record`). */
export interface CapacityTotals {
  writeUnits: number;
  readUnits: number;
  writeRequests: number;
  readRequests: number;
  /** Conditional writes that failed (they are billed too). */
  conditionFailures: number;
  /** Write units by the kind of item written (the partition key's prefix: PLACEMENT, STUDENT, LINK…). */
  writeUnitsByItem: Record<string, number>;
  /** Read units by the kind of item read. */
  readUnitsByItem: Record<string, number>;
  /** Operations this model does not price (counted, not billed). */
  unpriced: Record<string, number>;
}

type Item = Record<string, AttributeValue>;

interface StoredItem {
  bytes: number;
  /** The key values of each index the item appears in (undefined: not in that index). */
  indexKeys: Array<string | undefined>;
}

/** An index entry is the projected item plus the keys plus 100 bytes of overhead (ALL projection here). */
const INDEX_ENTRY_OVERHEAD = 100;

const writeUnitsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
const readUnitsFor = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

/**
 * Prices DynamoDB requests seen on the wire (request and response bodies) the way on-demand
 * billing does, from item sizes:
 * - a write: ceil(size / 1 KB) write units, the larger of the old and new item for a put, also when
 *   its condition fails; plus, per global secondary index the item is in, one index write of the
 *   index entry (two when the write changes the item's index key: delete + put);
 * - GetItem: ceil(size / 4 KB) read units, half for an eventually consistent read (1 minimum);
 * - Query: ceil(total size of the returned items / 4 KB), half when eventually consistent
 *   (GSI queries always are).
 * The size of the item a write replaces is known because every write since the table was created
 * passed through here (the bench starts on an empty data directory).
 */
export class DynamoDbCapacityModel {
  private readonly tables = new Map<string, TableSpec>();
  private readonly items = new Map<string, StoredItem>();
  readonly totals: CapacityTotals = {
    writeUnits: 0,
    readUnits: 0,
    writeRequests: 0,
    readRequests: 0,
    conditionFailures: 0,
    writeUnitsByItem: {},
    readUnitsByItem: {},
    unpriced: {},
  };

  constructor(tables: readonly TableSpec[]) {
    for (const table of tables) this.tables.set(table.tableName, table);
  }

  record(operation: string, request: Record<string, unknown>, statusCode: number, response: unknown): void {
    const table = this.tables.get(String(request.TableName));
    const body = (response ?? {}) as Record<string, unknown>;
    const conditionFailed =
      statusCode === 400 && String(body.__type ?? '').endsWith('ConditionalCheckFailedException');
    if (statusCode !== 200 && !conditionFailed) return;
    if (!table) {
      this.totals.unpriced[operation] = (this.totals.unpriced[operation] ?? 0) + 1;
      return;
    }
    switch (operation) {
      case 'PutItem':
        this.write(table, request.Item as Item, request.Item as Item, conditionFailed);
        return;
      case 'DeleteItem':
        this.write(table, request.Key as Item, undefined, conditionFailed);
        return;
      case 'GetItem': {
        const item = body.Item as Item | undefined;
        this.read(table, request.Key as Item, item ? itemBytes(item) : 0, request.ConsistentRead === true);
        return;
      }
      case 'Query': {
        const items = (body.Items as Item[] | undefined) ?? [];
        // Billed on the whole item read, whatever the projection expression returned.
        const bytes = items.reduce(
          (sum, item) => sum + (this.items.get(this.keyOf(table, item))?.bytes ?? itemBytes(item)),
          0,
        );
        const kind = request.IndexName ? `index ${String(request.IndexName)}` : undefined;
        this.read(table, items[0], bytes, request.ConsistentRead === true && !kind, kind);
        return;
      }
      default:
        this.totals.unpriced[operation] = (this.totals.unpriced[operation] ?? 0) + 1;
    }
  }

  private read(
    table: TableSpec,
    keySource: Item | undefined,
    bytes: number,
    consistent: boolean,
    kind?: string,
  ): void {
    const units = readUnitsFor(bytes, consistent);
    const item = kind ?? (keySource ? this.kindOf(table, keySource) : 'nothing found');
    this.totals.readRequests++;
    this.totals.readUnits += units;
    this.totals.readUnitsByItem[item] = (this.totals.readUnitsByItem[item] ?? 0) + units;
  }

  /** `PLACEMENT` for the key `PLACEMENT#pl_…`. */
  private kindOf(table: TableSpec, item: Item): string {
    const partition = item[table.keySchema[0]?.AttributeName ?? ''] as { S?: string } | undefined;
    return (partition?.S ?? '?').split('#')[0] ?? '?';
  }

  private write(
    table: TableSpec,
    keySource: Item,
    newItem: Item | undefined,
    conditionFailed: boolean,
  ): void {
    const key = this.keyOf(table, keySource);
    const old = this.items.get(key);
    const next = newItem ? this.describe(table, newItem) : undefined;
    const kind = this.kindOf(table, keySource);
    const charge = (units: number, what: string) => {
      this.totals.writeUnits += units;
      this.totals.writeUnitsByItem[what] = (this.totals.writeUnitsByItem[what] ?? 0) + units;
    };
    this.totals.writeRequests++;
    charge(writeUnitsFor(Math.max(old?.bytes ?? 0, next?.bytes ?? 0)), kind);
    if (conditionFailed) {
      this.totals.conditionFailures++;
      return;
    }
    table.globalSecondaryIndexes.forEach((spec, index) => {
      const before = old?.indexKeys[index];
      const after = next?.indexKeys[index];
      const what = `${kind} in index ${spec.IndexName}`;
      if (before !== undefined && after !== undefined && before !== after) {
        charge(
          writeUnitsFor((old?.bytes ?? 0) + INDEX_ENTRY_OVERHEAD) +
            writeUnitsFor((next?.bytes ?? 0) + INDEX_ENTRY_OVERHEAD),
          what,
        );
      } else if (after !== undefined) {
        charge(writeUnitsFor((next?.bytes ?? 0) + INDEX_ENTRY_OVERHEAD), what);
      } else if (before !== undefined) {
        charge(writeUnitsFor((old?.bytes ?? 0) + INDEX_ENTRY_OVERHEAD), what);
      }
    });
    if (next) this.items.set(key, next);
    else this.items.delete(key);
  }

  private describe(table: TableSpec, item: Item): StoredItem {
    return {
      bytes: itemBytes(item),
      indexKeys: table.globalSecondaryIndexes.map((index) => {
        const values = index.KeySchema.map((part) => item[part.AttributeName]);
        return values.every((value) => value !== undefined) ? JSON.stringify(values) : undefined;
      }),
    };
  }

  private keyOf(table: TableSpec, item: Item): string {
    return JSON.stringify([table.tableName, ...table.keySchema.map((part) => item[part.AttributeName])]);
  }
}
