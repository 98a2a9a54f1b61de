/**
 * Batching the student's "sent back" email: one email per reviewing sitting, listing every item a
 * staff verifier sent back in it, never one email per document.
 *
 * A rejection by a verifier stamps its requirement with `sentBackAt`. The items sent back since the
 * student was last told (`placement.sentBackNoticeThrough`) form the open batch. The batch closes,
 * and its one email is due, at the first of:
 *
 * 1. the placement has no SUBMITTED item left: the reviewer has moved past the placement's last
 *    document waiting for a decision (the queue is oldest first and a student's documents arrive
 *    together, so a reviewer decides them in one go). Checked after every decision.
 * 2. the sitting has lasted `SITTING_MINUTES` since its first item was sent back and another
 *    decision on the placement comes in: a sitting is at most that long, so a document left
 *    undecided for hours does not hold back what was already sent back.
 * 3. the next CollectDocuments email (a reminder after the `reminderIntervalHours` timeout): it lists
 *    every REJECTED item with its reason itself, and marks the batch as told, so no separate notice
 *    repeats it. This is the bound when nobody decides anything more on the placement.
 *
 * Pure: the use case `send-sent-back-notice.ts` reads the placement, asks `closedSentBackBatch` and
 * sends through the once-ledger under the batch's `key` (the placement and the batch's first
 * `sentBackAt`), so retries and concurrent reviewers send it once.
 */
import type { Placement, PlacementRequirement } from './model/placement.js';
import { hasSettled } from './placement-status.js';

/** The longest reviewing sitting one email covers. */
export const SITTING_MINUTES = 30;

export interface SentBackBatch {
  /** Once-ledger key: stable for the batch whatever is added to it before it closes. */
  key: string;
  /** The requirements sent back in the batch, in the placement's order. */
  items: PlacementRequirement[];
  /** The latest `sentBackAt` in the batch: what `sentBackNoticeThrough` becomes once it is sent. */
  through: string;
}

type BatchPlacement = Pick<
  Placement,
  'placementId' | 'status' | 'requirements' | 'sentBackNoticeThrough' | 'purge'
>;

/** Items sent back (still REJECTED) that the student has not been emailed about. */
export const openSentBackItems = (placement: BatchPlacement): PlacementRequirement[] =>
  placement.requirements.filter(
    (requirement) =>
      requirement.status === 'REJECTED' &&
      requirement.sentBackAt !== undefined &&
      requirement.sentBackAt > (placement.sentBackNoticeThrough ?? ''),
  );

/** The latest `sentBackAt` of the items still REJECTED, or undefined when nothing is sent back. */
export const latestSentBackAt = (placement: Pick<Placement, 'requirements'>): string | undefined =>
  placement.requirements
    .filter((requirement) => requirement.status === 'REJECTED')
    .map((requirement) => requirement.sentBackAt)
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);

/** The open batch when it is closed (its email is due at `now`), else undefined. */
export const closedSentBackBatch = (placement: BatchPlacement, now: Date): SentBackBatch | undefined => {
  // A finished or purged placement takes no more uploads: nobody is asked to replace anything.
  if (hasSettled(placement.status) || placement.purge) return undefined;
  const items = openSentBackItems(placement);
  const times = items.map((item) => item.sentBackAt ?? '').sort();
  const first = times[0];
  const through = times.at(-1);
  if (first === undefined || through === undefined) return undefined;
  const stillReviewing = placement.requirements.some((requirement) => requirement.status === 'SUBMITTED');
  const sittingOver = now.getTime() - Date.parse(first) >= SITTING_MINUTES * 60_000;
  if (stillReviewing && !sittingOver) return undefined;
  return { key: `sent-back:${placement.placementId}:${first}`, items, through };
};
