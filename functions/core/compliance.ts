/**
 * Compliance evaluation: the status of each of a placement's requirements, given what
 * was decided on the placement so far and every document the student has on file.
 */
import { checkEvidence, type RotationDates } from './evidence-validity.js';
import type { PlacementRequirement } from './model/placement.js';
import type { SiteRequirementSpec } from './model/site.js';
import type { StudentDocument } from './model/student-document.js';
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
}

/**
 * One entry per rule, in rule order. Precedence: WAIVED stays WAIVED; otherwise the most
 * recent accepted document that is valid for this rotation (and, after a rejection, newer
 * than it) makes it ACCEPTED; otherwise a rejection stands; otherwise MISSING, with the
 * reason an older document on file does not count, when there is one.
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
  const candidates = input.documents
    .filter(
      (document) =>
        document.requirementCode === code &&
        document.status === 'ACCEPTED' &&
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
    if (check.valid) return { code, title, status: 'ACCEPTED', documentId: document.documentId };
    firstProblem ??= check.reason;
  }

  if (current?.status === 'REJECTED') {
    return withOptional(
      { code, title, status: 'REJECTED' },
      { reason: current.reason, rejectedAt: current.rejectedAt },
    );
  }
  return withOptional({ code, title, status: 'MISSING' }, { reason: firstProblem });
}

/** The requirements the student still has to act on. */
export function outstandingRequirements(requirements: PlacementRequirement[]): PlacementRequirement[] {
  return requirements.filter((entry) => entry.status === 'MISSING' || entry.status === 'REJECTED');
}

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
