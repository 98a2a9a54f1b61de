import { isCollectionComplete } from '../core/compliance.js';
import { documentsRequestItems } from '../core/documents-request-items.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { rotationFactsOf } from '../core/rotation-facts.js';
import { latestSentBackAt } from '../core/sent-back-batch.js';
import { documentsRequestEmail } from '../web/emails/documents-request-email.js';
import { issuePortalLink } from './issue-link.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

type CollectPorts = Pick<
  Ports,
  'placements' | 'links' | 'ledger' | 'mailer' | 'workflow' | 'clock' | 'config'
>;

/**
 * The CollectDocuments callback task: keeps the task token server-side and emails the
 * student their portal link and what is outstanding (a reminder after a timeout). If
 * nothing is outstanding by the time the token is stored, resumes at once. While only
 * SUBMITTED items remain (waiting for the school's verifiers), the student is not emailed:
 * the token is stored and the workflow waits for the verifiers.
 *
 * An email sent here lists every item sent back by a verifier so far, so it also closes the
 * open sent-back batch (`sentBackNoticeThrough`): no separate sent-back notice repeats it.
 */
export const collectDocuments = async (
  ports: CollectPorts,
  input: { placementId: string; taskToken: string; reminder: boolean },
): Promise<void> => {
  const placement = await ports.placements.getPlacement(input.placementId);
  if (placement?.status !== 'AWAITING_DOCUMENTS' || placement.purge || isComplete(placement)) {
    // The placement moved on while the workflow was getting here: let the next check decide (it ends an
    // execution a purge left running, which the purge stops anyway). A purged placement is never mailed.
    await ports.workflow.resume(input.taskToken, { event: 'STATUS_CHANGED' });
    return;
  }
  const reminderNumber = input.reminder ? placement.remindersSent + 1 : 0;
  const kind = input.reminder ? 'reminder' : placement.approvalRound > 0 ? 'changes-requested' : 'first';
  const outstanding = documentsRequestItems(placement);
  const sentBackThrough = latestSentBackAt(placement);
  const sent =
    outstanding.length > 0 &&
    (await sendEmailOnce(
      ports,
      `collect:${placement.placementId}:r${placement.approvalRound}:n${reminderNumber}`,
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
          kind,
          ...(kind === 'changes-requested' && placement.decision?.reason
            ? { changesReason: placement.decision.reason }
            : {}),
        });
        return { to: [placement.student.email], ...email };
      },
    ));

  let completeMeanwhile = false;
  await updatePlacement(ports, placement.placementId, (current, now) => {
    if (current.status !== 'AWAITING_DOCUMENTS' || current.purge || isComplete(current)) {
      completeMeanwhile = true;
      return undefined;
    }
    const waiting: Placement = {
      ...current,
      pendingTask: { kind: 'COLLECT_DOCUMENTS', token: input.taskToken, since: now.toISOString() },
      remindersSent: reminderNumber,
    };
    if (!sent) return waiting;
    if (sentBackThrough !== undefined && (current.sentBackNoticeThrough ?? '') < sentBackThrough) {
      waiting.sentBackNoticeThrough = sentBackThrough;
    }
    return withHistory(waiting, now, input.reminder ? 'DOCUMENTS_REMINDER_SENT' : 'DOCUMENTS_REQUESTED');
  });
  if (completeMeanwhile) await ports.workflow.resume(input.taskToken, { event: 'STATUS_CHANGED' });
};

const isComplete = (placement: Placement) => isCollectionComplete(placement.requirements);
