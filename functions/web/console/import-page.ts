import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { errorSummary, type FieldIssue, inputField, postForm } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { dataTable } from './data-table.js';
import { displayCount } from './duration-display.js';

/** A problem with one cell of the CSV: its row number (the header is row 1), column and message. */
export interface ImportRowIssue {
  readonly row: number;
  /** The column (or API field) at fault, e.g. `startDate`, `student.email`. */
  readonly field: string;
  readonly message: string;
}

/**
 * The import page in one of its states:
 * - `choose`: the file form (with an error when the file could not be read at all);
 * - `invalid`: every bad row by number; nothing was created;
 * - `confirm`: every row is good; how many placements will be created, and a button to start;
 * - `progress`: the run, with a progress bar and a "Continue" button that creates the next rows.
 */
export type ImportView =
  | { readonly state: 'choose'; readonly errors?: readonly FieldIssue[] }
  | {
      readonly state: 'invalid';
      readonly fileName: string;
      readonly rows: number;
      readonly issues: readonly ImportRowIssue[];
    }
  | {
      readonly state: 'confirm';
      readonly fileName: string;
      /** The checked import, kept by the server until it is started. */
      readonly importId: string;
      readonly toCreate: number;
      /** Rows that match placements that already exist (created before): they are left alone. */
      readonly alreadyExist: number;
    }
  | {
      readonly state: 'progress';
      readonly importId: string;
      readonly fileName: string;
      readonly total: number;
      readonly created: number;
      readonly alreadyExisted: number;
      /** Rows that failed while creating (e.g. an agreement lapsed since the check), by number. */
      readonly failed: readonly ImportRowIssue[];
      readonly finished: boolean;
    };

export const IMPORT_COLUMNS =
  'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';

const fileForm = (context: ConsoleContext, errors: readonly FieldIssue[] = []): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const fileErrors = errors.map((issue) => issue.message);
  return html`${errorSummary(
    'The file could not be checked',
    fileErrors.map((text) => ({ text, fieldId: 'import-file' })),
  )}
<section class="card" aria-labelledby="import-choose">
<h2 id="import-choose">Choose a CSV file</h2>
<p>One placement per row, with a header row: <code>${IMPORT_COLUMNS}</code>. Dates as YYYY-MM-DD.</p>
<p>The file is checked first: if any row has a problem, you see every one by its row number and nothing is created. Importing the same file again creates nothing twice.</p>
${postForm(
  { action: links.importPlacements, csrfToken: context.csrfToken, enctype: 'multipart/form-data' },
  html`${inputField({ id: 'import-file', name: 'file', type: 'file', label: 'CSV file', hint: 'A .csv file up to 5 MB.', required: true, errors: fileErrors, attributes: { accept: '.csv,text/csv' } })}
<button type="submit">Check the file</button>`,
)}
</section>`;
};

const issuesTable = (id: string, caption: string, issues: readonly ImportRowIssue[]): SafeHtml =>
  dataTable({
    id,
    caption,
    className: 'row-errors',
    rows: [...issues].sort((a, b) => a.row - b.row),
    columns: [
      { header: 'Row', cell: (issue) => `Row ${issue.row}`, numeric: true },
      { header: 'Field', cell: (issue) => issue.field },
      { header: 'Problem', cell: (issue) => issue.message },
    ],
  });

const invalidView = (context: ConsoleContext, view: Extract<ImportView, { state: 'invalid' }>): SafeHtml => {
  const rowsWithProblems = new Set(view.issues.map((issue) => issue.row)).size;
  return html`<div class="notice notice--problem" role="alert">
<p><strong>Nothing was created.</strong> ${displayCount(rowsWithProblems)} of the ${displayCount(view.rows)} rows in ${view.fileName} have problems. Fix them in the file, then check it again.</p>
</div>
${issuesTable('import-issues', `Problems in ${view.fileName}, by row`, view.issues)}
${fileForm(context)}`;
};

const confirmView = (context: ConsoleContext, view: Extract<ImportView, { state: 'confirm' }>): SafeHtml => {
  const links = consoleLinks(context.basePath);
  return html`<section class="card" aria-labelledby="import-ready">
<h2 id="import-ready">${view.fileName} is ready to import</h2>
<p class="lead">Every row is good. <strong>${displayCount(view.toCreate)} placements</strong> will be created${view.alreadyExist > 0 ? html`; ${displayCount(view.alreadyExist)} rows match placements that already exist and are left as they are` : ''}.</p>
<p>Each student gets their onboarding email as their placement is created.</p>
${postForm(
  { action: links.importRun(view.importId), csrfToken: context.csrfToken },
  html`<div class="actions-row"><button type="submit">Create ${displayCount(view.toCreate)} placements</button><a href="${links.importPlacements}">Choose another file</a></div>`,
)}
</section>`;
};

const progressView = (
  context: ConsoleContext,
  view: Extract<ImportView, { state: 'progress' }>,
): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const done = view.created + view.alreadyExisted + view.failed.length;
  const percent = view.total === 0 ? 100 : Math.floor((done / view.total) * 100);
  return html`<section class="card" aria-labelledby="import-progress">
<h2 id="import-progress">${view.finished ? 'Import finished' : 'Importing'} ${view.fileName}</h2>
<label for="import-progress-bar">${displayCount(done)} of ${displayCount(view.total)} rows done (${percent}%)</label>
<progress id="import-progress-bar" max="${view.total}" value="${done}">${percent}%</progress>
<p>${displayCount(view.created)} created, ${displayCount(view.alreadyExisted)} already existed, ${displayCount(view.failed.length)} failed.</p>
${
  view.finished
    ? html`<p><a href="${links.placements}">See the placements</a></p>`
    : postForm(
        { action: links.importRun(view.importId), csrfToken: context.csrfToken },
        html`<p>Each step creates the next rows. You can leave and come back: rows already created are never created twice.</p>
<button type="submit">Continue</button>`,
      )
}
</section>
${
  view.failed.length > 0 &&
  html`<p class="notice notice--problem">Some rows could not be created. Fix them in the file and import it again: rows already created are not created twice.</p>
${issuesTable('import-failures', 'Rows that could not be created', view.failed)}`
}`;
};

/** The CSV import: choose a file, see every bad row by number (nothing created), confirm the count, watch the progress. */
export const renderImportPage = (context: ConsoleContext, view: ImportView): RenderedPage => {
  let main: SafeHtml;
  let failed = false;
  switch (view.state) {
    case 'choose':
      main = fileForm(context, view.errors);
      failed = (view.errors?.length ?? 0) > 0;
      break;
    case 'invalid':
      main = invalidView(context, view);
      failed = true;
      break;
    case 'confirm':
      main = confirmView(context, view);
      break;
    case 'progress':
      main = progressView(context, view);
      break;
  }
  return renderConsolePage(context, {
    title: `${failed ? 'Error: ' : ''}Import placements`,
    heading: 'Import placements',
    section: 'import',
    main,
  });
};
