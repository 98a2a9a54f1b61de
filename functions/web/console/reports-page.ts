import { displayDate } from '../display-date.js';
import { html } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { barChart } from './bar-chart.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import type { DurationSummary } from './dashboard-page.js';
import { dataTable, emptyState } from './data-table.js';
import { displayCount, displayDays, displayHours } from './duration-display.js';
import { PLACEMENT_STATUS_LABELS } from './placement-status-label.js';
import { rejectionReasonLabel } from './rejection-reasons.js';

/** One site and program's numbers. */
export interface ReportRowView {
  readonly siteName: string;
  readonly program: string;
  /** Placements per status; statuses not listed count as zero. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Days from creation to clearance. */
  readonly clearanceDays: DurationSummary;
  /** Hours from upload to a verifier's decision. */
  readonly verificationHours: DurationSummary;
}

/** Evidence on file that stops being valid within 30 days while its rotation is still running. */
export interface LapsingEvidenceView {
  readonly placementId: string;
  readonly studentName: string;
  readonly siteName: string;
  readonly requirementTitle: string;
  /** The last day the evidence counts. */
  readonly lapsesOn: string;
  readonly endDate: string;
}

export interface ReportsView {
  readonly rows: readonly ReportRowView[];
  /** Documents sent back, per reason code, most first. */
  readonly sentBack: ReadonlyArray<{ reasonCode: string; count: number }>;
  readonly lapsing: readonly LapsingEvidenceView[];
  /** The lapsing list stopped at its bound (the first running rotations only); the page says so. */
  readonly lapsingIncomplete?: boolean;
}

const SHOWN_STATUSES = [
  'AWAITING_DOCUMENTS',
  'AWAITING_SITE_APPROVAL',
  'CLEARED',
  'DECLINED',
  'EXPIRED',
  'CANCELLED',
  'FAILED',
];

const duration = (summary: DurationSummary, show: (value?: number) => string) =>
  summary.count === 0
    ? 'Not measured yet'
    : html`${show(summary.median)}<br><span class="hint">p90 ${show(summary.p90)}</span>`;

/** Reports: per site and program counts and timings, reasons documents are sent back, evidence about to lapse. */
export const renderReportsPage = (context: ConsoleContext, view: ReportsView): RenderedPage => {
  const links = consoleLinks(context.basePath);
  if (view.rows.length === 0) {
    return renderConsolePage(context, {
      title: 'Reports',
      section: 'reports',
      main: emptyState(
        'Nothing to report yet',
        html`<p>Reports fill in as placements are created and move through onboarding. Come back once this term’s placements are in.</p>`,
      ),
    });
  }
  const sentBack = [...view.sentBack].sort((a, b) => b.count - a.count);
  const main = html`<section class="section" aria-labelledby="by-site-heading">
<h2 id="by-site-heading">By site and program</h2>
${dataTable({
  id: 'report-rows',
  caption: 'Placements by status, and median (with 90th percentile) time to clearance and to verification',
  rows: view.rows,
  columns: [
    {
      header: 'Site and program',
      cell: (row) => html`${row.siteName}<br><span class="hint">${row.program}</span>`,
    },
    ...SHOWN_STATUSES.map((status) => ({
      header: PLACEMENT_STATUS_LABELS[status] ?? status,
      cell: (row: ReportRowView) => displayCount(row.byStatus[status] ?? 0),
      numeric: true,
    })),
    { header: 'Days to clearance', cell: (row) => duration(row.clearanceDays, displayDays) },
    { header: 'Time to verification', cell: (row) => duration(row.verificationHours, displayHours) },
  ],
})}
</section>
<section class="section" aria-labelledby="sent-back-heading">
<h2 id="sent-back-heading">Why documents are sent back</h2>
${
  sentBack.length === 0
    ? html`<p>No document has been sent back yet.</p>`
    : html`${barChart({ id: 'sent-back-chart', caption: 'Documents sent back, by reason', bars: sentBack.map((row) => ({ label: rejectionReasonLabel(row.reasonCode), value: row.count })) })}
${dataTable({
  id: 'sent-back',
  caption: 'Documents sent back, by reason (the numbers of the chart)',
  rows: sentBack,
  columns: [
    { header: 'Reason', cell: (row) => rejectionReasonLabel(row.reasonCode) },
    { header: 'Documents', cell: (row) => displayCount(row.count), numeric: true },
  ],
})}`
}
</section>
<section class="section" aria-labelledby="lapsing-heading">
<h2 id="lapsing-heading">Evidence lapsing within 30 days of a running rotation</h2>
${view.lapsingIncomplete && html`<p class="notice notice--warning">This list covers the first 200 running, cleared rotations only.</p>`}
${
  view.lapsing.length === 0
    ? html`<p class="notice notice--done">No evidence on file lapses within 30 days while its rotation is running.</p>`
    : dataTable({
        id: 'lapsing',
        caption: `${view.lapsing.length} documents lapse within 30 days`,
        rows: [...view.lapsing].sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn)),
        columns: [
          {
            header: 'Student',
            cell: (row) => html`<a href="${links.placement(row.placementId)}">${row.studentName}</a>`,
          },
          { header: 'Requirement', cell: (row) => row.requirementTitle },
          { header: 'Site', cell: (row) => row.siteName },
          { header: 'Lapses on', cell: (row) => displayDate(row.lapsesOn) },
          { header: 'Rotation ends', cell: (row) => displayDate(row.endDate) },
        ],
      })
}
</section>`;
  return renderConsolePage(context, { title: 'Reports', section: 'reports', main });
};
