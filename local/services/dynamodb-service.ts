import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { TableSpec } from '../template/local-cloud-model.js';
import { closeServer, listenOnLoopback } from './listen-on-loopback.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** dynalite, on disk under `directory` (LevelDB), listening on 127.0.0.1. */
export async function startDynamoDb(options: {
  port: number;
  directory: string;
  /** Sees the HTTP server before it serves (the test-only fault switches hook in here). */
  onServer?: (server: Server) => void;
}): Promise<RunningService> {
  await mkdir(options.directory, { recursive: true });
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ path: options.directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  options.onServer?.(server);
  const port = await listenOnLoopback(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    // dynalite's close() also closes the LevelDB store, so a restart in the same process can reopen it.
    stop: () => closeServer(server),
  };
}

interface DynamoDbJsonError {
  __type?: string;
  message?: string;
}

async function callDynamoDb(url: string, operation: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      // dynalite checks that a request is signed, not the signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      'x-amz-date': '20200101T000000Z',
    },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as unknown;
  if (!response.ok) {
    const error = parsed as DynamoDbJsonError;
    const type = (error.__type ?? 'Error').split('#').pop() ?? 'Error';
    throw Object.assign(new Error(`${operation}: ${error.message ?? type}`), { name: type });
  }
  return parsed;
}

/**
 * Creates each table of the template that does not exist yet, with its key schema and indexes
 * (billing is always on demand locally). Missing GSIs of an existing table are added.
 */
export async function createTables(
  url: string,
  tables: TableSpec[],
  warn: (line: string) => void,
): Promise<void> {
  const { TableNames = [] } = (await callDynamoDb(url, 'ListTables', {})) as { TableNames?: string[] };
  for (const table of tables) {
    const globalSecondaryIndexes = table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: index.Projection,
    }));
    if (!TableNames.includes(table.tableName)) {
      await callDynamoDb(url, 'CreateTable', {
        TableName: table.tableName,
        KeySchema: table.keySchema,
        AttributeDefinitions: table.attributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
        ...(globalSecondaryIndexes.length > 0 ? { GlobalSecondaryIndexes: globalSecondaryIndexes } : {}),
        ...(table.localSecondaryIndexes.length > 0
          ? { LocalSecondaryIndexes: table.localSecondaryIndexes }
          : {}),
      });
      continue;
    }
    const { Table } = (await callDynamoDb(url, 'DescribeTable', { TableName: table.tableName })) as {
      Table: { GlobalSecondaryIndexes?: Array<{ IndexName: string }> };
    };
    const existing = new Set((Table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of globalSecondaryIndexes.filter((candidate) => !existing.has(candidate.IndexName))) {
      try {
        await callDynamoDb(url, 'UpdateTable', {
          TableName: table.tableName,
          AttributeDefinitions: table.attributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        });
      } catch (error) {
        warn(
          `Could not add index ${index.IndexName} to ${table.tableName} (${(error as Error).message}); try --reset.`,
        );
      }
    }
  }
}
