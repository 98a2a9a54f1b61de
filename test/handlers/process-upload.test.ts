import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import { createProcessUploadHandler } from '../../functions/handlers/process-upload.js';
import { type CapturedLogs, captureLogs } from '../support/captured-logs.js';
import { lambdaContext } from './support/api-gateway-event.js';
import { FakeTable } from './support/fake-table.js';
import { resetBeforeEachTest, TEST_CONFIG, TEST_NOW, testPorts } from './support/handler-test-preamble.js';
import { objectBody, objectCreatedEvent } from './support/s3-event.js';
import { conditionalCheckFailed, sfnThrottling } from './support/sdk-errors.js';
import {
  documentItem,
  documentKey,
  PLACEMENT_ID,
  placementItem,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
  storedDocument,
  storedPlacement,
  TASK_TOKEN,
} from './support/stored-items.js';
import { deletedVersions, STORED_VERSION, versionedDocuments } from './support/versioned-documents.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const table = new FakeTable(TEST_CONFIG.tableName);
const handler = createProcessUploadHandler(
  {
    ...testPorts.tables(),
    storage: testPorts.storage(),
    workflow: testPorts.workflow(),
    clock: testPorts.clock,
  },
  { documentsBucket: TEST_CONFIG.documentsBucket },
);
let logs: CapturedLogs;

const BUCKET = TEST_CONFIG.documentsBucket;
const DOCUMENT = storedDocument();
const OBJECT_KEY = DOCUMENT.objectKey;
/** The key as S3 puts it in the event: URL-encoded (here every underscore). */
const ENCODED_KEY = OBJECT_KEY.replaceAll('_', '%5F');
const PDF_HEAD = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>';
const EXECUTABLE_HEAD = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
]);

const upload = (event: unknown = objectCreatedEvent(BUCKET, ENCODED_KEY)) =>
  handler(event as S3Event, lambdaContext('process-upload'));

const storedPlacementNow = () => placementOf(table.item(placementKey().pk, 'PLACEMENT'));
const storedDocumentNow = (documentId = DOCUMENT.documentId) =>
  table.item(documentKey(STUDENT.id, documentId).pk, `DOC#${documentId}`) as unknown as StudentDocument;
const placementWrites = () =>
  ddb
    .commandCalls(PutCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Item?.pk === placementKey().pk);
const resumes = () => sfn.commandCalls(SendTaskSuccessCommand).map((call) => call.args[0].input);

/** The student's MMR record is the last thing outstanding; the workflow waits on its token. */
const waitingForMmr = () =>
  storedPlacement({
    requirements: [requirement('MMR'), requirement('BLS', 'ACCEPTED', { documentId: 'doc_bls' })],
    pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
  });

const stubObject = (head: Uint8Array | string, size = 48_213) => {
  s3.on(HeadObjectCommand).resolves({ ContentLength: size, ContentType: 'application/pdf' });
  s3.on(GetObjectCommand).resolves({ Body: objectBody(head), ContentLength: Math.min(size, 32) });
};

resetBeforeEachTest({ ddb, table, clients: [s3, sfn] }, () => {
  table.seed(placementItem(waitingForMmr()), documentItem(DOCUMENT));
  versionedDocuments(s3);
  sfn.on(SendTaskSuccessCommand).resolves({});
  logs = captureLogs();
});

