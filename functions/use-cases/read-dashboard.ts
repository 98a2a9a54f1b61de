import { PLACEMENT_STATUSES, type Placement } from '../core/model/placement.js';
import { counterNames, type Histogram, histogramQuantile } from '../core/placement-counters.js';
import { isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { type WaitingOn, waitingOnOf } from '../core/waiting-on.js';
import { listVerificationQueue } from './list-verification-queue.js';

const WAITING_ON: readonly WaitingOn[] = ['student', 'school', 'site'];
const OPEN_STATUSES = new Set(['CHECKING', 'AWAITING_DOCUMENTS', 'AWAITING_SITE_APPROVAL']);
/** Rotations starting within this many days that are not cleared are listed. */
export const STARTING_SOON_DAYS = 14;
/** At most this many of them are read (one page of the start-date index). */
export const STARTING_SOON_LIMIT = 20;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DurationSummary {
  readonly median?: number;
  readonly p90?: number;
  readonly count: number;
}

export interface Dashboard {
  readonly byStatus: Readonly<Record<string, number>>;
  readonly bySite: ReadonlyArray<{ siteId: string; siteName: string; open: number; cleared: number }>;
  readonly waitingOn: Readonly<Record<WaitingOn, number>>;
  readonly startingSoon: ReadonlyArray<{
    placementId: string;
    studentName: string;
    siteName: string;
    startDate: string;
    status: string;
    waitingOn?: WaitingOn;
  }>;
  readonly queue: { readonly size: number; readonly oldestAgeHours?: number };
  readonly timeToClearanceDays: DurationSummary;
  readonly timeToVerificationHours: DurationSummary;
}

/** The histogram kept in the counters named `prefix<value>` (whole days or hours). */
const histogramOf = (counters: ReadonlyMap<string, number>, prefix: string): Histogram => {
  const histogram = new Map<number, number>();
  for (const [name, count] of counters) {
    if (!name.startsWith(prefix)) continue;
    const value = Number(name.slice(prefix.length));
    if (Number.isInteger(value) && count > 0) histogram.set(value, count);
  }
  return histogram;
};

const summary = (histogram: Histogram): DurationSummary => {
  const count = [...histogram.values()].reduce((sum, value) => sum + value, 0);
  const median = histogramQuantile(histogram, 0.5);
  const p90 = histogramQuantile(histogram, 0.9);
  return { count, ...(median === undefined ? {} : { median }), ...(p90 === undefined ? {} : { p90 }) };
};

const calendarDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * The console's dashboard. Its reads are bounded whatever the number of placements: the counters
 * (one query of the counter items, kept with each placement write), the sites list, one queue item
 * (the oldest) and one page of the start-date index (the next 14 days, at most 20 placements); never
 * a scan.
 */
export const readDashboard = async (
  ports: Pick<Ports, 'counters' | 'sites' | 'placements' | 'verificationQueue' | 'clock'>,
): Promise<Dashboard> => {
  const now = ports.clock.now();
  const today = calendarDate(now);
  const [counters, sites, oldest, soon] = await Promise.all([
    ports.counters.readCounters(),
    ports.sites.listSites(),
    listVerificationQueue(ports, { limit: '1' }),
    ports.placements.listPlacements({
      startFrom: today,
      startTo: calendarDate(new Date(now.getTime() + STARTING_SOON_DAYS * DAY_MS)),
      limit: STARTING_SOON_LIMIT,
    }),
  ]);
  const count = (name: string) => Math.max(0, counters.get(name) ?? 0);
  const byStatus = Object.fromEntries(
    PLACEMENT_STATUSES.map((status) => [status, count(counterNames.status(status))]),
  );
  const bySite = sites.map((site) => ({
    siteId: site.siteId,
    siteName: site.name,
    open: [...OPEN_STATUSES].reduce(
      (sum, status) => sum + count(counterNames.siteStatus(site.siteId, status)),
      0,
    ),
    cleared: count(counterNames.siteStatus(site.siteId, 'CLEARED')),
  }));
  const waitingOn = Object.fromEntries(
    WAITING_ON.map((who) => [who, count(counterNames.waitingOn(who))]),
  ) as Record<WaitingOn, number>;
  const oldestItem = oldest.items[0];
  const startingSoon = soon.items
    .filter((placement: Placement) => !isTerminalStatus(placement.status))
    .map((placement) => {
      const waiting = waitingOnOf(placement);
      return {
        placementId: placement.placementId,
        studentName: placement.student.name,
        siteName: placement.siteName,
        startDate: placement.startDate,
        status: placement.status,
        ...(waiting ? { waitingOn: waiting } : {}),
      };
    });
  return {
    byStatus,
    bySite,
    waitingOn,
    startingSoon,
    queue: {
      size: count(counterNames.submitted()),
      ...(oldestItem
        ? {
            oldestAgeHours: Math.max(
              0,
              Math.floor((now.getTime() - Date.parse(oldestItem.submittedAt)) / HOUR_MS),
            ),
          }
        : {}),
    },
    timeToClearanceDays: summary(histogramOf(counters, counterNames.clearedAfterDays(0).slice(0, -1))),
    timeToVerificationHours: summary(histogramOf(counters, counterNames.decidedAfterHours(0).slice(0, -1))),
  };
};
