import {
  listingSortKey,
  shardOf,
  siteIndexKey,
  statusIndexKey,
} from '../../../functions/adapters/dynamodb/table-keys.js';
import { generateLinkToken } from '../../../functions/core/link-token.js';
import type { Placement } from '../../../functions/core/model/placement.js';
import type { TableItem } from '../../handlers/support/fake-table.js';
import { HANDLER_ENVIRONMENT } from '../../handlers/support/handler-environment.js';
import {
  ADMIN_EMAIL,
  documentItem,
  PLACEMENT_ID,
  placementItem,
  requirement,
  SITE_ID,
  siteItem,
  storedDocument,
  storedLink,
  storedPlacement,
  storedSite,
} from '../../handlers/support/stored-items.js';
import type { ObservedTable } from './observed-table.js';

/**
 * One realistic table for the property tests: a site, its placement (in the state the
 * scenario names), the student's documents and a set of portal and review links, some
 * of them valid. Secrets are seeded where they live in production so a property can
 * check they never come out.
 */

/** The Step Functions task token stored on the placement: it must never leave the backend. */
export const SECRET_TASK_TOKEN = 'TASKTOKEN-SECRET-123';
/** An internal failure cause kept on a failed placement: only the error name may be shown. */
export const SECRET_FAILURE_CAUSE =
  'TypeError: Cannot read properties of undefined (reading rules)\n    at judge (/work/main/functions/core/upload-verdict.ts:41:7)';

export const PLACEMENT_SCENARIOS = [
  'checking',
  'collecting',
  'awaiting-approval',
  'decided',
  'cancelled',
  'failed',
] as const;
export type PlacementScenario = (typeof PLACEMENT_SCENARIOS)[number];

export const OTHER_SITE_ID = 'riverside-clinic';
export const OTHER_PLACEMENT_ID = 'pl_otherplacementaaaaaaaaaa';
export const MISSING_PLACEMENT_ID = 'pl_nosuchplacementaaaaaaaaa';

export const MMR_DOCUMENT = storedDocument({
  documentId: 'doc_mmrrecordaaaaaaaaaaaaaaaaa',
  status: 'ACCEPTED',
});
export const BLS_DOCUMENT = storedDocument({
  documentId: 'doc_blscardaaaaaaaaaaaaaaaaaa',
  requirementCode: 'BLS',
  fileName: 'bls-card.pdf',
  issuedOn: undefined,
  expiresOn: '2031-06-30',
  objectKey: `placements/${PLACEMENT_ID}/doc_blscardaaaaaaaaaaaaaaaaaa`,
  status: 'ACCEPTED',
});
export const PENDING_DOCUMENT = storedDocument({
  documentId: 'doc_pendingmmraaaaaaaaaaaaaa',
  objectKey: `placements/${PLACEMENT_ID}/doc_pendingmmraaaaaaaaaaaaaa`,
  status: 'PENDING',
});

/** Link tokens, drawn once per test file so a counterexample names a link that still exists when replayed. */
const links = {
  portal: storedLink({ kind: 'portal', placementId: PLACEMENT_ID, expiresAt: '2030-03-19T00:00:00.000Z' }),
  expiredPortal: storedLink({
    kind: 'portal',
    placementId: PLACEMENT_ID,
    expiresAt: '2030-02-28T00:00:00.000Z',
  }),
  orphanPortal: storedLink({
    kind: 'portal',
    placementId: MISSING_PLACEMENT_ID,
    expiresAt: '2030-03-19T00:00:00.000Z',
  }),
  review: storedLink({
    kind: 'review',
    placementId: PLACEMENT_ID,
    adminEmail: ADMIN_EMAIL,
    round: 0,
    expiresAt: '2030-03-14T09:00:00.000Z',
  }),
  expiredReview: storedLink({
    kind: 'review',
    placementId: PLACEMENT_ID,
    adminEmail: ADMIN_EMAIL,
    round: 0,
    expiresAt: '2030-02-20T09:00:00.000Z',
  }),
  supersededReview: storedLink({
    kind: 'review',
    placementId: PLACEMENT_ID,
    adminEmail: 'second-admin@stmarys.example',
    round: 3,
    expiresAt: '2030-03-14T09:00:00.000Z',
  }),
};
export type LinkName = keyof typeof links | 'unissued';
export const LINK_NAMES = [...(Object.keys(links) as LinkName[]), 'unissued'] as const;
const UNISSUED_TOKEN = generateLinkToken();

