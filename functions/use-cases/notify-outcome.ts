import { outstandingRequirements } from '../core/compliance.js';
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
  CANCELLED: ['student', 'coordinator'],
};

/** NotifyOutcome: tells the student, the coordinator and the site how it ended, each once. */
export const notifyOutcome = async (
  ports: Pick<Ports, 'placements' | 'ledger' | 'mailer' | 'clock'>,
  placementId: string,
): Promise<{ sent: number }> => {
  const placement = await ports.placements.getPlacement(placementId);
  if (!placement || !(placement.status in AUDIENCES)) return { sent: 0 };
  const outcome = placement.status as Outcome;
  let sent = 0;
  for (const audience of AUDIENCES[outcome]) {
    // One email per person: each recipient's delivery (and bounce) stands on its own.
    for (const recipient of recipientsOf(placement, audience)) {
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
      return withHistory(current, now, 'OUTCOME_NOTIFIED', `${outcome}: ${AUDIENCES[outcome].join(', ')}`);
    });
    // Counted by the PlacementsCleared/Declined/Expired metric filters: once per placement.
    if (firstNotice) logger.info('Placement outcome', { placementId, outcome });
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
    ...(placement.decision?.reason ? { reason: placement.decision.reason } : {}),
    ...(placement.decision ? { decidedBy: placement.decision.by } : {}),
    ...(outcome === 'EXPIRED'
      ? {
          outstanding: outstandingRequirements(placement.requirements).map(
            (requirement) => requirement.title,
          ),
        }
      : {}),
  });

const recipientsOf = (placement: Placement, audience: Audience): string[] =>
  audience === 'student'
    ? [placement.student.email]
    : audience === 'coordinator'
      ? [placement.coordinatorEmail]
      : placement.adminEmails;
