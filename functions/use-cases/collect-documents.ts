import { startOfDayAfter } from '../core/calendar-date.js';
import { outstandingRequirements } from '../core/compliance.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { requirementCodeOf, resolveRequirement } from '../core/requirement-catalogue.js';
import { documentsRequestEmail } from '../web/emails/documents-request-email.js';
import { issueLink } from './issue-link.js';
import { sendEmailOnce } from './send-email-once.js';
import { updatePlacement, withHistory } from './update-placement.js';

type CollectPorts = Pick<
  Ports,
  'placements' | 'links' | 'ledger' | 'mailer' | 'workflow' | 'clock' | 'config'
>;

/**
 * The CollectDocuments callback task: keeps the task token server-side and emails the
 * student their portal link and what is outstanding (a reminder after a timeout). If
 * nothing is outstanding by the time the token is stored, resumes at once.
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
  const sent = await sendEmailOnce(
    ports,
    `collect:${placement.placementId}:r${placement.approvalRound}:n${reminderNumber}`,
    async () => {
      const portalUrl = await issueLink(ports, {
        kind: 'portal',
        placementId: placement.placementId,
        expiresAt: startOfDayAfter(placement.documentsDueDate).toISOString(),
      });
      const email = documentsRequestEmail({
        studentName: placement.student.name,
        siteName: placement.siteName,
        program: placement.program,
        startDate: placement.startDate,
        endDate: placement.endDate,
        documentsDueDate: placement.documentsDueDate,
        outstanding: outstandingRequirements(placement.requirements).map((requirement) => ({
          title: requirement.title,
          status: requirement.status,
          ...(requirement.reason ? { reason: requirement.reason } : {}),
          evidence: resolveRequirement(ruleFor(placement, requirement.code)).evidence,
        })),
        portalUrl,
        kind,
        ...(kind === 'changes-requested' && placement.decision?.reason
          ? { changesReason: placement.decision.reason }
          : {}),
      });
      return { to: [placement.student.email], ...email };
    },
  );

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
    return withHistory(waiting, now, input.reminder ? 'DOCUMENTS_REMINDER_SENT' : 'DOCUMENTS_REQUESTED');
  });
  if (completeMeanwhile) await ports.workflow.resume(input.taskToken, { event: 'STATUS_CHANGED' });
};

const isComplete = (placement: Placement) => outstandingRequirements(placement.requirements).length === 0;

const ruleFor = (placement: Placement, code: string) =>
  placement.rules.find((rule) => requirementCodeOf(rule) === code) ?? (code as never);