/** The token of a named link (`unissued`: well formed, never stored). */
export const tokenOf = (name: LinkName): string => (name === 'unissued' ? UNISSUED_TOKEN : links[name].token);

/** A placement item as the placement table stores it: with its listing-index keys. */
export const listedPlacementItem = (placement: Placement): TableItem => {
  const shard = shardOf(placement.placementId);
  const sortKey = listingSortKey(placement.createdAt, placement.placementId);
  return {
    ...placementItem(placement),
    gsi1pk: statusIndexKey(placement.status, shard),
    gsi1sk: sortKey,
    gsi2pk: siteIndexKey(placement.siteId, shard),
    gsi2sk: sortKey,
  };
};

export const placementIn = (scenario: PlacementScenario): Placement => {
  const collecting = storedPlacement({
    requirements: [
      requirement('MMR'),
      requirement('BLS', 'REJECTED', {
        reason: 'This BLS card expires before the end of the rotation.',
        documentId: 'doc_oldblscardaaaaaaaaaaaaaaa',
        rejectedAt: '2030-02-26T00:00:00.000Z',
      }),
    ],
    pendingTask: { kind: 'COLLECT_DOCUMENTS', token: SECRET_TASK_TOKEN, since: '2030-02-21T00:00:00.000Z' },
  });
  const complete = {
    requirements: [
      requirement('MMR', 'ACCEPTED', { documentId: MMR_DOCUMENT.documentId }),
      requirement('BLS', 'ACCEPTED', { documentId: BLS_DOCUMENT.documentId }),
    ],
    version: 6,
  };
  switch (scenario) {
    case 'checking':
      return storedPlacement({ status: 'CHECKING', version: 1 });
    case 'collecting':
      return collecting;
    case 'awaiting-approval':
      return storedPlacement({
        ...complete,
        status: 'AWAITING_SITE_APPROVAL',
        pendingTask: { kind: 'SITE_APPROVAL', token: SECRET_TASK_TOKEN, since: '2030-02-28T00:00:00.000Z' },
      });
    case 'decided':
      return storedPlacement({
        ...complete,
        status: 'CLEARED',
        version: 8,
        decision: { decision: 'approve', round: 0, by: ADMIN_EMAIL, at: '2030-02-28T12:00:00.000Z' },
      });
    case 'cancelled':
      return storedPlacement({ status: 'CANCELLED', version: 4 });
    case 'failed':
      return storedPlacement({
        status: 'FAILED',
        version: 5,
        failure: { error: 'States.TaskFailed', cause: SECRET_FAILURE_CAUSE },
      });
  }
};

/** Empties the table and seeds the world, with the placement in `scenario`. */
export const seedWorld = (table: ObservedTable, scenario: PlacementScenario): void => {
  table.seed(
    siteItem(storedSite()),
    siteItem(
      storedSite({ siteId: OTHER_SITE_ID, name: 'Riverside Clinic', requirements: ['TB', 'INFLUENZA'] }),
    ),
    listedPlacementItem(placementIn(scenario)),
    listedPlacementItem(
      storedPlacement({
        placementId: OTHER_PLACEMENT_ID,
        student: { id: 's-2002', name: 'Grace Hopper', email: 'grace@student.example' },
        siteId: OTHER_SITE_ID,
        siteName: 'Riverside Clinic',
        status: 'AWAITING_DOCUMENTS',
        createdAt: '2030-02-21T10:00:00.000Z',
        requirements: [requirement('TB'), requirement('INFLUENZA')],
        rules: ['TB', 'INFLUENZA'],
        pendingTask: {
          kind: 'COLLECT_DOCUMENTS',
          token: SECRET_TASK_TOKEN,
          since: '2030-02-22T00:00:00.000Z',
        },
      }),
    ),
    documentItem(MMR_DOCUMENT),
    documentItem(BLS_DOCUMENT),
    documentItem(PENDING_DOCUMENT),
    ...Object.values(links).map((link) => link.item),
  );
};

/** Strings that must never appear in a response (or a log line), whatever the request. */
export const SECRETS = [
  SECRET_TASK_TOKEN,
  SECRET_FAILURE_CAUSE,
  'Cannot read properties of undefined (reading rules)',
  HANDLER_ENVIRONMENT.TABLE_NAME,
  HANDLER_ENVIRONMENT.AWS_SECRET_ACCESS_KEY,
  HANDLER_ENVIRONMENT.STATE_MACHINE_ARN,
] as const;

export { PLACEMENT_ID, SITE_ID };
