import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCEPTED_CONTENT_TYPES, MAX_UPLOAD_BYTES } from '../../functions/core/file-signature.js';
import type { Placement } from '../../functions/core/model/placement.js';
import type { RequirementCode } from '../../functions/core/model/requirement-code.js';
import type { StudentDocument } from '../../functions/core/model/student-document.js';
import type { handler as ProcessUploadHandler } from '../../functions/entries/process-upload.js';
import { lambdaContext } from '../handlers/support/api-gateway-event.js';
import { FakeTable } from '../handlers/support/fake-table.js';
import { coldStart, freezeDate, HANDLER_ENVIRONMENT } from '../handlers/support/handler-environment.js';
import { objectBody, objectCreatedEvent } from '../handlers/support/s3-event.js';
import { dynamoThrottled, sfnThrottling } from '../handlers/support/sdk-errors.js';
import {
  documentItem,
  documentKey,
  placementKey,
  placementOf,
  requirement,
  STUDENT,
} from '../handlers/support/stored-items.js';
import { versionedDocuments } from '../handlers/support/versioned-documents.js';
import { captureLogs } from '../support/captured-logs.js';
import { externalWrites } from './support/aws-side-effects.js';
import {
  calendarDate,
  percentEncode,
  rotationDates,
  trickyText,
  wildValue,
} from './support/http-arbitraries.js';
import { ObservedTable } from './support/observed-table.js';
import {
  BLS_DOCUMENT,
  listedPlacementItem,
  MISSING_PLACEMENT_ID,
  MMR_DOCUMENT,
  OTHER_PLACEMENT_ID,
  PENDING_DOCUMENT,
  PLACEMENT_ID,
  placementIn,
  SECRET_FAILURE_CAUSE,
  SECRET_TASK_TOKEN,
  seedWorld,
} from './support/seeded-world.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const ses = mockClient(SESClient);
const table = new ObservedTable(new FakeTable(HANDLER_ENVIRONMENT.TABLE_NAME));
const logged: string[] = [];
let handler: typeof ProcessUploadHandler;

const BUCKET = HANDLER_ENVIRONMENT.DOCUMENTS_BUCKET;
const PENDING_KEY = PENDING_DOCUMENT.objectKey;
const STORED_OBJECT_KEYS = [MMR_DOCUMENT, BLS_DOCUMENT, PENDING_DOCUMENT].map(
  (document) => document.objectKey,
);
const RUNS = 200;

const processEvent = (event: unknown) => handler(event as S3Event, lambdaContext('process-upload'));

/** S3 puts keys in events URL-encoded, with spaces as `+`: what the function must read back. */
const decodedKey = (key: string): string => {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
};

/** The decoded keys of the records an S3 event names in the documents bucket. */
const keysInDocumentsBucket = (event: unknown): string[] => {
  const records = (event as { Records?: unknown } | null | undefined)?.Records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((record) => {
    const s3Entity = (record as { s3?: { bucket?: { name?: unknown }; object?: { key?: unknown } } } | null)
      ?.s3;
    const key = s3Entity?.object?.key;
    return s3Entity?.bucket?.name === BUCKET && typeof key === 'string' ? [decodedKey(key)] : [];
  });
};

// ---------------------------------------------------------------------------------------------
// Files in storage

const PDF_HEAD = new TextEncoder().encode(
  '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>',
);
const PNG_HEAD = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const HEIC_HEAD = new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0]);
const EXE_HEAD = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const HEADS: Record<(typeof ACCEPTED_CONTENT_TYPES)[number], Uint8Array> = {
  'application/pdf': PDF_HEAD,
  'image/png': PNG_HEAD,
  'image/jpeg': JPEG_HEAD,
  'image/heic': HEIC_HEAD,
};

interface StoredObject {
  exists: boolean;
  size: number;
  head: Uint8Array;
}

/** What an upload left in the bucket: usually the declared kind of file, sometimes anything, empty, huge or gone. */
const storedObject = (contentType: (typeof ACCEPTED_CONTENT_TYPES)[number]): fc.Arbitrary<StoredObject> =>
  fc.record({
    exists: fc.oneof(
      { weight: 9, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    size: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: MAX_UPLOAD_BYTES }) },
      { weight: 1, arbitrary: fc.constantFrom(0, MAX_UPLOAD_BYTES + 1, 5 * 1024 ** 3) },
    ),
    head: fc.oneof(
      { weight: 6, arbitrary: fc.constant(HEADS[contentType]) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(HEADS), EXE_HEAD, new Uint8Array()) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }) },
    ),
  });

