import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../functions/adapters/dynamodb/table-keys.js';
import { createApplyRetentionHandler } from '../../functions/handlers/apply-retention.js';
import { type CapturedLogs, captureLogs } from '../support/captured-logs.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, testPorts } from './support/handler-test-preamble.js';
import {
  documentItem,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  STUDENT,
  storedDocument,
  storedPlacement,
} from './support/stored-items.js';
import { deletedVersions, STORED_VERSION, versionedDocuments } from './support/versioned-documents.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createApplyRetentionHandler(
  { ...testPorts.tables(), storage: testPorts.objectDeletion(), clock: testPorts.clock },
  { retentionDays: 30 },
);
let logs: CapturedLogs;

// TEST_NOW is 2030-03-01; with 30 days of retention, rotations that ended on 2030-01-29 or before are due.
const DUE_END_DATE = '2030-01-29';
const DOCUMENT = storedDocument({ status: 'ACCEPTED' });
/** An EventBridge scheduled event, as the rule delivers it. */
const SCHEDULED_EVENT = {
  version: '0',
  id: 'event-1',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time: '2030-03-01T03:15:00Z',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/RetentionSchedule'],
  detail: {},
};

const run = () => handler(SCHEDULED_EVENT, lambdaContext('apply-retention'));

const seedPlacementEnding = (endDate: string) =>
  table.seed(
    placementItem(storedPlacement({ status: 'CLEARED', startDate: '2029-12-01', endDate })),
    {
      pk: `ENDS#${endDate}#${shardOf(PLACEMENT_ID)}`,
      sk: `PLACEMENT#${PLACEMENT_ID}`,
      placementId: PLACEMENT_ID,
    },
    documentItem(DOCUMENT),
  );

resetBeforeEachTest({ ddb, table, clients: [s3] }, () => {
  versionedDocuments(s3);
  logs = captureLogs();
});

describe('the apply-retention function', () => {
  it('deletes the documents of a placement whose rotation ended more than the retention days ago', async () => {
    seedPlacementEnding(DUE_END_DATE);

    await run();

    expect(deletedVersions(s3)).toEqual([
      { Bucket: TEST_CONFIG.documentsBucket, Key: DOCUMENT.objectKey, VersionId: STORED_VERSION },
    ]);
    expect(table.item(`STUDENT#${STUDENT.id}`, `DOC#${DOCUMENT.documentId}`)).toBeUndefined();
    const placement = placementOf(table.item(placementKey().pk, 'PLACEMENT'));
    expect(placement.history.at(-1)).toMatchObject({ type: 'DOCUMENTS_DELETED' });
    expect(placement.student).toEqual(STUDENT);
    expect(logs.entries().find((entry) => entry.message === 'Retention applied')).toMatchObject({
      placementsCleared: 1,
      documentsDeleted: 1,
      failures: 0,
    });
  });

  it('keeps the documents of a rotation that ended a day later', async () => {
    seedPlacementEnding('2030-01-30');

    await run();

    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    expect(table.item(`STUDENT#${STUDENT.id}`, `DOC#${DOCUMENT.documentId}`)).toBeDefined();
  });

  it('fails the run (so EventBridge retries it) when S3 refuses, and keeps the record of the document it kept', async () => {
    seedPlacementEnding(DUE_END_DATE);
    s3.on(DeleteObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));

    await expect(run()).rejects.toMatchObject({ name: 'RetentionIncompleteError' });

    expect(table.item(`STUDENT#${STUDENT.id}`, `DOC#${DOCUMENT.documentId}`)).toBeDefined();
    expect(logs.lines.join('\n')).not.toContain(STUDENT.name);
  });
});
