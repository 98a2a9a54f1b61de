import { createHash } from 'node:crypto';

/**
 * Key layout of the one table (docs/data-model.md). Listing indexes are sharded so
 * that no status or site is a hot single partition key.
 */
export const LISTING_SHARDS = 4;

export const siteKey = (siteId: string) => ({ pk: `SITE#${siteId}`, sk: 'SITE' });
/** The site list: one small item per site in one partition (a school has tens or hundreds of sites). */
export const SITE_REGISTRY_PARTITION = 'SITES';
export const siteRegistryKey = (siteId: string) => ({ pk: SITE_REGISTRY_PARTITION, sk: `SITE#${siteId}` });
/**
 * Search: one key-only item per term of a placement's student (placement-search-terms.ts), in the
 * partition of the term's first character, so a prefix query finds it.
 */
export const searchPartition = (term: string) => `SEARCH#${term.slice(0, 1)}`;
export const searchKey = (term: string, placementId: string) => ({
  pk: searchPartition(term),
  sk: `${term}#${placementId}`,
});
/** A checked CSV import of the console (its rows and progress), one item. */
export const importKey = (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' });
export const placementKey = (placementId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: 'PLACEMENT' });
export const documentKey = (studentId: string, documentId: string) => ({
  pk: `STUDENT#${studentId}`,
  sk: `DOC#${documentId}`,
});
export const studentDocumentsPartition = (studentId: string) => `STUDENT#${studentId}`;
export const linkKey = (tokenHash: string) => ({ pk: `LINK#${tokenHash}`, sk: 'LINK' });
/** One per link, in its placement's partition, so a purge can find the placement's links without a Scan. */
export const placementLinkKey = (placementId: string, tokenHash: string) => ({
  pk: `PLACEMENT#${placementId}`,
  sk: `LINK#${tokenHash}`,
});
export const PLACEMENT_LINK_PREFIX = 'LINK#';
/**
 * Retention index: one key-only item per placement under the day its rotation ends (sharded), so the
 * daily retention sweep finds the placements whose documents are due without a Scan.
 */
export const retentionIndexKey = (endDate: string, shard: number, placementId: string) => ({
  pk: `ENDS#${endDate}#${shard}`,
  sk: `PLACEMENT#${placementId}`,
});
/** The audit record of a purge, beside the placement it purged. */
export const purgeRecordKey = (placementId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: 'PURGE' });
/** Ledger keys name people (`outcome:…:<email>`): only their SHA-256 is stored. */
export const onceKey = (key: string) => ({
  pk: `ONCE#${createHash('sha256').update(key).digest('hex')}`,
  sk: 'ONCE',
});

export const shardOf = (placementId: string, shards: number = LISTING_SHARDS): number =>
  Number.parseInt(createHash('sha256').update(placementId).digest('hex').slice(0, 4), 16) % shards;

/** Dashboard counters: one item per counter in each of a few partitions (counter-table.ts). */
export const COUNTER_SHARDS = 4;
export const counterPartition = (shard: number) => `COUNTERS#${shard}`;
export const counterKey = (shard: number, counter: string) => ({ pk: counterPartition(shard), sk: counter });

export const statusIndexKey = (status: string, shard: number) => `${status}#${shard}`;
export const siteIndexKey = (siteId: string, shard: number) => `${siteId}#${shard}`;
/** Start-date index (`byStart`): every placement by the day its rotation starts, sharded. */
export const startIndexKey = (shard: number) => `START#${shard}`;
export const startSortKey = (startDate: string, placementId: string) => `${startDate}#${placementId}`;
/** Sort key of both listing indexes: newest first when read backwards. */
export const listingSortKey = (createdAt: string, placementId: string) => `${createdAt}#${placementId}`;

export const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** A staff console session, by the SHA-256 of its cookie's id (functions/staff-auth/staff-session.ts). */
export const staffSessionKey = (idHash: string) => ({ pk: `STAFFSESSION#${idHash}`, sk: 'STAFFSESSION' });
/** A sign-in between the redirect to the provider and the callback, by the SHA-256 of its cookie's id. */
export const pendingSignInKey = (idHash: string) => ({ pk: `SIGNIN#${idHash}`, sk: 'SIGNIN' });

/**
 * Verification queue: a SUBMITTED document carries these on the `byStatus` index (sparse: the keys are
 * written only while it is SUBMITTED, so a decision's put takes it out). `QUEUE#` never collides with
 * a placement's `{status}#{shard}`; the shard is the document id's, oldest first by the sort key.
 */
export const queueIndexKey = (shard: number) => `QUEUE#${shard}`;
export const queueSortKey = (submittedAt: string, documentId: string) => `${submittedAt}#${documentId}`;
