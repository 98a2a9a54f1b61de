import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type TableSeeder, tableSeeder } from '../../functions/contract/table-seeding.js';
import type { CloudHost } from '../cloud/cloud-host-client.js';

/** A seeder on the local cloud's one table (through its DynamoDB endpoint, so the meter counts it). */
export async function cloudTableSeeder(host: CloudHost): Promise<TableSeeder> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: host.endpoints.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  const tableName = TableNames[0];
  if (!tableName || TableNames.length > 1)
    throw new Error(`Expected the local cloud to have one table, found: ${TableNames.join(', ') || 'none'}.`);
  return tableSeeder(client, tableName);
}
