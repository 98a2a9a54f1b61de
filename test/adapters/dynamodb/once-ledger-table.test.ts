import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { OnceLedgerTable } from '../../../functions/adapters/dynamodb/once-ledger-table.js';
import { TransientDependencyError } from '../../../functions/core/errors.js';
import { FakeTable } from '../../handlers/support/fake-table.js';
import { conditionalCheckFailed, dynamoThrottlingException } from '../../handlers/support/sdk-errors.js';
import { onceKey } from '../../handlers/support/stored-items.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const START = new Date('2030-03-01T09:00:00.000Z');
const LEASE_SECONDS = 30;
let now = START;
const { ddb, client } = mockedDocumentClient();
const table = new FakeTable(TABLE);
const ledger = new OnceLedgerTable(client, TABLE, { now: () => now });
const KEY = onceKey('mail:x');
const later = (seconds: number) => new Date(START.getTime() + seconds * 1000);

const claimed = async () => {
  const claim = await ledger.claim('mail:x', LEASE_SECONDS);
  if (claim.outcome !== 'claimed') throw new Error(`expected a claim, got ${claim.outcome}`);
  return claim.claimId;
};

beforeEach(() => {
  ddb.reset();
  table.install(ddb);
  now = START;
});

describe('OnceLedgerTable', () => {
  it('claims a key with a conditional put that holds it for the lease and is cleaned up after 400 days', async () => {
    const claimId = await claimed();

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        pk: KEY.pk,
        sk: 'ONCE',
        claimId,
        claimedAt: START.toISOString(),
        leaseUntil: later(LEASE_SECONDS).toISOString(),
        expiresAtEpoch: START.getTime() / 1000 + 400 * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now',
      ExpressionAttributeValues: { ':now': START.toISOString() },
    });
  });

  it('answers in-flight while another attempt holds the lease, and done once it completed', async () => {
    const claimId = await claimed();
    now = later(LEASE_SECONDS - 1);

    await expect(ledger.claim('mail:x', LEASE_SECONDS)).resolves.toEqual({
      outcome: 'in-flight',
      leaseUntil: later(LEASE_SECONDS).toISOString(),
    });

    await ledger.complete('mail:x', claimId);
    expect(table.item(KEY.pk, 'ONCE')).not.toHaveProperty('leaseUntil');
    now = later(10 * LEASE_SECONDS);
    await expect(ledger.claim('mail:x', LEASE_SECONDS)).resolves.toEqual({ outcome: 'done' });
  });

  it('lets a retry take over a claim whose holder crashed before completing, once the lease ran out', async () => {
    const crashed = await claimed();
    now = later(LEASE_SECONDS + 1);

    const takeover = await claimed();

    expect(takeover).not.toBe(crashed);
    expect(table.item(KEY.pk, 'ONCE')).toMatchObject({ claimId: takeover });
  });

  it('does not let a late holder complete or release a claim that was taken over', async () => {
    const late = await claimed();
    now = later(LEASE_SECONDS + 1);
    const takeover = await claimed();

    await ledger.complete('mail:x', late);
    await ledger.release('mail:x', late);

    expect(table.item(KEY.pk, 'ONCE')).toMatchObject({ claimId: takeover, leaseUntil: expect.any(String) });
  });

  it('treats a claim written before leases existed (no leaseUntil) as done', async () => {
    table.seed({ ...KEY, claimedAt: START.toISOString() });

    await expect(ledger.claim('mail:x', LEASE_SECONDS)).resolves.toEqual({ outcome: 'done' });
  });

  it('answers in-flight when the claim was given back between the put and the read', async () => {
    ddb.on(PutCommand).rejects(conditionalCheckFailed());
    ddb.on(GetCommand).resolves({});

    await expect(ledger.claim('mail:x', LEASE_SECONDS)).resolves.toMatchObject({ outcome: 'in-flight' });
  });

  it('turns throttling into TransientDependencyError', async () => {
    ddb.on(PutCommand).rejects(dynamoThrottlingException());

    await expect(ledger.claim('mail:x', LEASE_SECONDS)).rejects.toBeInstanceOf(TransientDependencyError);
    await expect(ledger.complete('mail:x', 'claim')).rejects.toBeInstanceOf(TransientDependencyError);
  });

  it('gives a claim back by deleting it, only if it is still the caller’s', async () => {
    const claimId = await claimed();

    await ledger.release('mail:x', claimId);

    expect(ddb.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { pk: KEY.pk, sk: 'ONCE' },
      ConditionExpression: 'claimId = :claimId',
      ExpressionAttributeValues: { ':claimId': claimId },
    });
    expect(table.item(KEY.pk, 'ONCE')).toBeUndefined();
  });
});