const stubStorage = (object: StoredObject) => {
  if (!object.exists) {
    const missing = new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } });
    s3.on(HeadObjectCommand).rejects(missing);
    s3.on(GetObjectCommand).rejects(missing);
  } else {
    s3.on(HeadObjectCommand).resolves({ ContentLength: object.size, ContentType: 'application/pdf' });
    s3.on(GetObjectCommand).resolves({ Body: objectBody(object.head), ContentLength: object.head.length });
  }
  versionedDocuments(s3);
};

// ---------------------------------------------------------------------------------------------
// Events

const knownKey = fc.constantFrom(
  PENDING_KEY,
  MMR_DOCUMENT.objectKey,
  BLS_DOCUMENT.objectKey,
  `placements/${PLACEMENT_ID}/doc_neverissuedaaaaaaaaaaaaaa`,
  `placements/${OTHER_PLACEMENT_ID}/${PENDING_DOCUMENT.documentId}`,
  `placements/${MISSING_PLACEMENT_ID}/${PENDING_DOCUMENT.documentId}`,
  `placements/${PLACEMENT_ID}/${PENDING_DOCUMENT.documentId}/extra`,
  `placements/../placements/${PLACEMENT_ID}/${PENDING_DOCUMENT.documentId}`,
  `Placements/${PLACEMENT_ID}/${PENDING_DOCUMENT.documentId}`,
  `placements/${PLACEMENT_ID}/`,
  `placements/${PLACEMENT_ID}`,
  'placements/',
  'origin-probe',
);

/** A key as an event could carry it: encoded as S3 does, over-encoded, raw, or garbage. */
const eventKey: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: knownKey },
  { weight: 2, arbitrary: knownKey.map((key) => key.replaceAll('_', '%5F')) },
  { weight: 1, arbitrary: knownKey.map(percentEncode) },
  { weight: 1, arbitrary: knownKey.map((key) => `${key}%E0%A4%A`) },
  { weight: 2, arbitrary: trickyText(60) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '+', '%2Fplacements%2F', '', ' ') },
  { weight: 1, arbitrary: wildValue },
);

const bucketName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(BUCKET) },
  { weight: 2, arbitrary: fc.constantFrom('someone-elses-bucket', BUCKET.toUpperCase(), `${BUCKET} `, '') },
  { weight: 1, arbitrary: wildValue },
);

/** A well-formed ObjectCreated record, with the bucket name and key as given (of any type). */
const notification = (bucket: unknown, key: unknown) => {
  const [record] = objectCreatedEvent(BUCKET, PENDING_KEY).Records;
  return {
    ...record,
    s3: {
      ...record?.s3,
      bucket: { ...record?.s3.bucket, name: bucket },
      object: { ...record?.s3.object, key },
    },
  };
};

/** One record: well formed, with any part missing or of the wrong type, or anything at all. */
const eventRecord: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(bucketName, eventKey).map(([bucket, key]) => notification(bucket, key)),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        eventName: fc.oneof(fc.constantFrom('ObjectCreated:Post', 'ObjectRemoved:Delete'), wildValue),
        s3: fc.oneof(
          fc.record(
            {
              bucket: fc.oneof(fc.record({ name: bucketName }, { requiredKeys: [] }), wildValue),
              object: fc.oneof(
                fc.record({ key: eventKey, size: wildValue }, { requiredKeys: [] }),
                wildValue,
              ),
            },
            { requiredKeys: [] },
          ),
          wildValue,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: wildValue },
);

/** Any event: a proper notification, records of any shape, no records, or not an event at all. */
const anyEvent: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.array(eventRecord, { maxLength: 4 }).map((Records) => ({ Records })) },
  { weight: 1, arbitrary: fc.record({ Records: wildValue }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: wildValue },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined, null, {}, { Records: null }, { Records: {} }, 'Records'),
  },
);

// ---------------------------------------------------------------------------------------------
// The placement and its pending document

const RULE_CODES: RequirementCode[] = ['MMR', 'TDAP', 'TB', 'BACKGROUND_CHECK', 'INFLUENZA', 'BLS'];
const EXPIRY_CODES = new Set<RequirementCode>(['BLS']);

interface PendingCase {
  startDate: string;
  endDate: string;
  code: RequirementCode;
  contentType: (typeof ACCEPTED_CONTENT_TYPES)[number];
  evidenceDate: string;
  /** Whether every other requirement is already accepted (so this upload can complete the packet). */
  lastOutstanding: boolean;
}

/** A pending upload the portal could have issued: rotation and evidence dates are any the API accepts. */
const pendingCase: fc.Arbitrary<PendingCase> = fc
  .record({
    rotation: rotationDates,
    code: fc.constantFrom(...RULE_CODES),
    contentType: fc.constantFrom(...ACCEPTED_CONTENT_TYPES),
    evidenceDate: calendarDate,
    lastOutstanding: fc.boolean(),
  })
  .map(({ rotation, ...rest }) => ({ ...rotation, ...rest }));

