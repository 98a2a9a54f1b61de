import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { LinkTable } from '../../../functions/adapters/dynamodb/link-table.js';
import { ConcurrentUpdateError } from '../../../functions/core/errors.js';
import { hashLinkToken } from '../../../functions/core/link-token.js';
import type { LinkRecord } from '../../../functions/core/model/link.js';
import { conditionalCheckFailed } from '../../handlers/support/sdk-errors.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const TABLE = 'onboarding-test-table';
const { ddb, client } = mockedDocumentClient();
const links = new LinkTable(client, TABLE);

const LINK: LinkRecord = {
  tokenHash: hashLinkToken('x'.repeat(43)),
  kind: 'review',
  placementId: 'pl_abc',
  expiresAt: '2030-03-15T09:00:00.000Z',
  adminEmail: 'admin@stmarys.example',
  round: 1,
  createdAt: '2030-03-01T09:00:00.000Z',
};

beforeEach(() => {
  ddb.reset();
});

describe('LinkTable', () => {
  it('stores a link under its hash, create-only, cleaned up 30 days after it expires', async () => {
    ddb.on(PutCommand).resolves({});

    await links.saveLink(LINK);

    expect(ddb.commandCalls(PutCommand)[1]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        pk: `LINK#${LINK.tokenHash}`,
        sk: 'LINK',
        ...LINK,
        expiresAtEpoch: Date.parse(LINK.expiresAt) / 1000 + 30 * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('first files the link under its placement (key and hash only), so a purge can find it', async () => {
    ddb.on(PutCommand).resolves({});

    await links.saveLink(LINK);

    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        pk: 'PLACEMENT#pl_abc',
        sk: `LINK#${LINK.tokenHash}`,
        tokenHash: LINK.tokenHash,
        expiresAtEpoch: Date.parse(LINK.expiresAt) / 1000 + 30 * 86_400,
      },
    });
  });

  it('deletes every link of a placement, each link before the item that finds it, and counts them', async () => {
    const other = hashLinkToken('y'.repeat(43));
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ pk: 'PLACEMENT#pl_abc', sk: `LINK#${LINK.tokenHash}`, tokenHash: LINK.tokenHash }],
        LastEvaluatedKey: { pk: 'PLACEMENT#pl_abc', sk: `LINK#${LINK.tokenHash}` },
      })
      .resolvesOnce({ Items: [{ pk: 'PLACEMENT#pl_abc', sk: `LINK#${other}`, tokenHash: other }] });
    ddb.on(DeleteCommand).resolves({});

    await expect(links.deletePlacementLinks('pl_abc')).resolves.toBe(2);

    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'PLACEMENT#pl_abc', ':prefix': 'LINK#' },
    });
    expect(ddb.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key)).toEqual([
      { pk: `LINK#${LINK.tokenHash}`, sk: 'LINK' },
      { pk: 'PLACEMENT#pl_abc', sk: `LINK#${LINK.tokenHash}` },
      { pk: `LINK#${other}`, sk: 'LINK' },
      { pk: 'PLACEMENT#pl_abc', sk: `LINK#${other}` },
    ]);
  });

  it('refuses to overwrite a link with the same hash', async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(PutCommand, { ConditionExpression: 'attribute_not_exists(pk)' }).rejects(conditionalCheckFailed());

    await expect(links.saveLink(LINK)).rejects.toBeInstanceOf(ConcurrentUpdateError);
  });

  it('reads a link back without the table’s keys or its TTL', async () => {
    ddb.on(GetCommand).resolves({
      Item: { pk: `LINK#${LINK.tokenHash}`, sk: 'LINK', expiresAtEpoch: 1, ...LINK },
    });

    await expect(links.getLink(LINK.tokenHash)).resolves.toEqual(LINK);
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({
      pk: `LINK#${LINK.tokenHash}`,
      sk: 'LINK',
    });
  });

  it('answers undefined for an unknown hash', async () => {
    ddb.on(GetCommand).resolves({});

    await expect(links.getLink(LINK.tokenHash)).resolves.toBeUndefined();
  });
});
