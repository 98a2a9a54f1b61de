import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CounterTable } from '../adapters/dynamodb/counter-table.js';
import { LinkTable } from '../adapters/dynamodb/link-table.js';
import { PlacementTable } from '../adapters/dynamodb/placement-table.js';
import { SiteTable } from '../adapters/dynamodb/site-table.js';
import { StaffSessionTable } from '../adapters/dynamodb/staff-session-table.js';
import { generateLinkToken, hashLinkToken } from '../core/link-token.js';
import type { Placement } from '../core/model/placement.js';
import type { Site } from '../core/model/site.js';
import { consoleCookieNames } from '../staff-auth/console-cookies.js';
import { createCsrfSecret } from '../staff-auth/csrf-tokens.js';
import type { StaffIdentity } from '../staff-auth/staff-identity.js';
import { generateSessionId, hashSessionId } from '../staff-auth/staff-session.js';

export type { Placement, PlacementRequirement } from '../core/model/placement.js';
export type { Site } from '../core/model/site.js';
export type { StaffIdentity } from '../staff-auth/staff-identity.js';

/**
 * Writes straight into the table through the functions' own adapters, for the bench: 10,000
 * placements through the workflow would take hours on a local cloud, and the console reads only what
 * the adapters write (items, counters moved with each write, search entries, index keys). Never used
 * by a function.
 */
export interface TableSeeder {
  saveSite(site: Site): Promise<void>;
  /** Through `PlacementTable.createPlacement` with the `CounterTable`: counters move as the app moves them. */
  createPlacement(placement: Placement): Promise<boolean>;
  /** A console session as sign-in stores it; answers the `Cookie` header that carries it (plain HTTP). */
  createStaffSession(identity: StaffIdentity, now: Date): Promise<string>;
  /** A student's portal link or a site administrator's review link, as issue-link stores it; answers the token. */
  createLink(
    placement: Pick<Placement, 'placementId' | 'approvalRound' | 'adminEmails'>,
    kind: 'portal' | 'review',
    now: Date,
  ): Promise<string>;
}

export const tableSeeder = (client: DynamoDBDocumentClient, tableName: string): TableSeeder => {
  const placements = new PlacementTable(client, tableName, new CounterTable(client, tableName));
  const sites = new SiteTable(client, tableName);
  const sessions = new StaffSessionTable(client, tableName);
  const links = new LinkTable(client, tableName);
  return {
    saveSite: (site) => sites.saveSite(site, undefined),
    createPlacement: (placement) => placements.createPlacement(placement),
    createStaffSession: async (identity, now) => {
      const id = generateSessionId();
      const at = now.toISOString();
      await sessions.put({
        ...identity,
        idHash: hashSessionId(id),
        createdAt: at,
        lastSeenAt: at,
        csrfSecret: createCsrfSecret(),
      });
      return `${consoleCookieNames(false).session}=${id}`;
    },
    createLink: async (placement, kind, now) => {
      const token = generateLinkToken();
      await links.saveLink({
        tokenHash: hashLinkToken(token),
        kind,
        placementId: placement.placementId,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
        ...(kind === 'review'
          ? { adminEmail: placement.adminEmails[0] ?? '', round: placement.approvalRound ?? 0 }
          : {}),
        createdAt: now.toISOString(),
      });
      return token;
    },
  };
};
export { placementIdFor } from '../core/placement-id.js';
