import { mayPerform } from '../../staff-auth/console-permissions.js';
import { displayDate } from '../display-date.js';
import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { barChart } from './bar-chart.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks, queryString } from './console-links.js';
import { dataTable, emptyState } from './data-table.js';
import { displayCount, displayDays, displayHours } from './duration-display.js';
import {
  PLACEMENT_STATUS_LABELS,
  placementStatusClass,
  placementStatusLabel,
  type WaitingOn,
  waitingOnLabel,
} from './placement-status-label.js';

/** A median and 90th percentile of some duration, and how many cases they were measured over. */
export interface DurationSummary {
  readonly median?: number;
  readonly p90?: number;
  /** How many placements (or documents) were measured. */
  readonly count: number;
}

/** One rotation starting soon that is not cleared yet. */
export interface StartingSoonView {
  readonly placementId: string;
  readonly studentName: string;
  readonly siteName: string;
  readonly startDate: string;
  readonly status: string;
  readonly waitingOn?: WaitingOn;
}

/** The dashboard's numbers, kept as placements change (the handler reads counters, never scans). */
export interface DashboardView {
  /** Placements per status; statuses not listed count as zero. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Per site: open (not finished) and cleared placements. */
  readonly bySite: ReadonlyArray<{ siteId: string; siteName: string; open: number; cleared: number }>;
  /** Open placements by who they wait on. */
  readonly waitingOn: Readonly<Record<WaitingOn, number>>;
  /** Rotations starting within 14 days that are not cleared, soonest first. */
  readonly startingSoon: readonly StartingSoonView[];
  /** The verification queue: documents waiting and the oldest one's age in hours. */
  readonly queue: { readonly size: number; readonly oldestAgeHours?: number };
  /** Days from creation to clearance. */
  readonly timeToClearanceDays: DurationSummary;
  /** Hours from upload to a verifier's decision. */
  readonly timeToVerificationHours: DurationSummary;
  /** Agreements that expire within 90 days. */
  readonly agreementsExpiring?: ReadonlyArray<{
    siteId: string;
    siteName: string;
    reference: string;
    expiresOn: string;
  }>;
}

const total = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

const stat = (label: string, value: string, note?: string): SafeHtml =>
  html`<div class="stat"><dt>${label}</dt><dd>${value}${note && html`<small>${note}</small>`}</dd></div>`;

const durationStats = (label: string, summary: DurationSummary, show: (value?: number) => string) =>
  summary.count === 0
    ? stat(label, 'Not measured yet', 'Nothing has finished this step yet.')
    : stat(
        label,
        show(summary.median),
        `Median. 90th percentile ${show(summary.p90)}; over ${displayCount(summary.count)}.`,
      );

const emptyDashboard = (context: ConsoleContext): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const canSetUp = mayPerform(context.staff.role, 'edit-site');
  return emptyState(
    'No placements yet',
    canSetUp
      ? html`<p>Once placements exist, this page shows where each one stands and what is holding it up.</p>
<p>To start: <a href="${links.sites}">add your sites and their requirements</a>, then <a href="${links.importPlacements}">import this term’s placements from a CSV file</a>.</p>`
      : html`<p>Once the placement coordinators add placements, this page shows where each one stands and what is holding it up. Nothing needs doing here yet.</p>`,
  );
};

