import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ExecutionRecord,
  ExecutionStore,
} from '../../../../local/services/step-functions/execution-store.js';

describe('ExecutionStore', () => {
  let dir: string;
  const record: ExecutionRecord = {
    executionArn: 'arn:aws:states:us-east-1:000000000000:execution:M:e1',
    stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:M',
    name: 'e1',
    input: '{"placementId":"p1"}',
    status: 'RUNNING',
    startDate: 1_700_000_000_000,
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'executions-'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps executions across instances, through one JSON file', async () => {
    const file = join(dir, 'stepfunctions.json');
    const store = new ExecutionStore(file);
    store.put(record);
    store.put({
      ...record,
      executionArn: `${record.executionArn}2`,
      name: 'e2',
      status: 'SUCCEEDED',
      stopDate: 2,
    });
    await store.flush();

    const reopened = new ExecutionStore(file);
    await reopened.load();
    expect(reopened.get(record.executionArn)).toEqual(record);
    expect(reopened.all().map((execution) => execution.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(await readdir(dir)).toEqual(['stepfunctions.json']);
  });

  it('starts empty when there is no file yet', async () => {
    const store = new ExecutionStore(join(dir, 'missing.json'));
    await store.load();
    expect(store.all()).toEqual([]);
  });
});
