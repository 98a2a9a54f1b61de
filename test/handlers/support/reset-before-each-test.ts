import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import type { FakeTable } from './fake-table.js';
import { freezeDate } from './handler-environment.js';

/**
 * Registers the hooks a handler test file shares. Before each test: `Date` frozen at TEST_NOW, the
 * mocked clients reset, the fake table emptied and installed behind the document client, then
 * `arrange` (seed the table, stub the other clients, capture logs). After each test: real timers,
 * spies restored (captured logs let go). After the file: the environment coldStart stubbed, undone.
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

  afterAll(() => {
    vi.unstubAllEnvs();
  });
};
