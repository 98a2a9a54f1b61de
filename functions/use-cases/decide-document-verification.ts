import { latestCalendarDateOf } from '../core/calendar-date.js';
import { AlreadyDecidedError, ConflictError, NotFoundError } from '../core/errors.js';
import type { Placement, PlacementRequirement } from '../core/model/placement.js';
import type { StaffDecision, StudentDocument } from '../core/model/student-document.js';
import { type Verifier, verifierName } from '../core/model/verification.js';
import { isPlacementId } from '../core/placement-id.js';
import { hasSettled } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { rejectionReasonText } from '../core/rejection-reasons.js';
import { requirementCodeOf, resolveRequirement } from '../core/requirement-catalogue.js';
import { checkIdentifier } from '../core/validation/field-checks.js';
import {
  parseVerificationDecisionInput,
  type VerificationDecisionInput,
} from '../core/validation/verification-decision-input.js';
import { resumeDocumentCollectionIfComplete } from './resume-document-collection.js';
import { updatePlacement, withHistory } from './update-placement.js';

type DecisionPorts = Pick<Ports, 'placements' | 'documents' | 'workflow' | 'clock'>;

/** Stands in when the edge names nobody (it always should: IAM caller or console session). */
const UNNAMED_VERIFIER = 'staff verifier';

export interface DocumentDecisionResult {
  /** The placement as stored after the decision (the route answers it, as a `PlacementView`). */
  placement: Placement;
  decision: VerificationDecisionInput;
  /**
   * True for a rejection: the caller then runs `sendSentBackNotice`, which emails the student once the
   * sitting's batch is closed (`functions/core/sent-back-batch.ts`) and otherwise does nothing.
   */
  sentBack: boolean;
}

/**
 * A staff verifier's decision on one SUBMITTED document (`POST
 * /placements/{placementId}/documents/{documentId}/verification`, and the console's queue).
 *
 * Refusals, in this order: no such placement, or a document of another placement → NotFoundError
 * (404); a bad body → ValidationError naming the field (400; corrected dates are judged by the
 * requirement's rule); a document staff already decided → AlreadyDecidedError (409 ALREADY_DECIDED,
 * also for the loser of two reviewers deciding at once); a finished or purged placement, or a document
 * that is not SUBMITTED (pending, judged by the file checks, or no longer the one its requirement waits
 * on: waived meanwhile) → ConflictError (409 CONFLICT).
 *
 * `verify` → the requirement ACCEPTED with `verification: 'staff'`, `verifiedBy`, `verifiedAt`;
 * `reject` → REJECTED with the reason code's explanation and the note, stamped `sentBackAt`. Each adds
 * a history entry naming the verifier. The placement is written first (one conditional write on its
 * `version`, which is what makes the first of two racing decisions win), then the document; a repeat
 * after a crash in between finishes the document (its corrected dates are lost) and answers
 * AlreadyDecidedError. When the decision
 * completes collection the workflow resumes, exactly once (`resumeDocumentCollectionIfComplete`:
 * only the writer whose stored placement is complete resumes, and a task token is accepted once).
 */
export const decideDocumentVerification = async (
  ports: DecisionPorts,
  placementId: string,
  documentId: string,
  body: unknown,
  verifier: Verifier,
): Promise<DocumentDecisionResult> => {
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
  const decision = parseVerificationDecisionInput(body, {
    requirement: resolveRequirement(spec),
    rotation: placement,
    today: latestCalendarDateOf(ports.clock.now()),
  });
  if (document.staffDecision) {
    await resumeDocumentCollectionIfComplete(ports, placement);
    throw alreadyDecided(document.staffDecision);
  }
  const recorded = placement.requirements.find((entry) => entry.documentId === document.documentId);
  if (recorded && staffDecided(recorded)) {
    // An earlier attempt wrote the placement and stopped before the document: finish it.
    await ports.documents.updateDocument(decidedDocument(document, undefined, recorded));
    await resumeDocumentCollectionIfComplete(ports, placement);
    throw new AlreadyDecidedError(`This document was already decided by ${staffDecider(recorded)}.`);
  }
  if (document.status !== 'SUBMITTED') {
    throw new ConflictError(`The document is ${document.status}; only a SUBMITTED document can be decided.`);
  }

  const by = verifierName(verifier) ?? UNNAMED_VERIFIER;
  // The loser of two racing decisions gets AlreadyDecidedError here; the winner writes the document.
  const stored = await updatePlacement(ports, placement.placementId, (current, now) =>
    applyDecision(current, document, decision, by, now),
  );
  const requirement = stored.requirements.find((entry) => entry.documentId === document.documentId);
  if (requirement) await ports.documents.updateDocument(decidedDocument(document, decision, requirement));
  await resumeDocumentCollectionIfComplete(ports, stored);
  return { placement: stored, decision, sentBack: decision.decision === 'reject' };
};

