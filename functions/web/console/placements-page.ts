import { displayDate } from '../display-date.js';
import { html } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { errorSummary, type FieldIssue, inputField, selectField } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { dataTable, emptyState } from './data-table.js';
import { pager } from './paging.js';
import {
  PLACEMENT_STATUS_LABELS,
  placementStatusClass,
  placementStatusLabel,
  type WaitingOn,
  waitingOnLabel,
} from './placement-status-label.js';

/** The list's filters, as the GET query gave them (`q` searches student id, name and email). */
export interface PlacementFilters {
  readonly status?: string;
  readonly siteId?: string;
  readonly program?: string;
  readonly startFrom?: string;
  readonly startTo?: string;
  readonly q?: string;
}

/** One row of the list. */
export interface PlacementRowView {
  readonly placementId: string;
  readonly studentId: string;
  readonly studentName: string;
  readonly studentEmail: string;
  readonly siteName: string;
  readonly program: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: string;
  readonly waitingOn?: WaitingOn;
}

export interface PlacementsListView {
  readonly filters: PlacementFilters;
  /** The sites and programs the filter form offers. */
  readonly sites: ReadonlyArray<{ siteId: string; name: string }>;
  readonly programs: readonly string[];
  readonly items: readonly PlacementRowView[];
  /** The opaque cursor of the next page, when there is one. */
  readonly nextCursor?: string;
  /** This page was reached with a cursor (not the first page). */
  readonly paged: boolean;
  /** Filters the API refused (`startFrom`, `startTo`, …): shown by the fields. */
  readonly errors?: readonly FieldIssue[];
}

const FILTER_FIELDS = ['q', 'status', 'siteId', 'program', 'startFrom', 'startTo'] as const;

const errorsFor = (errors: readonly FieldIssue[] | undefined, field: string): string[] =>
  (errors ?? []).filter((issue) => issue.path === field).map((issue) => issue.message);

/** The placements list: filters (GET), a table of placements with links, paging by cursor. */
export const renderPlacementsPage = (context: ConsoleContext, view: PlacementsListView): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const { filters, errors } = view;
  const filtered = FILTER_FIELDS.some((field) => (filters[field] ?? '') !== '');
  const summary = errorSummary(
    'These filters could not be used',
    (errors ?? []).map((issue) => ({
      text: `${issue.message}`,
      fieldId: (FILTER_FIELDS as readonly string[]).includes(issue.path) ? `filter-${issue.path}` : undefined,
    })),
  );
  const form = html`<form class="filters" method="get" action="${links.placements}" role="search" aria-label="Filter placements">
<div class="filters__fields">
${inputField({ id: 'filter-q', name: 'q', type: 'search', label: 'Student id, name or email', value: filters.q, className: 'field--wide', errors: errorsFor(errors, 'q') })}
${selectField({ id: 'filter-status', name: 'status', label: 'Status', emptyLabel: 'Any status', value: filters.status, errors: errorsFor(errors, 'status'), options: Object.entries(PLACEMENT_STATUS_LABELS).map(([value, label]) => ({ value, label })) })}
${selectField({ id: 'filter-siteId', name: 'siteId', label: 'Site', emptyLabel: 'Any site', value: filters.siteId, errors: errorsFor(errors, 'siteId'), options: view.sites.map((site) => ({ value: site.siteId, label: site.name })) })}
${selectField({ id: 'filter-program', name: 'program', label: 'Program', emptyLabel: 'Any program', value: filters.program, errors: errorsFor(errors, 'program'), options: view.programs.map((program) => ({ value: program, label: program })) })}
${inputField({ id: 'filter-startFrom', name: 'startFrom', type: 'date', label: 'Starts on or after', value: filters.startFrom, errors: errorsFor(errors, 'startFrom') })}
${inputField({ id: 'filter-startTo', name: 'startTo', type: 'date', label: 'Starts on or before', value: filters.startTo, errors: errorsFor(errors, 'startTo') })}
</div>
<div class="actions-row"><button type="submit">Show placements</button>${filtered && html`<a href="${links.placements}">Clear filters</a>`}</div>
</form>`;
  const list =
    view.items.length === 0
      ? emptyState(
          filtered ? 'No placements match these filters' : 'No placements yet',
          filtered
            ? html`<p>Try fewer filters, a wider date range, or part of the student’s name. <a href="${links.placements}">Show all placements</a>.</p>`
            : html`<p>Placements appear here as soon as they are created, one by one or by a CSV import.</p>`,
        )
      : dataTable({
          id: 'placements',
          caption: view.paged ? 'Placements (a later page)' : 'Placements',
          rows: view.items,
          columns: [
            {
              header: 'Student',
              cell: (row) =>
                html`<a href="${links.placement(row.placementId)}">${row.studentName}</a><br><span class="hint">${row.studentId}<br>${row.studentEmail}</span>`,
            },
            { header: 'Site', cell: (row) => row.siteName },
            { header: 'Program', cell: (row) => row.program },
            {
              header: 'Dates',
              cell: (row) =>
                html`<span class="nowrap">${displayDate(row.startDate)}</span> to<br><span class="nowrap">${displayDate(row.endDate)}</span>`,
            },
            {
              header: 'Status',
              cell: (row) =>
                html`<span class="${placementStatusClass(row.status)}">${placementStatusLabel(row.status)}</span>`,
            },
            { header: 'Waiting on', cell: (row) => waitingOnLabel(row.waitingOn) },
          ],
        });
  const main = html`${summary}
${form}
${list}
${pager({ path: links.placements, filters: { ...filters }, nextCursor: view.nextCursor, paged: view.paged, noun: 'placements' })}`;
  return renderConsolePage(context, {
    title: `${errors && errors.length > 0 ? 'Error: ' : ''}Placements`,
    heading: 'Placements',
    section: 'placements',
    main,
  });
};
