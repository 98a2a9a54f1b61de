/**
 * Compliance evaluation: the status of each of a placement's requirements, given what
 * was decided on the placement so far and every document the student has on file.
 */
import { checkEvidence, type RotationDates } from './evidence-validity.js';
import type { PlacementRequirement } from './model/placement.js';
import type { SiteRequirementSpec } from './model/site.js';
import { documentVerification, type StudentDocument } from './model/student-document.js';
import { STORED_WITHOUT_VERIFICATION, type VerificationMode } from './model/verification.js';
import { type ResolvedRequirement, resolveRequirement } from './requirement-catalogue.js';

export interface ComplianceInput {
  /** The placement's requirement rules, in the order the site lists them. */
  rules: SiteRequirementSpec[];
  /** The placement's requirements as stored (waivers and rejections live here). */
  current: PlacementRequirement[];
  /** Every document of the student, from any placement. */
  documents: StudentDocument[];
  rotation: RotationDates;
  /** Today's calendar date (UTC). */
  today: string;
  /** The placement's verification mode; absent means `automatic` (placements stored before the setting). */
  verification?: VerificationMode;
}

/**
 * One entry per rule, in rule order. Precedence: WAIVED stays WAIVED; otherwise the most
 * recent accepted document that is valid for this rotation (and, after a rejection, newer
 * than it) makes it ACCEPTED; otherwise this placement's own upload waiting for a staff verifier
 * keeps it SUBMITTED; otherwise a rejection stands; otherwise MISSING, with the reason an older
 * document on file does not count, when there is one.
 *
 * Evidence reuse respects verification: a document a staff verifier verified counts at any site;
 * one accepted on the file checks alone (`automatic`) counts only for an `automatic` placement.
 */
export function evaluateCompliance(input: ComplianceInput): PlacementRequirement[] {
  return input.rules.map((spec) => evaluateRequirement(resolveRequirement(spec), input));
}

function evaluateRequirement(requirement: ResolvedRequirement, input: ComplianceInput): PlacementRequirement {
  const { code, title } = requirement;
  const current = input.current.find((entry) => entry.code === code);

  if (current?.status === 'WAIVED') {
    return withOptional({ code, title, status: 'WAIVED' }, { reason: current.reason });
  }

  const rejectedAfter =
    current?.status === 'REJECTED' && current.rejectedAt !== undefined
      ? rejectionInstant(current.rejectedAt)
      : undefined;
  const verification = input.verification ?? STORED_WITHOUT_VERIFICATION;
  const candidates = input.documents
    .filter(
      (document) =>
        document.requirementCode === code &&
        document.status === 'ACCEPTED' &&
        countsFor(verification, document) &&
        document.changesRequested !== true &&
        (rejectedAfter === undefined || instantOf(document.createdAt) > rejectedAfter),
    )
    .sort(newestFirst);

  let firstProblem: string | undefined;
  for (const document of candidates) {
    const check = checkEvidence(
      requirement.rule,
      document,
      input.rotation,
      input.today,
      `The ${requirement.noun} on file`,
    );
    if (check.valid) return acceptedBy(code, title, document);
    firstProblem ??= check.reason;
  }

  // This placement's document waits for a verifier (or its decision is being written: the placement
  // is written before the document, so the record may still read SUBMITTED, or PENDING for an upload).
  const own = current?.documentId
    ? input.documents.find((document) => document.documentId === current.documentId)
    : undefined;
  if (current?.status === 'SUBMITTED' && (own?.status === 'SUBMITTED' || own?.status === 'PENDING')) {
    return withOptional(
      { code, title, status: 'SUBMITTED', documentId: own.documentId },
      { rejectedAt: current.rejectedAt },
    );
  }
  if (current?.status === 'ACCEPTED' && current.verification === 'staff' && own?.status === 'SUBMITTED') {
    return current;
  }

  if (current?.status === 'REJECTED') {
    return withOptional(
      { code, title, status: 'REJECTED' },
      { reason: current.reason, rejectedAt: current.rejectedAt },
    );
  }
  return withOptional({ code, title, status: 'MISSING' }, { reason: firstProblem });
}

/** The requirements the student still has to act on (never a SUBMITTED one: that waits for the school). */
export function outstandingRequirements(requirements: PlacementRequirement[]): PlacementRequirement[] {
  return requirements.filter((entry) => entry.status === 'MISSING' || entry.status === 'REJECTED');
}

/** The requirements not met yet: outstanding ones and SUBMITTED ones waiting for a verifier. */
export function incompleteRequirements(requirements: PlacementRequirement[]): PlacementRequirement[] {
  return requirements.filter((entry) => entry.status !== 'ACCEPTED' && entry.status !== 'WAIVED');
}

/** Collection is complete when every requirement is ACCEPTED or WAIVED (SUBMITTED is not). */
export const isCollectionComplete = (requirements: PlacementRequirement[]): boolean =>
  incompleteRequirements(requirements).length === 0;

/** Staff-verified evidence counts anywhere; automatically accepted evidence only where verification is automatic. */
const countsFor = (verification: VerificationMode, document: StudentDocument): boolean =>
  verification === 'automatic' || documentVerification(document) === 'staff';

/** The ACCEPTED entry a document makes, saying who verified it when a person did. */
const acceptedBy = (
  code: PlacementRequirement['code'],
  title: string,
  document: StudentDocument,
): PlacementRequirement => {
  const decision = document.staffDecision;
  if (documentVerification(document) !== 'staff' || decision?.decision !== 'verify') {
    return { code, title, status: 'ACCEPTED', documentId: document.documentId };
  }
  return {
    code,
    title,
    status: 'ACCEPTED',
    documentId: document.documentId,
    verification: 'staff',
    verifiedBy: decision.by,
    verifiedAt: decision.at,
  };
};

/** Milliseconds since the epoch; an unreadable timestamp sorts as oldest and never counts as "after". */
function instantOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** An unreadable rejection time fails closed: no document counts as newer than it. */
function rejectionInstant(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function newestFirst(a: StudentDocument, b: StudentDocument): number {
  const byTime = instantOf(b.createdAt) - instantOf(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  if (a.documentId === b.documentId) return 0;
  return a.documentId < b.documentId ? 1 : -1;
}

/** Adds only the optional fields that have a value, so results compare and serialise cleanly. */
function withOptional(
  base: PlacementRequirement,
  optional: Pick<PlacementRequirement, 'reason' | 'rejectedAt'>,
): PlacementRequirement {
  const result = { ...base };
  if (optional.reason !== undefined) result.reason = optional.reason;
  if (optional.rejectedAt !== undefined) result.rejectedAt = optional.rejectedAt;
  return result;
}
