import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { siteReviewEmail } from '../web/emails/site-review-email.js';
import { issueLink } from './issue-link.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

const REVIEW_LINK_DAYS = 14;
/** The coordinator is copied once two reminders have gone unanswered. */
const ESCALATE_FROM_REMINDER = 3;

type ApprovalPorts = Pick<
  Ports,
  'placements' | 'links' | 'ledger' | 'mailer' | 'workflow' | 'clock' | 'config'
>;

/**
 * The RequestSiteApproval callback task: stores the task token server-side and emails
 * each site administrator their own review link (a reminder after a timeout; the
 * coordinator copied after two). A decision that arrived first resumes at once.
 */
export const requestSiteApproval = async (
  ports: ApprovalPorts,
  input: { placementId: string; taskToken: string; reminder: boolean },
): Promise<void> => {
  const placement = await ports.placements.getPlacement(input.placementId);
  if (placement?.status !== 'AWAITING_SITE_APPROVAL' || placement.purge) {
    // Decided or stopped meanwhile: resume so the execution moves on and ends (NotifyOutcome sends
    // nothing for a purged placement; the purge stops the execution anyway). Nobody is mailed.
    await ports.workflow.resume(input.taskToken, { decision: placement?.decision?.decision ?? 'none' });
    return;
  }
  const reminderNumber = input.reminder ? placement.remindersSent + 1 : 0;
  const escalated = reminderNumber >= ESCALATE_FROM_REMINDER;
  const round = placement.approvalRound;
  let sent = 0;
  for (const adminEmail of placement.adminEmails) {
    const delivered = await sendEmailOnce(
      ports,
      `review:${placement.placementId}:r${round}:n${reminderNumber}:${adminEmail.toLowerCase()}`,
      async () => {
        const reviewUrl = await issueLink(ports, {
          kind: 'review',
          placementId: placement.placementId,
          adminEmail,
          round,
          expiresAt: new Date(ports.clock.now().getTime() + REVIEW_LINK_DAYS * 86_400_000).toISOString(),
        });
        const email = siteReviewEmail({
          adminEmail,
          studentName: placement.student.name,
          siteName: placement.siteName,
          program: placement.program,
          startDate: placement.startDate,
          endDate: placement.endDate,
          reviewUrl,
          reminderNumber,
          escalated,
        });
        return { to: [adminEmail], ...(escalated ? { cc: [placement.coordinatorEmail] } : {}), ...email };
      },
    );
    if (delivered) sent++;
  }

  let decidedMeanwhile: string | undefined;
  await updatePlacement(ports, placement.placementId, (current, now) => {
    if (current.status !== 'AWAITING_SITE_APPROVAL' || current.purge) {
      decidedMeanwhile = current.decision?.decision ?? 'none';
      return undefined;
    }
    const waiting: Placement = {
      ...current,
      pendingTask: { kind: 'SITE_APPROVAL', token: input.taskToken, since: now.toISOString() },
      remindersSent: reminderNumber,
    };
    if (sent === 0) return waiting;
    const type = input.reminder
      ? escalated
        ? 'SITE_REMINDER_ESCALATED'
        : 'SITE_REMINDER_SENT'
      : 'SITE_REVIEW_REQUESTED';
    return withHistory(waiting, now, type, `${sent} site administrator(s) emailed`);
  });
  if (decidedMeanwhile) await ports.workflow.resume(input.taskToken, { decision: decidedMeanwhile });
};
