import type { Ports } from '../core/ports.js';
import { parseVerificationQueueQuery } from '../core/validation/verification-queue-query.js';
import { toVerificationQueueItem, type VerificationQueueItem } from '../core/verification-queue-item.js';

/**
 * `GET /verification-queue?siteId=&requirementCode=&limit=&cursor=`: the SUBMITTED documents, oldest
 * first, filtered by site and requirement, one page at a time. Bad parameters are a ValidationError
 * naming each one; a cursor this API did not return is one at `cursor`.
 */
export const listVerificationQueue = async (
  ports: Pick<Ports, 'verificationQueue'>,
  query: Record<string, string | undefined> | null | undefined,
): Promise<{ items: VerificationQueueItem[]; cursor?: string }> => {
  const page = await ports.verificationQueue.listSubmitted(parseVerificationQueueQuery(query));
  const items = page.items
    .map(toVerificationQueueItem)
    .filter((item): item is VerificationQueueItem => item !== undefined);
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
};