/** The placement with the decision applied; throws the refusals that depend on the placement's state. */
const applyDecision = (
  current: Placement,
  document: StudentDocument,
  decision: VerificationDecisionInput,
  by: string,
  now: Date,
): Placement => {
  if (current.purge)
    throw new ConflictError('The placement was purged; its documents can no longer be decided.');
  if (hasSettled(current.status)) {
    throw new ConflictError(`The placement is ${current.status}; its documents can no longer be decided.`);
  }
  const requirement = current.requirements.find((entry) => entry.code === document.requirementCode);
  if (requirement && requirement.documentId === document.documentId && staffDecided(requirement)) {
    throw new AlreadyDecidedError(`This document was already decided by ${staffDecider(requirement)}.`);
  }
  if (requirement?.status !== 'SUBMITTED' || requirement.documentId !== document.documentId) {
    throw new ConflictError(
      `The requirement is ${requirement?.status ?? 'gone'}; this document is no longer waiting for a decision.`,
    );
  }
  const at = now.toISOString();
  const base = {
    code: requirement.code,
    title: requirement.title,
    documentId: document.documentId,
    // Kept so the time from submission to a staff decision is known (placement-counters.ts).
    ...(requirement.submittedAt ? { submittedAt: requirement.submittedAt } : {}),
  };
  const next: PlacementRequirement =
    decision.decision === 'verify'
      ? { ...base, status: 'ACCEPTED', verification: 'staff', verifiedBy: by, verifiedAt: at }
      : {
          ...base,
          status: 'REJECTED',
          reason: rejectionReasonText(decision.reasonCode ?? 'OTHER', decision.note),
          rejectedAt: at,
          sentBackAt: at,
          sentBackBy: by,
        };
  const requirements = current.requirements.map((entry) => (entry.code === requirement.code ? next : entry));
  const reasonCode = decision.reasonCode ?? 'OTHER';
  const sentBackReasons =
    decision.decision === 'reject'
      ? { ...current.sentBackReasons, [reasonCode]: (current.sentBackReasons?.[reasonCode] ?? 0) + 1 }
      : current.sentBackReasons;
  return withHistory(
    { ...current, requirements, ...(sentBackReasons ? { sentBackReasons } : {}) },
    now,
    decision.decision === 'verify' ? 'DOCUMENT_VERIFIED' : 'DOCUMENT_SENT_BACK',
    decision.decision === 'verify'
      ? `${requirement.code} by ${by}`
      : `${requirement.code} by ${by}: ${decision.reasonCode}${decision.note ? ` (${decision.note})` : ''}`,
  );
};

/** The requirement records a staff decision on its document. */
const staffDecided = (requirement: PlacementRequirement): boolean =>
  (requirement.status === 'ACCEPTED' && requirement.verification === 'staff') ||
  (requirement.status === 'REJECTED' && requirement.sentBackAt !== undefined);

const staffDecider = (requirement: PlacementRequirement): string =>
  requirement.status === 'ACCEPTED'
    ? `${requirement.verifiedBy} at ${requirement.verifiedAt}`
    : `${requirement.sentBackBy} at ${requirement.sentBackAt}`;

/** The decision as the document record keeps it, taken from the requirement the placement stored. */
const staffDecisionOf = (
  requirement: PlacementRequirement,
  decision?: VerificationDecisionInput,
): StaffDecision =>
  requirement.status === 'ACCEPTED'
    ? { decision: 'verify', by: requirement.verifiedBy ?? UNNAMED_VERIFIER, at: requirement.verifiedAt ?? '' }
    : {
        decision: 'reject',
        by: requirement.sentBackBy ?? UNNAMED_VERIFIER,
        at: requirement.sentBackAt ?? '',
        ...(decision?.reasonCode ? { reasonCode: decision.reasonCode } : {}),
        ...(decision?.note ? { note: decision.note } : {}),
      };

/** The document after the decision the placement recorded: out of the queue, with corrected dates. */
const decidedDocument = (
  document: StudentDocument,
  decision: VerificationDecisionInput | undefined,
  requirement: PlacementRequirement,
): StudentDocument => {
  const { queueEntry: _leftTheQueue, ...rest } = document;
  const staffDecision = staffDecisionOf(requirement, decision);
  const updatedAt = staffDecision.at || document.updatedAt;
  if (staffDecision.decision === 'verify') {
    return {
      ...rest,
      ...(decision?.issuedOn ? { issuedOn: decision.issuedOn } : {}),
      ...(decision?.expiresOn ? { expiresOn: decision.expiresOn } : {}),
      status: 'ACCEPTED',
      verification: 'staff',
      staffDecision,
      updatedAt,
    };
  }
  return { ...rest, status: 'REJECTED', reason: requirement.reason ?? '', staffDecision, updatedAt };
};

const alreadyDecided = (decision: StaffDecision) =>
  new AlreadyDecidedError(
    `This document was already decided: ${decision.decision} by ${decision.by} at ${decision.at}.`,
  );
