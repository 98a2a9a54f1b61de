import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, vi } from 'vitest';
import { systemClock } from '../../../functions/adapters/system-clock.js';
import { mailPort } from '../../../functions/composition/mail-port.js';
import {
  objectDeletionPort,
  storagePort,
  uploadFormsPort,
} from '../../../functions/composition/storage-port.js';
import { tablePorts } from '../../../functions/composition/table-ports.js';
import { workflowPort } from '../../../functions/composition/workflow-port.js';
import type { FakeTable } from './fake-table.js';

/**
 * The preamble every handler test shares. A handler test builds its handler the way its entry
 * (functions/entries/) does, through the handler module's factory, over the same adapters, with
 * TEST_CONFIG in place of the environment and SDK clients whose `send` aws-sdk-client-mock answers:
 * nothing reads or stubs `process.env`.
 */

/** What an entry would read from its environment, for every handler test. */
export const TEST_CONFIG = {
  tableName: 'onboarding-test-table',
  documentsBucket: 'onboarding-test-documents',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Onboarding',
  publicBaseUrl: 'https://onboarding.school.example',
  mail: { senderEmail: 'onboarding@school.example' },
} as const;

/** The instant every handler test runs at (only `Date` is faked: timers stay real). */
export const TEST_NOW = new Date('2030-03-01T09:00:00.000Z');

/** A region and fake credentials, given to each client (presigned URLs and forms sign with them). */
const CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIAFAKEFAKEFAKEFAKE',
    secretAccessKey: 'fake-secret-access-key-for-tests-only',
  },
};

/**
 * The ports an entry builds, over TEST_CONFIG: the same composition functions, each over a client
 * configured here (mockClient stubs every instance's `send`). The clock is the wall clock, frozen
 * at TEST_NOW by freezeDate.
 */
export const testPorts = {
  tables: () => tablePorts(TEST_CONFIG.tableName, systemClock, new DynamoDBClient(CLIENT_CONFIG)),
  mailer: () => mailPort(TEST_CONFIG.mail, new SESClient(CLIENT_CONFIG)),
  workflow: () => workflowPort(TEST_CONFIG.stateMachineArn, new SFNClient(CLIENT_CONFIG)),
  storage: () => storagePort(TEST_CONFIG.documentsBucket, 'kept', new S3Client(CLIENT_CONFIG)),
  uploadForms: () => uploadFormsPort(TEST_CONFIG.documentsBucket, new S3Client(CLIENT_CONFIG)),
  objectDeletion: () => objectDeletionPort(TEST_CONFIG.documentsBucket, 'kept', new S3Client(CLIENT_CONFIG)),
  clock: systemClock,
  config: { publicBaseUrl: TEST_CONFIG.publicBaseUrl },
};

/** Freezes `Date` at TEST_NOW; timers (the retry pauses of the use cases) keep running for real. */
export const freezeDate = (): void => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW });
};

/**
 * Registers the hooks a handler test file shares. Before each test: `Date` frozen at TEST_NOW, the
 * mocked clients reset, the fake table emptied and installed behind the document client, then
 * `arrange` (seed the table, stub the other clients, capture logs). After each test: real timers,
 * spies restored (captured logs let go).
 */
export const resetBeforeEachTest = (
  mocks: {
    ddb: AwsClientStub<DynamoDBDocumentClient>;
    table: FakeTable;
    clients?: Array<{ reset(): unknown }>;
  },
  arrange: () => void = () => undefined,
): void => {
  beforeEach(() => {
    freezeDate();
    mocks.ddb.reset();
    for (const client of mocks.clients ?? []) client.reset();
    mocks.table.install(mocks.ddb);
    arrange();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
};
