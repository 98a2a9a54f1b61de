import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { PendingSignInTable } from '../../../functions/adapters/dynamodb/pending-sign-in-table.js';
import { StaffSessionTable } from '../../../functions/adapters/dynamodb/staff-session-table.js';
import { TransientDependencyError } from '../../../functions/core/errors.js';
import type { StaffSession } from '../../../functions/staff-auth/staff-session.js';
import { conditionalCheckFailed, dynamoThrottled } from '../../handlers/support/sdk-errors.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const sessions = new StaffSessionTable(client, TABLE);
const signIns = new PendingSignInTable(client, TABLE);
const HASH = 'a'.repeat(64);
const session: StaffSession = {
  idHash: HASH,
  sub: 'staff-1',
  email: 'pat@school.example',
  role: 'reviewer',
  createdAt: '2026-03-02T08:00:00.000Z',
  lastSeenAt: '2026-03-02T08:00:00.000Z',
  csrfSecret: 'secret',
};
const KEY = { pk: `STAFFSESSION#${HASH}`, sk: 'STAFFSESSION' };

beforeEach(() => ddb.reset());

describe('StaffSessionTable', () => {
  it('stores a session under the hash of its id, with a TTL 12 hours after sign-in for clean-up', async () => {
    ddb.on(PutCommand).resolves({});
    await sessions.put(session);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: { ...KEY, ...session, expiresAtEpoch: Date.parse('2026-03-02T20:00:00.000Z') / 1000 },
    });
  });

  it('reads a session consistently, without the table’s keys', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...KEY, ...session, expiresAtEpoch: 1 } });
    await expect(sessions.get(HASH)).resolves.toEqual(session);
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ Key: KEY, ConsistentRead: true });
  });

  it('touches only a session that still exists (signed out meanwhile stays signed out)', async () => {
    ddb.on(UpdateCommand).rejects(conditionalCheckFailed());
    await expect(sessions.touch(HASH, '2026-03-02T08:10:00.000Z')).resolves.toBeUndefined();
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      Key: KEY,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':seen': '2026-03-02T08:10:00.000Z' },
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('reports throttling as a transient dependency error', async () => {
    ddb.on(UpdateCommand).rejects(dynamoThrottled());
    await expect(sessions.touch(HASH, '2026-03-02T08:10:00.000Z')).rejects.toBeInstanceOf(
      TransientDependencyError,
    );
  });
});

describe('PendingSignInTable', () => {
  it('takes a pending sign-in once: one delete that returns the old item', async () => {
    const pending = {
      idHash: HASH,
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/console',
      createdAt: '2026-03-02T08:00:00.000Z',
    };
    ddb
      .on(DeleteCommand)
      .resolvesOnce({ Attributes: { pk: `SIGNIN#${HASH}`, sk: 'SIGNIN', ...pending } })
      .resolves({});
    await expect(signIns.take(HASH)).resolves.toEqual(pending);
    await expect(signIns.take(HASH)).resolves.toBeUndefined();
    expect(ddb.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: `SIGNIN#${HASH}`, sk: 'SIGNIN' },
      ReturnValues: 'ALL_OLD',
    });
  });
});