const seedPending = (pending: PendingCase) => {
  const placement: Placement = {
    ...placementIn('collecting'),
    startDate: pending.startDate,
    endDate: pending.endDate,
    rules: RULE_CODES,
    requirements: RULE_CODES.map((code) =>
      code !== pending.code && pending.lastOutstanding
        ? requirement(code, 'ACCEPTED', { documentId: `doc_${code.toLowerCase()}` })
        : requirement(code),
    ),
  };
  const { issuedOn: _issued, expiresOn: _expires, ...pendingDocument } = PENDING_DOCUMENT;
  const document: StudentDocument = {
    ...pendingDocument,
    requirementCode: pending.code,
    contentType: pending.contentType,
    ...(EXPIRY_CODES.has(pending.code)
      ? { expiresOn: pending.evidenceDate }
      : { issuedOn: pending.evidenceDate }),
  };
  table.seed(listedPlacementItem(placement), documentItem(document));
};

const pendingNow = () =>
  table.item(documentKey(STUDENT.id, PENDING_DOCUMENT.documentId).pk, `DOC#${PENDING_DOCUMENT.documentId}`) as
    | StudentDocument
    | undefined;
const placementNow = () => placementOf(table.item(placementKey(PLACEMENT_ID).pk, 'PLACEMENT'));

// ---------------------------------------------------------------------------------------------

const resetWorld = () => {
  for (const mock of [ddb, s3, sfn, ses]) mock.reset();
  table.install(ddb);
  seedWorld(table, 'collecting');
  sfn.on(SendTaskSuccessCommand).resolves({});
  s3.on(HeadObjectCommand).resolves({ ContentLength: PDF_HEAD.length, ContentType: 'application/pdf' });
  s3.on(GetObjectCommand).resolves({ Body: objectBody(PDF_HEAD), ContentLength: PDF_HEAD.length });
  versionedDocuments(s3);
  logged.length = 0;
};

const expectNoSecretsLogged = () => {
  for (const line of logged) {
    expect(line).not.toContain(SECRET_TASK_TOKEN);
    expect(line).not.toContain(SECRET_FAILURE_CAUSE);
  }
};

/** Errors that mean a bug, not a dependency having a bad moment. */
const PROGRAMMING_ERRORS = ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError'];