describe('process-upload', () => {
  it('accepts a PDF under its decoded key, reads only its first bytes, and resumes the workflow once nothing is left', async () => {
    stubObject(PDF_HEAD);

    await expect(upload()).resolves.toEqual({ processed: 1 });

    expect(s3.commandCalls(HeadObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: OBJECT_KEY });
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: OBJECT_KEY,
      Range: 'bytes=0-31',
    });
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    const placement = storedPlacementNow();
    expect(placement.requirements[0]).toEqual(
      requirement('MMR', 'ACCEPTED', { documentId: DOCUMENT.documentId }),
    );
    expect(placement.history.at(-1)).toEqual({
      at: TEST_NOW.toISOString(),
      type: 'DOCUMENT_ACCEPTED',
      detail: 'MMR',
    });
    expect(storedDocumentNow()).toMatchObject({
      status: 'ACCEPTED',
      size: 48_213,
      updatedAt: TEST_NOW.toISOString(),
    });
    expect(resumes()).toEqual([
      { taskToken: TASK_TOKEN, output: JSON.stringify({ event: 'DOCUMENTS_COMPLETE' }) },
    ]);
    expect(placement.pendingTask).toBeUndefined();
  });

  it('keeps waiting when other requirements are still outstanding', async () => {
    table.seed(
      placementItem(
        storedPlacement({
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        }),
      ),
    );
    stubObject(PDF_HEAD);

    await upload();

    expect(storedPlacementNow().requirements.map((item) => item.status)).toEqual(['ACCEPTED', 'MISSING']);
    expect(resumes()).toHaveLength(0);
    expect(storedPlacementNow().pendingTask?.token).toBe(TASK_TOKEN);
  });

  it('deletes an executable sent as a PDF and marks the requirement REJECTED with a reason the student can act on', async () => {
    stubObject(EXECUTABLE_HEAD);

    await expect(upload()).resolves.toEqual({ processed: 1 });

    // Every stored version goes, not only the current one: a rejected file may be health data.
    expect(deletedVersions(s3)).toEqual([{ Bucket: BUCKET, Key: OBJECT_KEY, VersionId: STORED_VERSION }]);
    const mmr = storedPlacementNow().requirements[0];
    expect(mmr).toMatchObject({ code: 'MMR', status: 'REJECTED', documentId: DOCUMENT.documentId });
    expect(mmr?.reason).toMatch(/not a PDF, PNG, JPEG or HEIC/);
    expect(storedDocumentNow()).toMatchObject({ status: 'REJECTED', reason: mmr?.reason });
    expect(resumes()).toHaveLength(0);
  });

  it('rejects and deletes a file larger than 10 MB whatever its bytes', async () => {
    stubObject(PDF_HEAD, 10 * 1024 * 1024 + 1);

    await upload();

    expect(storedPlacementNow().requirements[0]?.status).toBe('REJECTED');
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(1);
  });

  it('does nothing for a duplicate event of a document already judged', async () => {
    table.seed(documentItem({ ...DOCUMENT, status: 'ACCEPTED' }));
    stubObject(PDF_HEAD);

    await expect(upload()).resolves.toEqual({ processed: 1 });

    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
    expect(resumes()).toHaveLength(0);
  });

  it('judges a document once when the same event is delivered twice', async () => {
    stubObject(PDF_HEAD);

    await upload();
    const writesOfTheFirst = ddb.commandCalls(PutCommand).length;
    await upload();

    expect(writesOfTheFirst).toBeGreaterThan(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(writesOfTheFirst);
    expect(s3.commandCalls(HeadObjectCommand)).toHaveLength(1);
    expect(resumes()).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['an empty event', {}],
    ['a null event', null],
    ['a record without s3', { Records: [{}] }],
    ['Records that are not a list', { Records: 'nope' }],
    ['a record of another bucket', objectCreatedEvent('someone-elses-bucket', ENCODED_KEY)],
    ['a record without a key', { Records: [{ s3: { bucket: { name: BUCKET }, object: {} } }] }],
  ])('skips %s without throwing or writing anything', async (_name, event) => {
    await expect(upload(event)).resolves.toEqual({ processed: 0 });

    expect(ddb.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it.each([
    'uploads/someone/file.pdf',
    `placements/${PLACEMENT_ID}/../secrets`,
    `placements/${PLACEMENT_ID}`,
  ])('ignores a key outside placements/{placementId}/{documentId} (%s)', async (key) => {
    await expect(upload(objectCreatedEvent(BUCKET, encodeURIComponent(key)))).resolves.toEqual({
      processed: 1,
    });

    expect(ddb.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it('deletes an object under a key the portal never issued', async () => {
    const stray = `placements/${PLACEMENT_ID}/doc_nobodyaskedforthisoneaaa`;

    await upload(objectCreatedEvent(BUCKET, stray));

    expect(deletedVersions(s3)).toEqual([{ Bucket: BUCKET, Key: stray, VersionId: STORED_VERSION }]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('retries the placement write after a lost race and keeps the other writer’s change', async () => {
    stubObject(PDF_HEAD);
    table.seed(
      placementItem(
        storedPlacement({
          pendingTask: { kind: 'COLLECT_DOCUMENTS', token: TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
        }),
      ),
    );
    // Between our read and our write, the coordinator waives BLS (version 3 → 4).
    ddb
      .on(PutCommand, { Item: placementKey() })
      .callsFakeOnce(() => {
        const current = storedPlacementNow();
        table.seed(
          placementItem({
            ...current,
            version: 4,
            requirements: [
              current.requirements[0] ?? requirement('MMR'),
              requirement('BLS', 'WAIVED', { reason: 'School card' }),
            ],
          }),
        );
        throw conditionalCheckFailed();
      })
      .callsFake(table.put);

    await expect(upload()).resolves.toEqual({ processed: 1 });

    const conditions = placementWrites().map((input) => input.ExpressionAttributeValues?.[':expected']);
    expect(conditions.slice(0, 2)).toEqual([3, 4]);
    const placement = storedPlacementNow();
    expect(placement.requirements.map((item) => item.status)).toEqual(['ACCEPTED', 'WAIVED']);
    expect(resumes()).toHaveLength(1);
  });

  it('rethrows an unexpected storage failure so that S3 retries the event, logging only the error name', async () => {
    const denied = new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: {},
      message: `Access Denied for ${OBJECT_KEY}`,
    });
    s3.on(HeadObjectCommand).rejects(denied);

    await expect(upload()).rejects.toMatchObject({ name: 'AccessDenied' });

    expect(logs.entries()).toHaveLength(1);
    expect(logs.entries()[0]).toMatchObject({
      level: 'ERROR',
      message: 'Upload processing failed',
      errorName: 'AccessDenied',
      placementId: PLACEMENT_ID,
    });
    expect(logs.lines[0]).not.toContain(OBJECT_KEY);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it("tags each record's log line with the placement in its key, and a skipped record's with none", async () => {
    stubObject(PDF_HEAD);
    const [valid] = objectCreatedEvent(BUCKET, ENCODED_KEY).Records;
    const [elsewhere] = objectCreatedEvent('another-bucket', ENCODED_KEY).Records;

    await expect(upload({ Records: [valid, elsewhere] })).resolves.toEqual({ processed: 1 });

    const [processed, skipped] = logs.entries();
    expect(processed).toMatchObject({
      message: 'Upload processed',
      outcome: 'accepted',
      placementId: PLACEMENT_ID,
      correlation_id: PLACEMENT_ID,
    });
    expect(skipped?.message).toBe('Skipped an S3 record');
    expect(skipped).not.toHaveProperty('placementId');
    expect(logs.lines.join('\n')).not.toContain(DOCUMENT.documentId);
  });

  it('resumes the workflow on the retried event when the first attempt could not', async () => {
    stubObject(PDF_HEAD);
    sfn.on(SendTaskSuccessCommand).rejectsOnce(sfnThrottling()).resolves({});

    await expect(upload()).rejects.toMatchObject({ name: 'TransientDependencyError' });
    await upload();

    expect(resumes()).toHaveLength(2);
    expect(storedPlacementNow().pendingTask).toBeUndefined();
  });
});
