import { AlreadyDecidedError, ConflictError } from '../core/errors.js';
import type { Placement, PlacementStatus, SiteDecision } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';
import { parseDecisionInput } from '../core/validation/decision-input.js';
import { openLink, supersededLinkError } from './open-link.js';
import { clearPendingTask } from './resume-document-collection.js';
import { updatePlacement, withHistory } from './update-placement.js';

type ReviewPorts = Pick<Ports, 'links' | 'placements' | 'documents' | 'workflow' | 'clock'>;

const STATUS_AFTER: Record<SiteDecision['decision'], PlacementStatus> = {
  approve: 'CLEARED',
  decline: 'DECLINED',
  'request-changes': 'AWAITING_DOCUMENTS',
};

const HISTORY_TYPE: Record<SiteDecision['decision'], string> = {
  approve: 'SITE_APPROVED',
  decline: 'SITE_DECLINED',
  'request-changes': 'SITE_REQUESTED_CHANGES',
};

/**
 * A site administrator's decision through their review link. The first decision of a round
 * wins (a conditional write); later ones, double clicks included, get AlreadyDecidedError.
 * The decision is recorded before the workflow is resumed, and a repeat re-delivers a
 * resume that did not go through.
 */
export const decideReview = async (
  ports: ReviewPorts,
  token: string,
  body: unknown,
): Promise<{ placement: Placement; decision: SiteDecision }> => {
  const { link, placement: opened, superseded } = await openLink(ports, token, 'review');
  const round = link.round ?? 0;
  if (superseded) {
    if (opened.decision?.round === round) throw alreadyDecided(opened.decision);
    throw supersededLinkError();
  }
  const input = parseDecisionInput(
    body,
    opened.requirements.map((requirement) => requirement.code),
  );
  let decision: SiteDecision | undefined;
  let placement: Placement;
  try {
    placement = await updatePlacement(ports, opened.placementId, (current, now) => {
      if (current.decision && current.decision.round >= round) {
        throw alreadyDecided(current.decision);
      }
      if (current.status !== 'AWAITING_SITE_APPROVAL') {
        throw new ConflictError(`The placement is ${current.status}; it is not waiting for a decision.`);
      }
      decision = {
        decision: input.decision,
        round,
        by: link.adminEmail ?? 'site administrator',
        at: now.toISOString(),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.requirementCodes?.length ? { requirementCodes: input.requirementCodes } : {}),
      };
      return withHistory(
        applyDecision(current, decision, now),
        now,
        HISTORY_TYPE[input.decision],
        `by ${decision.by}${input.reason ? `: ${input.reason}` : ''}`,
      );
    });
  } catch (error) {
    if (error instanceof AlreadyDecidedError)
      await deliverDecision(ports, await ports.placements.getPlacement(opened.placementId));
    throw error;
  }
  if (!decision) throw new ConflictError('The decision could not be recorded.');
  if (decision.decision === 'request-changes') await markChangesRequested(ports, placement, decision);
  await deliverDecision(ports, placement);
  return { placement, decision };
};

const alreadyDecided = (decision: SiteDecision) =>
  new AlreadyDecidedError(
    `A decision was already made: ${decision.decision} by ${decision.by} at ${decision.at}.`,
  );

const applyDecision = (placement: Placement, decision: SiteDecision, now: Date): Placement => {
  const next: Placement = { ...placement, status: STATUS_AFTER[decision.decision], decision };
  if (decision.decision !== 'request-changes') return next;
  const codes = new Set(decision.requirementCodes ?? []);
  return {
    ...next,
    approvalRound: placement.approvalRound + 1,
    remindersSent: 0,
    requirements: placement.requirements.map((requirement) =>
      codes.has(requirement.code)
        ? {
            code: requirement.code,
            title: requirement.title,
            status: 'REJECTED' as const,
            reason: decision.reason ?? 'The site asked for this document to be changed.',
            ...(requirement.documentId ? { documentId: requirement.documentId } : {}),
            rejectedAt: now.toISOString(),
          }
        : requirement,
    ),
  };
};

/**
 * Documents a site asked to have changed are never reused, in this placement or a later one. A document
 * deleted meanwhile (a purge) stays deleted: the update writes only where the record still exists.
 */
const markChangesRequested = async (ports: ReviewPorts, placement: Placement, decision: SiteDecision) => {
  const codes = new Set(decision.requirementCodes ?? []);
  for (const requirement of placement.requirements) {
    if (!codes.has(requirement.code) || !requirement.documentId) continue;
    const document = await ports.documents.getDocument(placement.student.id, requirement.documentId);
    if (!document || document.changesRequested) continue;
    await ports.documents.updateDocument({ ...document, changesRequested: true, updatedAt: decision.at });
  }
};

/** Resumes the approval task with the recorded decision, if the workflow is still waiting on it. */
const deliverDecision = async (ports: ReviewPorts, placement: Placement | undefined) => {
  const task = placement?.pendingTask;
  if (!placement?.decision || task?.kind !== 'SITE_APPROVAL') return;
  await ports.workflow.resume(task.token, { decision: placement.decision.decision });
  await clearPendingTask(ports, placement.placementId, task.token);
};
