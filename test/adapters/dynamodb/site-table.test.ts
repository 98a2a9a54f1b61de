import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SiteTable } from '../../../functions/adapters/dynamodb/site-table.js';
import { siteItem, storedSite } from '../../handlers/support/stored-items.js';
import { mockedDocumentClient } from './support/mocked-document-client.js';

const { ddb, client } = mockedDocumentClient();
const table = new SiteTable(client, 'onboarding-test-table');

beforeEach(() => {
  ddb.reset();
});

describe('SiteTable.getSite and verification', () => {
  it('reads a site stored before sites had a verification setting as automatic, the behaviour it was created with', async () => {
    const site = storedSite();
    expect(site.verification).toBeUndefined();
    ddb.on(GetCommand).resolves({ Item: siteItem(site) });
    expect(await table.getSite(site.siteId)).toEqual({ ...site, verification: 'automatic' });
  });

  it.each(['staff', 'automatic'] as const)('keeps a stored %s setting', async (verification) => {
    const site = storedSite({ verification });
    ddb.on(GetCommand).resolves({ Item: siteItem(site) });
    expect((await table.getSite(site.siteId))?.verification).toBe(verification);
  });
});
