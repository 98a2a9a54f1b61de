import { PLACEMENT_OUTCOME_MESSAGE } from '../contract/log-messages.js';
import { incompleteRequirements } from '../core/compliance.js';
import type { Placement } from '../core/model/placement.js';
import type { EmailMessage, Ports } from '../core/ports.js';
import { logger } from '../observability/logger.js';
import { outcomeEmail } from '../web/emails/outcome-email.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

type Outcome = 'CLEARED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED';
type Audience = 'student' | 'coordinator' | 'site';

const AUDIENCES: Record<Outcome, Audience[]> = {
  CLEARED: ['student', 'coordinator', 'site'],
  DECLINED: ['student', 'coordinator', 'site'],
  EXPIRED: ['student', 'coordinator'],
  // The coordinator cancelled it (and saw the answer); the site hears of it only if it was asked to review.
  CANCELLED: ['student', 'site'],
};

/**
 * NotifyOutcome: tells the student, the coordinator and the site how it ended, each once. The
 * workflow calls it for CLEARED, DECLINED and EXPIRED; cancel calls it for CANCELLED.
 */
export const notifyOutcome = async (
  ports: Pick<Ports, 'placements' | 'ledger' | 'mailer' | 'clock'>,
  placementId: string,
): Promise<{ sent: number }> => {
  const placement = await ports.placements.getPlacement(placementId);
  // A purged placement's student is '[purged]', and the purge told nobody on purpose.
  if (!placement || placement.purge || !(placement.status in AUDIENCES)) return { sent: 0 };
  const outcome = placement.status as Outcome;
  const audiences = AUDIENCES[outcome].filter(
    (audience) => recipientsOf(placement, outcome, audience).length > 0,
  );
  let sent = 0;
  for (const audience of audiences) {
    // One email per person: each recipient's delivery (and bounce) stands on its own.
    for (const recipient of recipientsOf(placement, outcome, audience)) {
      const delivered = await sendEmailOnce(
        ports,
        `outcome:${placementId}:${outcome}:${audience}:${recipient.toLowerCase()}`,
        () => ({ to: [recipient], ...compose(placement, outcome, audience) }),
      );
      if (delivered) sent++;
    }
  }
  if (sent > 0) {
    let firstNotice = false;
    await updatePlacement(ports, placementId, (current, now) => {
      firstNotice = !current.history.some((entry) => entry.type === 'OUTCOME_NOTIFIED');
      return withHistory(current, now, 'OUTCOME_NOTIFIED', `${outcome}: ${audiences.join(', ')}`);
    });
    // Counted by the PlacementsCleared/Declined/Expired metric filters: once per placement.
    if (firstNotice) logger.info(PLACEMENT_OUTCOME_MESSAGE, { placementId, outcome });
  }
  return { sent };
};

const compose = (placement: Placement, outcome: Outcome, audience: Audience): Omit<EmailMessage, 'to'> =>
  outcomeEmail({
    audience,
    outcome,
    studentName: placement.student.name,
    siteName: placement.siteName,
    program: placement.program,
    startDate: placement.startDate,
    endDate: placement.endDate,
    ...reasonFor(placement, outcome),
    ...(placement.decision && outcome !== 'CANCELLED' ? { decidedBy: placement.decision.by } : {}),
    ...(outcome === 'EXPIRED'
      ? {
          outstanding: incompleteRequirements(placement.requirements).map((requirement) => requirement.title),
        }
      : {}),
  });

/** The site's reason for its decision, or the coordinator's for a cancellation (kept in its history entry). */
const reasonFor = (placement: Placement, outcome: Outcome): { reason?: string } => {
  const reason =
    outcome === 'CANCELLED'
      ? placement.history.findLast((entry) => entry.type === 'CANCELLED')?.detail
      : placement.decision?.reason;
  return reason ? { reason } : {};
};

/** Site admins are told of a cancellation only when the packet had been sent to them. */
const siteWasAskedToReview = (placement: Placement) =>
  placement.history.some((entry) => entry.type === 'SITE_REVIEW_REQUESTED');

const recipientsOf = (placement: Placement, outcome: Outcome, audience: Audience): string[] => {
  if (audience === 'student') return [placement.student.email];
  if (audience === 'coordinator') return [placement.coordinatorEmail];
  return outcome === 'CANCELLED' && !siteWasAskedToReview(placement) ? [] : placement.adminEmails;
};
