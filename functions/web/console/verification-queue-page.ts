import { displayDate, displayInstant } from '../display-date.js';
import { html } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { selectField } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { dataTable, emptyState } from './data-table.js';
import { displayHours } from './duration-display.js';
import { pager } from './paging.js';

/** One document waiting for a verifier. */
export interface QueueItemRowView {
  readonly placementId: string;
  readonly documentId: string;
  readonly requirementCode: string;
  readonly requirementTitle: string;
  readonly studentName: string;
  readonly studentId: string;
  readonly siteName: string;
  /** The rotation's start date. */
  readonly startDate: string;
  /** ISO-8601 instant of the upload. */
  readonly submittedAt: string;
  /** Hours since the upload. */
  readonly ageHours: number;
}

export interface VerificationQueueView {
  readonly filters: { readonly siteId?: string; readonly requirementCode?: string };
  readonly sites: ReadonlyArray<{ siteId: string; name: string }>;
  /** The requirements the filter offers (code and title). */
  readonly requirements: ReadonlyArray<{ code: string; title: string }>;
  /** Oldest first. */
  readonly items: readonly QueueItemRowView[];
  readonly nextCursor?: string;
  readonly paged: boolean;
}

/** The verification queue: documents waiting, oldest first, with the rotation's start and the wait. */
export const renderVerificationQueuePage = (
  context: ConsoleContext,
  view: VerificationQueueView,
): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const filtered = Boolean(view.filters.siteId || view.filters.requirementCode);
  const first = view.items[0];
  const main = html`<form class="filters" method="get" action="${links.queue}" aria-label="Filter the queue">
<div class="filters__fields">
${selectField({ id: 'queue-siteId', name: 'siteId', label: 'Site', emptyLabel: 'Any site', value: view.filters.siteId, options: view.sites.map((site) => ({ value: site.siteId, label: site.name })) })}
${selectField({ id: 'queue-requirementCode', name: 'requirementCode', label: 'Requirement', emptyLabel: 'Any requirement', value: view.filters.requirementCode, options: view.requirements.map((requirement) => ({ value: requirement.code, label: requirement.title })) })}
</div>
<div class="actions-row"><button type="submit">Show documents</button>${filtered && html`<a href="${links.queue}">Clear filters</a>`}</div>
</form>
${
  first === undefined
    ? emptyState(
        filtered ? 'No documents waiting for these filters' : 'Nothing to verify',
        filtered
          ? html`<p>Every document for this site or requirement has been decided. <a href="${links.queue}">Show the whole queue</a>.</p>`
          : html`<p>Every uploaded document has been verified or sent back. New uploads appear here, oldest first.</p>`,
      )
    : html`<p><a class="button" href="${links.queueItem(first.placementId, first.documentId)}">Start with the oldest document</a></p>
${dataTable({
  id: 'queue',
  caption: 'Documents waiting for verification, oldest first',
  rows: view.items,
  columns: [
    {
      header: 'Document',
      cell: (row) =>
        html`<a href="${links.queueItem(row.placementId, row.documentId)}">${row.requirementTitle}<span class="visually-hidden"> for ${row.studentName}</span></a>`,
    },
    {
      header: 'Student',
      cell: (row) => html`${row.studentName}<br><span class="hint">${row.studentId}</span>`,
    },
    { header: 'Site', cell: (row) => row.siteName },
    { header: 'Rotation starts', cell: (row) => displayDate(row.startDate) },
    { header: 'Uploaded', cell: (row) => displayInstant(row.submittedAt) },
    { header: 'Waiting', cell: (row) => displayHours(row.ageHours), numeric: true },
  ],
})}`
}
${pager({ path: links.queue, filters: { ...view.filters }, nextCursor: view.nextCursor, paged: view.paged, noun: 'documents' })}`;
  return renderConsolePage(context, { title: 'Verification queue', section: 'queue', main });
};