beforeAll(async () => {
  ({ handler } = await coldStart(() => import('../../functions/entries/process-upload.js')));
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  freezeDate();
  captureLogs(logged);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('process-upload, whatever the S3 event', () => {
  it('an event that names no pending document: never throws, changes no item, starts or resumes nothing, deletes only the unsolicited object it names', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyEvent.filter((event) => !keysInDocumentsBucket(event).includes(PENDING_KEY)),
        async (event) => {
          resetWorld();
          const before = table.snapshot();

          const result = await processEvent(event);

          const records = (event as { Records?: unknown } | null)?.Records;
          expect(result.processed).toBeGreaterThanOrEqual(0);
          expect(result.processed).toBeLessThanOrEqual(Array.isArray(records) ? records.length : 0);
          expect(ObservedTable.changedKeys(before, table.snapshot())).toEqual([]);
          expect([...sfn.calls(), ...ses.calls()]).toEqual([]);
          const named = keysInDocumentsBucket(event);
          for (const call of s3.commandCalls(DeleteObjectCommand)) {
            const { Bucket, Key = '' } = call.args[0].input;
            expect(Bucket).toBe(BUCKET);
            expect(named).toContain(Key);
            expect(STORED_OBJECT_KEYS, 'deleted the object of a stored document').not.toContain(Key);
          }
          expectNoSecretsLogged();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an event that names the pending document, among any other records: never throws for any file or any dates the API accepts; judged once, and a duplicate event changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        pendingCase.chain((pending) => fc.tuple(fc.constant(pending), storedObject(pending.contentType))),
        fc.array(eventRecord, { maxLength: 2 }),
        fc.constantFrom(PENDING_KEY, PENDING_KEY.replaceAll('_', '%5F'), percentEncode(PENDING_KEY)),
        async ([pending, object], others, encodedKey) => {
          resetWorld();
          seedPending(pending);
          stubStorage(object);
          const event = {
            Records: [...others, ...objectCreatedEvent(BUCKET, encodedKey, object.size).Records],
          };

          await processEvent(event);

          const judged = pendingNow();
          if (!object.exists) {
            expect(judged?.status).toBe('PENDING');
          } else {
            expect(judged?.status).toMatch(/^(ACCEPTED|REJECTED)$/);
            const placement = placementNow();
            const entry = placement.requirements.find((item) => item.code === pending.code);
            expect(entry?.status).toBe(judged?.status);
            expect(entry?.documentId).toBe(PENDING_DOCUMENT.documentId);
            if (judged?.status === 'REJECTED') {
              expect(entry?.reason).toEqual(expect.any(String));
              expect(s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input.Key)).toContain(
                PENDING_KEY,
              );
            }
            const resumes = sfn.commandCalls(SendTaskSuccessCommand);
            const completes = pending.lastOutstanding && judged?.status === 'ACCEPTED';
            expect(resumes).toHaveLength(completes ? 1 : 0);
            if (completes) expect(placement.pendingTask).toBeUndefined();
          }
          expect(ses.calls()).toEqual([]);

          // S3 delivers events at least once: the same event again changes nothing.
          const after = table.snapshot();
          for (const mock of [s3, sfn, ses]) mock.resetHistory();
          await processEvent(event);
          expect(ObservedTable.changedKeys(after, table.snapshot())).toEqual([]);
          expect(externalWrites({ s3, sfn, ses }).filter((name) => name !== 'DeleteObjectCommand')).toEqual(
            [],
          );
          expect(s3.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input.Key)).not.toContain(
            PENDING_KEY,
          );
          expectNoSecretsLogged();
        },
      ),
      {
        numRuns: 2 * RUNS,
      },
    );
  });

  it('a transient failure at any AWS call: the event fails (to be retried) with no programming error, and the retry ends where an undisturbed run would', async () => {
    const lastOutstandingPdf: PendingCase = {
      startDate: '2030-04-01',
      endDate: '2030-05-15',
      code: 'MMR',
      contentType: 'application/pdf',
      evidenceDate: '2019-09-01',
      lastOutstanding: true,
    };
    const event = objectCreatedEvent(BUCKET, PENDING_KEY.replaceAll('_', '%5F'), 48_213);
    const object: StoredObject = { exists: true, size: 48_213, head: PDF_HEAD };

    resetWorld();
    seedPending(lastOutstandingPdf);
    stubStorage(object);
    let calls = 0;
    table.beforeOperation = () => void calls++;
    await processEvent(event);
    const undisturbed = table.snapshot();
    const totalCalls = calls + s3.calls().length + sfn.calls().length;
    expect(placementNow().pendingTask).toBeUndefined();

    const failures = {
      dynamodb: dynamoThrottled,
      s3: () =>
        new S3ServiceException({
          name: 'SlowDown',
          $fault: 'server',
          $metadata: { httpStatusCode: 503 },
          message: 'Please reduce your request rate.',
        }),
      sfn: sfnThrottling,
    };

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: totalCalls }), async (failAt) => {
        resetWorld();
        seedPending(lastOutstandingPdf);
        stubStorage(object);
        let seen = 0;
        let injected = false;
        /** Counts AWS calls across the three clients; the `failAt`-th one fails as that service would. */
        const tick = (service: keyof typeof failures) => {
          seen++;
          if (seen === failAt) {
            injected = true;
            throw failures[service]();
          }
        };
        table.beforeOperation = () => tick('dynamodb');
        s3.on(HeadObjectCommand).callsFake(() => {
          tick('s3');
          return { ContentLength: object.size, ContentType: 'application/pdf' };
        });
        s3.on(GetObjectCommand).callsFake(() => {
          tick('s3');
          return { Body: objectBody(object.head), ContentLength: object.head.length };
        });
        s3.on(DeleteObjectCommand).callsFake(() => {
          tick('s3');
          return {};
        });
        sfn.on(SendTaskSuccessCommand).callsFake(() => {
          tick('sfn');
          return {};
        });

        const failed = await processEvent(event).then(
          () => undefined,
          (error: unknown) => error,
        );

        expect(injected, 'the failure was injected').toBe(true);
        expect(failed, 'the event fails so that S3 retries it').toBeInstanceOf(Error);
        expect(PROGRAMMING_ERRORS).not.toContain((failed as Error).name);

        seen = Number.NEGATIVE_INFINITY; // the retry runs undisturbed
        await processEvent(event);
        expect(ObservedTable.changedKeys(undisturbed, table.snapshot())).toEqual([]);
        expect(sfn.commandCalls(SendTaskSuccessCommand).length).toBeGreaterThanOrEqual(1);
        for (const call of sfn.commandCalls(SendTaskSuccessCommand)) {
          expect(call.args[0].input).toEqual({
            taskToken: SECRET_TASK_TOKEN,
            output: JSON.stringify({ event: 'DOCUMENTS_COMPLETE' }),
          });
        }
        expectNoSecretsLogged();
      }),
      { numRuns: Math.min(RUNS, totalCalls * 4) },
    );
  });
});
