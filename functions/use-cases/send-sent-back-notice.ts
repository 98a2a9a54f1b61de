import { type DocumentsRequestItem, documentsRequestItems } from '../core/documents-request-items.js';
import type { Placement } from '../core/model/placement.js';
import type { EmailMessage, Ports } from '../core/ports.js';
import { type RotationFacts, rotationFactsOf } from '../core/rotation-facts.js';
import { closedSentBackBatch } from '../core/sent-back-batch.js';
import { issuePortalLink } from './issue-link.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** What the student's "sent back" email shows. */
export interface SentBackNoticeView extends RotationFacts {
  /** Every item the verifiers sent back in the sitting, each with its plain-language reason and note. */
  sentBack: DocumentsRequestItem[];
  /** Everything the student still has to upload (the sent-back items and any still missing). */
  outstanding: DocumentsRequestItem[];
  /** `{publicBaseUrl}/portal/{token}`. */
  portalUrl: string;
}

/** Renders the email (functions/web/emails); the use case adds the recipient. */
export type SentBackNoticeComposer = (view: SentBackNoticeView) => Omit<EmailMessage, 'to' | 'cc'>;

type NoticePorts = Pick<Ports, 'placements' | 'links' | 'ledger' | 'mailer' | 'clock' | 'config'>;

/**
 * Emails the student once per reviewing sitting, listing every item sent back in it, when the
 * sitting's batch is closed (`functions/core/sent-back-batch.ts` says when); otherwise does nothing.
 * Call it after every rejection (`decideDocumentVerification` answers `sentBack: true`) and it is
 * safe to call any time more: the once-ledger key is the batch's, so retries and two reviewers
 * finishing at once send one email. Marks the batch told (`sentBackNoticeThrough`).
 */
export const sendSentBackNotice = async (
  ports: NoticePorts,
  placementId: string,
  compose: SentBackNoticeComposer,
): Promise<{ sent: boolean }> => {
  const placement = await ports.placements.getPlacement(placementId);
  const batch = placement ? closedSentBackBatch(placement, ports.clock.now()) : undefined;
  if (!placement || !batch) return { sent: false };
  const codes = new Set(batch.items.map((item) => item.code));
  const outstanding = documentsRequestItems(placement);
  const sent = await sendEmailOnce(ports, batch.key, async () => ({
    to: [placement.student.email],
    ...compose({
      ...rotationFactsOf(placement),
      sentBack: outstanding.filter((item) => codes.has(item.code)),
      outstanding,
      portalUrl: await issuePortalLink(ports, placement),
    }),
  }));
  await updatePlacement(ports, placementId, (current, now) => {
    if ((current.sentBackNoticeThrough ?? '') >= batch.through) return undefined;
    const told: Placement = { ...current, sentBackNoticeThrough: batch.through };
    return sent ? withHistory(told, now, 'SENT_BACK_NOTICE_SENT', `${batch.items.length} item(s)`) : told;
  });
  return { sent };
};
