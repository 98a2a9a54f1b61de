import type { Placement, PlacementRequirement } from './model/placement.js';
import { waitingOnOf } from './waiting-on.js';

/**
 * The dashboard's and reports' numbers are kept as counters that change with each placement write,
 * so reading them costs the same at 100 placements and at 100,000 (docs/data-model.md, "Counters").
 * A placement contributes to a set of counters given by its state alone; a write moves it from the
 * counters of its old state to those of its new one.
 */

/** Counter names: plain strings, built only here. */
export const counterNames = {
  status: (status: string) => `status#${status}`,
  siteStatus: (siteId: string, status: string) => `site#${siteId}#status#${status}`,
  programStatus: (siteId: string, program: string, status: string) =>
    `site#${siteId}#program#${program}#status#${status}`,
  /** Requirements waiting for a staff verifier. */
  submitted: () => 'submitted',
  /** Unfinished placements by who they wait on (`student`, `school`, `site`). */
  waitingOn: (who: string) => `waiting#${who}`,
  /** Staff decisions (verify or send back) made `hours` whole hours after submission (capped). */
  decidedAfterHours: (hours: number) => `decided-hours#${hours}`,
  /** Placements cleared after `days` whole days (capped at {@link MAX_COUNTED_DAYS}). */
  clearedAfterDays: (days: number) => `cleared-days#${days}`,
  programClearedAfterDays: (siteId: string, program: string, days: number) =>
    `site#${siteId}#program#${program}#cleared-days#${days}`,
  /** Staff decisions at one site and program, by whole hours after submission (the reports' rows). */
  programDecidedAfterHours: (siteId: string, program: string, hours: number) =>
    `site#${siteId}#program#${program}#decided-hours#${hours}`,
  /** Items staff sent back with a reason code, every time (a re-upload does not take it back). */
  sentBack: (reasonCode: string) => `sent-back#${reasonCode}`,
} as const;

/** Clearance times beyond a year are counted as a year: the histogram stays bounded. */
export const MAX_COUNTED_DAYS = 365;
/** Verification times beyond 30 days are counted as 30 days. */
export const MAX_COUNTED_HOURS = 720;
const HOUR_MS = 3_600_000;

/** Whole hours from submission to a staff decision on a requirement, capped; undefined when none. */
export const hoursToStaffDecision = (requirement: PlacementRequirement): number | undefined => {
  const decidedAt = requirement.verifiedAt ?? requirement.sentBackAt;
  if (requirement.submittedAt === undefined || decidedAt === undefined) return undefined;
  const hours = Math.floor((Date.parse(decidedAt) - Date.parse(requirement.submittedAt)) / HOUR_MS);
  return Math.min(MAX_COUNTED_HOURS, Math.max(0, hours));
};

const DAY_MS = 86_400_000;

/** When the placement was cleared: the site's approval that cleared it. */
export const clearedAtOf = (placement: Placement): string | undefined =>
  placement.status === 'CLEARED' && placement.decision?.decision === 'approve'
    ? placement.decision.at
    : undefined;

/** Whole days from creation to clearance, capped. */
export const daysToClearance = (placement: Placement): number | undefined => {
  const clearedAt = clearedAtOf(placement);
  if (clearedAt === undefined) return undefined;
  const days = Math.floor((Date.parse(clearedAt) - Date.parse(placement.createdAt)) / DAY_MS);
  return Math.min(MAX_COUNTED_DAYS, Math.max(0, days));
};

/** The counters one placement adds to, and by how much. */
export const counterContributions = (placement: Placement): ReadonlyMap<string, number> => {
  const { siteId, program, status } = placement;
  const contributions = new Map<string, number>([
    [counterNames.status(status), 1],
    [counterNames.siteStatus(siteId, status), 1],
    [counterNames.programStatus(siteId, program, status), 1],
  ]);
  const submitted = placement.requirements.filter((requirement) => requirement.status === 'SUBMITTED').length;
  if (submitted > 0) contributions.set(counterNames.submitted(), submitted);
  const waitingOn = waitingOnOf(placement);
  if (waitingOn !== undefined) contributions.set(counterNames.waitingOn(waitingOn), 1);
  const add = (counter: string, by: number) =>
    contributions.set(counter, (contributions.get(counter) ?? 0) + by);
  for (const requirement of placement.requirements) {
    const hours = hoursToStaffDecision(requirement);
    if (hours === undefined) continue;
    add(counterNames.decidedAfterHours(hours), 1);
    add(counterNames.programDecidedAfterHours(siteId, program, hours), 1);
  }
  for (const [reasonCode, times] of Object.entries(placement.sentBackReasons ?? {})) {
    if (times > 0) add(counterNames.sentBack(reasonCode), times);
  }
  const days = daysToClearance(placement);
  if (days !== undefined) {
    contributions.set(counterNames.clearedAfterDays(days), 1);
    contributions.set(counterNames.programClearedAfterDays(siteId, program, days), 1);
  }
  return contributions;
};

export interface CounterDelta {
  readonly counter: string;
  readonly by: number;
}

/** What a write from `before` (undefined: a new placement) to `after` changes, without the zeros. */
export const counterDeltas = (before: Placement | undefined, after: Placement): CounterDelta[] => {
  const totals = new Map<string, number>();
  for (const [counter, amount] of before ? counterContributions(before) : []) {
    totals.set(counter, (totals.get(counter) ?? 0) - amount);
  }
  for (const [counter, amount] of counterContributions(after)) {
    totals.set(counter, (totals.get(counter) ?? 0) + amount);
  }
  return [...totals].filter(([, by]) => by !== 0).map(([counter, by]) => ({ counter, by }));
};

/** A histogram of whole days (or hours): value → how many. */
export type Histogram = ReadonlyMap<number, number>;

/**
 * The value at fraction `q` (0.5 the median, 0.9 the 90th percentile) of a histogram, by the
 * nearest-rank method; undefined for an empty histogram.
 */
export const histogramQuantile = (histogram: Histogram, q: number): number | undefined => {
  const entries = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen >= rank) return value;
  }
  return entries.at(-1)?.[0];
};
