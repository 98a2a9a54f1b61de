import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CounterTable } from '../adapters/dynamodb/counter-table.js';
import { DocumentTable } from '../adapters/dynamodb/document-table.js';
import { LinkTable } from '../adapters/dynamodb/link-table.js';
import { OnceLedgerTable } from '../adapters/dynamodb/once-ledger-table.js';
import { PlacementImportTable } from '../adapters/dynamodb/placement-import-table.js';
import { PlacementTable } from '../adapters/dynamodb/placement-table.js';
import { PurgeRecordTable } from '../adapters/dynamodb/purge-record-table.js';
import { RetentionIndexTable } from '../adapters/dynamodb/retention-index-table.js';
import { SiteTable } from '../adapters/dynamodb/site-table.js';
import { VerificationQueueTable } from '../adapters/dynamodb/verification-queue-table.js';
import type { Clock } from '../core/ports.js';

/** The repositories over the one table, sharing one DynamoDB client per function. */
export const tablePorts = (tableName: string, clock: Clock, client = new DynamoDBClient({})) => {
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const counters = new CounterTable(documentClient, tableName);
  return {
    sites: new SiteTable(documentClient, tableName),
    placements: new PlacementTable(documentClient, tableName, counters),
    counters,
    imports: new PlacementImportTable(documentClient, tableName),
    verificationQueue: new VerificationQueueTable(documentClient, tableName),
    documents: new DocumentTable(documentClient, tableName),
    links: new LinkTable(documentClient, tableName),
    purges: new PurgeRecordTable(documentClient, tableName),
    retention: new RetentionIndexTable(documentClient, tableName),
    ledger: new OnceLedgerTable(documentClient, tableName, clock),
  };
};