/** The dashboard: placements by status and site, who they wait on, rotations about to start, the queue, timings. */
export const renderDashboardPage = (context: ConsoleContext, view: DashboardView): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const placements = total(view.byStatus);
  if (placements === 0) {
    return renderConsolePage(context, {
      title: 'Dashboard',
      section: 'dashboard',
      main: emptyDashboard(context),
    });
  }
  const statuses = Object.keys(PLACEMENT_STATUS_LABELS).map((status) => ({
    status,
    label: placementStatusLabel(status),
    count: view.byStatus[status] ?? 0,
  }));
  const queueLink = mayPerform(context.staff.role, 'verify-document');
  const main = html`<p class="lead">${displayCount(placements)} placements in all.</p>
<dl class="grid grid--stats">
${stat('Waiting on students', displayCount(view.waitingOn.student))}
${stat('Waiting on the school', displayCount(view.waitingOn.school), 'Documents to verify')}
${stat('Waiting on sites', displayCount(view.waitingOn.site))}
${stat('Verification queue', `${displayCount(view.queue.size)} documents`, view.queue.size > 0 ? `Oldest waiting ${displayHours(view.queue.oldestAgeHours)}` : 'Nothing waiting')}
${durationStats('Time to clearance', view.timeToClearanceDays, displayDays)}
${durationStats('Time to verification', view.timeToVerificationHours, displayHours)}
</dl>
${queueLink && view.queue.size > 0 && html`<p><a href="${links.queue}">Open the verification queue</a></p>`}
<section class="section" aria-labelledby="soon-heading">
<h2 id="soon-heading">Starting within 14 days and not cleared</h2>
${
  view.startingSoon.length === 0
    ? html`<p class="notice notice--done">Every rotation starting in the next 14 days is cleared.</p>`
    : dataTable({
        id: 'starting-soon',
        caption: `${view.startingSoon.length} rotations start within 14 days and are not cleared`,
        rows: view.startingSoon,
        columns: [
          {
            header: 'Student',
            cell: (row) => html`<a href="${links.placement(row.placementId)}">${row.studentName}</a>`,
          },
          { header: 'Site', cell: (row) => row.siteName },
          { header: 'Starts', cell: (row) => displayDate(row.startDate) },
          {
            header: 'Status',
            cell: (row) =>
              html`<span class="${placementStatusClass(row.status)}">${placementStatusLabel(row.status)}</span>`,
          },
          { header: 'Waiting on', cell: (row) => waitingOnLabel(row.waitingOn) },
        ],
      })
}
</section>
<div class="grid grid--laptop-2">
<section class="section" aria-labelledby="status-heading">
<h2 id="status-heading">By status</h2>
${barChart({ id: 'status-chart', caption: 'Placements by status', bars: statuses.map((row) => ({ label: row.label, value: row.count })) })}
${dataTable({
  id: 'by-status',
  caption: 'Placements by status (the numbers of the chart)',
  rows: statuses,
  columns: [
    {
      header: 'Status',
      cell: (row) =>
        html`<a href="${links.placements}${queryString({ status: row.status })}">${row.label}</a>`,
    },
    { header: 'Placements', cell: (row) => displayCount(row.count), numeric: true },
  ],
})}
</section>
<section class="section" aria-labelledby="site-heading">
<h2 id="site-heading">By site</h2>
${dataTable({
  id: 'by-site',
  caption: 'Open and cleared placements by site',
  rows: view.bySite,
  columns: [
    {
      header: 'Site',
      cell: (row) =>
        html`<a href="${links.placements}${queryString({ siteId: row.siteId })}">${row.siteName}</a>`,
    },
    { header: 'Open', cell: (row) => displayCount(row.open), numeric: true },
    { header: 'Cleared', cell: (row) => displayCount(row.cleared), numeric: true },
  ],
})}
</section>
</div>
${
  (view.agreementsExpiring?.length ?? 0) > 0 &&
  html`<section class="section" aria-labelledby="agreements-heading">
<h2 id="agreements-heading">Agreements expiring within 90 days</h2>
${dataTable({
  id: 'agreements',
  caption: 'Affiliation agreements that expire within 90 days',
  rows: view.agreementsExpiring ?? [],
  columns: [
    { header: 'Site', cell: (row) => html`<a href="${links.site(row.siteId)}">${row.siteName}</a>` },
    { header: 'Agreement', cell: (row) => row.reference },
    { header: 'Expires', cell: (row) => displayDate(row.expiresOn) },
  ],
})}
</section>`
}`;
  return renderConsolePage(context, { title: 'Dashboard', section: 'dashboard', main });
};
