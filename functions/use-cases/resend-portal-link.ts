import { documentsRequestItems } from '../core/documents-request-items.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';
import { rotationFactsOf } from '../core/rotation-facts.js';
import { documentsRequestEmail } from '../web/emails/documents-request-email.js';
import { issuePortalLink } from './issue-link.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

/** The history entry a resend writes; it also makes the next resend a new email (its ledger key). */
export const LINK_RESENT = 'LINK_RESENT';

type ResendPorts = Pick<Ports, 'placements' | 'links' | 'ledger' | 'mailer' | 'clock' | 'config'>;

/**
 * A staff member resends the student their portal link: a new link (until the end of the documents
 * due date, as the workflow's own emails) in the same documents-request email the workflow sends,
 * listing what is still outstanding. Links sent before keep working. Only while the placement waits
 * for the student's documents. The email is sent once per resend (the once-ledger, keyed by the
 * placement's history length, so a double click sends one email and the next resend another).
 */
export const resendPortalLink = async (
  ports: ResendPorts,
  placementId: string,
  by?: ChangedBy,
): Promise<Placement> => {
  const placement = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
  if (!placement) throw new NotFoundError('No such placement.');
  if (placement.status !== 'AWAITING_DOCUMENTS' || placement.purge) {
    throw new ConflictError(
      `The placement is ${placement.purge ? 'purged' : placement.status}; a link is only resent while it waits for the student's documents.`,
    );
  }
  const outstanding = documentsRequestItems(placement);
  if (outstanding.length === 0) {
    throw new ConflictError('Nothing is outstanding from the student: there is no link to resend.');
  }
  const sent = await sendEmailOnce(
    ports,
    `resend:${placement.placementId}:h${placement.history.length}`,
    async () => {
      const portalUrl = await issuePortalLink(ports, placement);
      const email = documentsRequestEmail({
        ...rotationFactsOf(placement),
        outstanding: outstanding.map(({ title, status, reason, evidence }) => ({
          title,
          status,
          ...(reason ? { reason } : {}),
          evidence,
        })),
        portalUrl,
        kind: 'reminder',
      });
      return { to: [placement.student.email], ...email };
    },
  );
  if (!sent) return placement;
  return updatePlacement(ports, placementId, (current, now) =>
    withHistory(current, now, LINK_RESENT, 'The student’s portal link was emailed again.', by),
  );
};
