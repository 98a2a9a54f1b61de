import { type HtmlValue, html, type SafeHtml } from '../html.js';

/** One column of a data table. */
export interface TableColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => HtmlValue;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

export interface DataTableOptions<Row> {
  /** Unique on the page (the caption's id; the scrolling region is named by it). */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly TableColumn<Row>[];
  readonly rows: readonly Row[];
  /** Extra classes on the table. */
  readonly className?: string;
}

/**
 * A table with a caption and column headers; the first cell of each row is its row header. On a
 * narrow screen it scrolls sideways inside a focusable, named region (keyboard users can scroll it).
 */
export const dataTable = <Row>(options: DataTableOptions<Row>): SafeHtml => {
  const numeric = (column: TableColumn<Row>) => column.numeric && html` class="number"`;
  return html`<div class="table-wrap" role="region" aria-labelledby="${options.id}-caption" tabindex="0">
<table class="data-table${options.className ? ` ${options.className}` : ''}" id="${options.id}">
<caption id="${options.id}-caption">${options.caption}</caption>
<thead><tr>${options.columns.map((column) => html`<th scope="col"${numeric(column)}>${column.header}</th>`)}</tr></thead>
<tbody>
${options.rows.map(
  (row) =>
    html`<tr>${options.columns.map((column, index) =>
      index === 0
        ? html`<th scope="row"${numeric(column)}>${column.cell(row)}</th>`
        : html`<td${numeric(column)}>${column.cell(row)}</td>`,
    )}</tr>`,
)}
</tbody>
</table>
</div>`;
};

/** A "nothing here yet" box: what is missing and what to do about it. */
export const emptyState = (heading: string, body: HtmlValue): SafeHtml =>
  html`<section class="empty-state" aria-labelledby="empty-heading">
<h2 id="empty-heading">${heading}</h2>
${body}
</section>`;
