import { NotFoundError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import type { StudentDocument } from '../core/model/student-document.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports, VerificationQueueQuery } from '../core/ports.js';
import {
  type ResolvedRequirement,
  requirementCodeOf,
  resolveRequirement,
} from '../core/requirement-catalogue.js';
import { checkIdentifier } from '../core/validation/field-checks.js';
import type { VerificationQueueItem } from '../core/verification-queue-item.js';
import { listVerificationQueue } from './list-verification-queue.js';

/** How far ahead the item page looks in the queue for the next document and the count waiting. */
export const QUEUE_LOOKAHEAD = 100;

/** One queue document with what a verifier checks it against, and where the queue goes next. */
export interface VerificationItem {
  placement: Placement;
  document: StudentDocument;
  /** The requirement as it applies at this placement's site (with the site's override). */
  requirement: ResolvedRequirement;
  /** Still waiting for a decision (SUBMITTED): false once someone decided or it was withdrawn. */
  waiting: boolean;
  /** The oldest other waiting document with the same filters. */
  next?: VerificationQueueItem;
  /** Other documents waiting with the same filters (counted up to {@link QUEUE_LOOKAHEAD}). */
  remaining: number;
}

/** The queue's filters (`siteId`, `requirementCode`), as the item page carries them from the list. */
export type QueueFilters = Pick<VerificationQueueQuery, 'siteId' | 'requirementCode'>;

/**
 * The console's queue item page: the document of a placement (NotFoundError, 404, for one of another
 * placement), its requirement's rule, and the next document the queue offers (same filters, oldest
 * first, never this one).
 */
export const showVerificationItem = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'verificationQueue'>,
  placementId: string,
  documentId: string,
  filters: Readonly<Record<string, string | undefined>> = {},
): Promise<VerificationItem> => {
  const placement = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
  const validId = checkIdentifier([], documentId, 'documentId') !== undefined;
  const document =
    placement && validId ? await ports.documents.getDocument(placement.student.id, documentId) : undefined;
  if (!placement || !document || document.placementId !== placement.placementId) {
    throw new NotFoundError('No such document on this placement.');
  }
  const spec =
    placement.rules.find((rule) => requirementCodeOf(rule) === document.requirementCode) ??
    document.requirementCode;
  const queued = await nextInQueue(ports, filters, documentId);
  return {
    placement,
    document,
    requirement: resolveRequirement(spec),
    waiting: document.status === 'SUBMITTED' && !document.withdrawnAt && !document.staffDecision,
    ...queued,
  };
};

/** The oldest waiting document other than `documentId` (same filters), and how many others wait. */
export const nextInQueue = async (
  ports: Pick<Ports, 'verificationQueue'>,
  filters: Readonly<Record<string, string | undefined>>,
  documentId?: string,
): Promise<{ next?: VerificationQueueItem; remaining: number }> => {
  const { items } = await listVerificationQueue(ports, {
    siteId: filters.siteId,
    requirementCode: filters.requirementCode,
    limit: String(QUEUE_LOOKAHEAD),
  });
  const others = items.filter((item) => item.documentId !== documentId);
  const next = others[0];
  return { ...(next ? { next } : {}), remaining: others.length };
};
