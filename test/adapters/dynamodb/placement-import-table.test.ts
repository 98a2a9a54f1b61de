import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlacementImportTable } from '../../../functions/adapters/dynamodb/placement-import-table.js';
import { ConcurrentUpdateError } from '../../../functions/core/errors.js';
import type { PlacementImport } from '../../../functions/core/model/placement-import.js';
import { conditionalCheckFailed } from '../../handlers/support/sdk-errors.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const imports = new PlacementImportTable(client, TABLE);

const RECORD: PlacementImport = {
  importId: 'imp_abcdefghijklmnop',
  fileName: 'term.csv',
  createdAt: '2030-03-01T00:00:00.000Z',
  createdBy: { sub: 'sub-1', email: 'coordinator@school.test' },
  rows: [],
  alreadyExistAtCheck: 0,
  done: 0,
  created: 0,
  alreadyExisted: 0,
  failed: [],
  version: 1,
};
const KEY = { pk: 'IMPORT#imp_abcdefghijklmnop', sk: 'IMPORT' };
const EXPIRES = Date.parse('2030-03-31T00:00:00.000Z') / 1000;

beforeEach(() => {
  ddb.reset();
});

describe('PlacementImportTable', () => {
  it('stores a new import create-only, with a TTL 30 days after the check', async () => {
    ddb.on(PutCommand).resolves({});
    await imports.saveImport(RECORD, undefined);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: { ...KEY, ...RECORD, expiresAtEpoch: EXPIRES },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('writes progress only over the version it read, and reports a lost race as ConcurrentUpdateError', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());
    await expect(imports.saveImport({ ...RECORD, version: 2 }, 1)).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
  });

  it('reads an import back without its keys and TTL, consistently', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...KEY, ...RECORD, expiresAtEpoch: EXPIRES } });
    await expect(imports.getImport(RECORD.importId)).resolves.toEqual(RECORD);
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: KEY,
      ConsistentRead: true,
    });
  });
});
