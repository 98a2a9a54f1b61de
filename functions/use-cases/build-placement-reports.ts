import { addDays, latestCalendarDateOf } from '../core/calendar-date.js';
import { evidenceLapsesOn } from '../core/evidence-lapse.js';
import type { Placement } from '../core/model/placement.js';
import { type Histogram, histogramQuantile } from '../core/placement-counters.js';
import type { Ports } from '../core/ports.js';
import { requirementCodeOf, resolveRequirement } from '../core/requirement-catalogue.js';

/** A median and 90th percentile of a duration, and how many cases were measured. */
export interface DurationStats {
  median?: number;
  p90?: number;
  count: number;
}

export interface SiteProgramReport {
  siteId: string;
  siteName: string;
  program: string;
  byStatus: Record<string, number>;
  /** Whole days from creation to clearance. */
  clearanceDays: DurationStats;
  /** Whole hours from upload to a staff decision. */
  verificationHours: DurationStats;
}

export interface LapsingEvidence {
  placementId: string;
  studentName: string;
  siteName: string;
  requirementTitle: string;
  lapsesOn: string;
  endDate: string;
}

export interface PlacementReports {
  rows: SiteProgramReport[];
  /** Items sent back per reason code, most first. */
  sentBack: Array<{ reasonCode: string; count: number }>;
  lapsing: LapsingEvidence[];
  /** False when the lapsing list stopped at its bound ({@link LAPSING_MAX_PLACEMENTS}) before the end. */
  lapsingComplete: boolean;
}

/** How far ahead the lapsing list looks. */
export const LAPSING_WINDOW_DAYS = 30;
/** Rotations longer than this are not looked at by the lapsing list (its bound on the start-date range). */
export const MAX_ROTATION_DAYS = 365;
/** The lapsing list reads at most this many running, cleared placements (and their students' documents). */
export const LAPSING_MAX_PLACEMENTS = 200;

const PROGRAM_STATUS = /^site#([^#]+)#program#(.+)#status#([A-Z_]+)$/;
const PROGRAM_CLEARED = /^site#([^#]+)#program#(.+)#cleared-days#(\d+)$/;
const PROGRAM_DECIDED = /^site#([^#]+)#program#(.+)#decided-hours#(\d+)$/;
const SENT_BACK = /^sent-back#([A-Z_]+)$/;

const stats = (histogram: Histogram): DurationStats => {
  const count = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  const median = histogramQuantile(histogram, 0.5);
  const p90 = histogramQuantile(histogram, 0.9);
  return { count, ...(median === undefined ? {} : { median }), ...(p90 === undefined ? {} : { p90 }) };
};

/**
 * The console's reports. Every number but the lapsing list comes from the counters (one read of the
 * counters partition, the same at 100 placements as at 100,000; docs/data-model.md): per site and
 * program the counts by status and histograms of days to clearance and hours to a staff decision,
 * and the items sent back per reason code. The lapsing list is bounded instead: the cleared
 * placements whose rotation started in the last {@link MAX_ROTATION_DAYS} days (the start-date
 * index), still running today, at most {@link LAPSING_MAX_PLACEMENTS} of them, each student's
 * documents read once; `lapsingComplete` says whether it got to the end.
 */
export const buildPlacementReports = async (
  ports: Pick<Ports, 'counters' | 'sites' | 'placements' | 'documents' | 'clock'>,
): Promise<PlacementReports> => {
  const [counters, sites] = await Promise.all([ports.counters.readCounters(), ports.sites.listSites()]);
  const siteNames = new Map(sites.map((site) => [site.siteId, site.name]));
  const rows = new Map<
    string,
    {
      siteId: string;
      program: string;
      byStatus: Record<string, number>;
      cleared: Map<number, number>;
      decided: Map<number, number>;
    }
  >();
  const rowOf = (siteId: string, program: string) => {
    const key = JSON.stringify([siteId, program]);
    let row = rows.get(key);
    if (!row) {
      row = { siteId, program, byStatus: {}, cleared: new Map(), decided: new Map() };
      rows.set(key, row);
    }
    return row;
  };
  const sentBack: Array<{ reasonCode: string; count: number }> = [];
  for (const [name, value] of counters) {
    if (value <= 0) continue;
    let match = PROGRAM_STATUS.exec(name);
    if (match?.[1] && match[2] !== undefined && match[3]) {
      rowOf(match[1], match[2]).byStatus[match[3]] = value;
      continue;
    }
    match = PROGRAM_CLEARED.exec(name);
    if (match?.[1] && match[2] !== undefined && match[3]) {
      rowOf(match[1], match[2]).cleared.set(Number(match[3]), value);
      continue;
    }
    match = PROGRAM_DECIDED.exec(name);
    if (match?.[1] && match[2] !== undefined && match[3]) {
      rowOf(match[1], match[2]).decided.set(Number(match[3]), value);
      continue;
    }
    match = SENT_BACK.exec(name);
    if (match?.[1]) sentBack.push({ reasonCode: match[1], count: value });
  }
  const { lapsing, complete } = await lapsingEvidence(ports);
  return {
    rows: [...rows.values()]
      .map((row) => ({
        siteId: row.siteId,
        siteName: siteNames.get(row.siteId) ?? row.siteId,
        program: row.program,
        byStatus: row.byStatus,
        clearanceDays: stats(row.cleared),
        verificationHours: stats(row.decided),
      }))
      .sort((a, b) => a.siteName.localeCompare(b.siteName) || a.program.localeCompare(b.program)),
    sentBack: sentBack.sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode)),
    lapsing,
    lapsingComplete: complete,
  };
};

/** Evidence of running, cleared rotations that stops counting within the window and before the rotation ends. */
const lapsingEvidence = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'clock'>,
): Promise<{ lapsing: LapsingEvidence[]; complete: boolean }> => {
  const today = latestCalendarDateOf(ports.clock.now());
  const horizon = addDays(today, LAPSING_WINDOW_DAYS);
  const running: Placement[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.placements.listPlacements({
      status: 'CLEARED',
      startFrom: addDays(today, -MAX_ROTATION_DAYS),
      startTo: today,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    running.push(...page.items.filter((placement) => placement.endDate >= today));
    cursor = page.cursor;
  } while (cursor && running.length < LAPSING_MAX_PLACEMENTS);
  const lapsing: LapsingEvidence[] = [];
  for (const placement of running.slice(0, LAPSING_MAX_PLACEMENTS)) {
    const documents = new Map(
      (await ports.documents.listStudentDocuments(placement.student.id)).map((d) => [d.documentId, d]),
    );
    for (const requirement of placement.requirements) {
      const document = requirement.documentId ? documents.get(requirement.documentId) : undefined;
      if (requirement.status !== 'ACCEPTED' || !document) continue;
      const spec =
        placement.rules.find((rule) => requirementCodeOf(rule) === requirement.code) ?? requirement.code;
      const lapsesOn = evidenceLapsesOn(resolveRequirement(spec).rule, document);
      if (lapsesOn === undefined || lapsesOn < today || lapsesOn > horizon || lapsesOn >= placement.endDate)
        continue;
      lapsing.push({
        placementId: placement.placementId,
        studentName: placement.student.name,
        siteName: placement.siteName,
        requirementTitle: requirement.title,
        lapsesOn,
        endDate: placement.endDate,
      });
    }
  }
  return {
    lapsing: lapsing.sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn)),
    complete: cursor === undefined && running.length <= LAPSING_MAX_PLACEMENTS,
  };
};
