import { mayPerform } from '../../staff-auth/console-permissions.js';
import { displayDate, displayDateRange, displayInstant } from '../display-date.js';
import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { errorSummary, type FieldIssue, inputField, postForm, selectField } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { type ConsoleLinks, consoleLinks, type PlacementAction } from './console-links.js';
import { dataTable } from './data-table.js';
import {
  consoleRequirementStatusClass,
  consoleRequirementStatusLabel,
  placementStatusClass,
  placementStatusLabel,
  type WaitingOn,
  waitingOnLabel,
} from './placement-status-label.js';

/** One checklist item of the placement. */
export interface PlacementRequirementView {
  readonly code: string;
  readonly title: string;
  readonly status: string;
  readonly reason?: string;
  /** The document on file; the page links to the recorded view route, never to storage. */
  readonly documentId?: string;
  readonly verification?: 'staff' | 'automatic';
  /** Who verified it (email) and when (ISO-8601), for staff verification. */
  readonly verifiedBy?: string;
  readonly verifiedAt?: string;
}

export interface PlacementHistoryView {
  /** ISO-8601 instant. */
  readonly at: string;
  /** The history entry's type, e.g. `DOCUMENT_ACCEPTED`. */
  readonly type: string;
  readonly detail?: string;
  /** Who did it (a staff member's email, the IAM caller, a site admin), when a person did. */
  readonly by?: string;
}

/** One recorded view or download of a student's document. */
export interface DisclosureView {
  readonly at: string;
  readonly by: string;
  readonly requirementCode: string;
  readonly documentId: string;
  readonly via: 'review-link' | 'console';
}

/** An action form that was posted and refused: what was sent and what is wrong with it. */
export interface PlacementActionForm {
  readonly action: PlacementAction;
  /** The posted values by field name (`requirementCode`, `reason`), shown again. */
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldIssue[];
}

export interface PlacementDetailView {
  readonly placementId: string;
  readonly status: string;
  readonly waitingOn?: WaitingOn;
  readonly student: { readonly id: string; readonly name: string; readonly email: string };
  readonly siteId: string;
  readonly siteName: string;
  readonly program: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly documentsDueDate: string;
  readonly coordinatorEmail: string;
  readonly requirements: readonly PlacementRequirementView[];
  /** Oldest first, as stored; shown newest first. */
  readonly history: readonly PlacementHistoryView[];
  readonly disclosures: readonly DisclosureView[];
  /** The student's documents and personal data were purged (or a purge is under way). */
  readonly purged?: boolean;
  /** A refused action form, shown again with its errors. */
  readonly form?: PlacementActionForm;
}

/** Form field limits the server also enforces (reasons ≤ 2,000 characters). */
export const ACTION_REASON_MAX_LENGTH = 2000;

const OPEN_STATUSES = new Set(['CHECKING', 'AWAITING_DOCUMENTS', 'AWAITING_SITE_APPROVAL']);

const VIA_LABELS: Readonly<Record<DisclosureView['via'], string>> = {
  'review-link': 'Site review link',
  console: 'Staff console',
};

/** `DOCUMENT_ACCEPTED` → `Document accepted`. */
const historyTypeLabel = (type: string): string => {
  const words = type.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const verificationText = (requirement: PlacementRequirementView): string | undefined => {
  if (requirement.status === 'SUBMITTED') return 'Waiting for a verifier.';
  if (requirement.status !== 'ACCEPTED') return undefined;
  if (requirement.verification === 'automatic') return 'Checked automatically (file type and dates only).';
  if (requirement.verifiedBy) {
    return `Verified by ${requirement.verifiedBy}${requirement.verifiedAt ? ` on ${displayInstant(requirement.verifiedAt)}` : ''}.`;
  }
  return undefined;
};

const documentCell = (
  view: PlacementDetailView,
  requirement: PlacementRequirementView,
  links: ConsoleLinks,
  canVerify: boolean,
): SafeHtml | string => {
  if (view.purged) return 'Purged';
  if (!requirement.documentId) return 'None';
  const documentLink = html`<a href="${links.document(view.placementId, requirement.documentId)}" target="_blank" rel="noopener noreferrer">View document<span class="visually-hidden"> for ${requirement.title} (opens in a new tab; the view is recorded)</span></a>`;
  return requirement.status === 'SUBMITTED' && canVerify
    ? html`${documentLink}<br><a href="${links.queueItem(view.placementId, requirement.documentId)}">Verify<span class="visually-hidden"> ${requirement.title}</span></a>`
    : documentLink;
};

const checklist = (view: PlacementDetailView, links: ConsoleLinks, canVerify: boolean): SafeHtml =>
  dataTable({
    id: 'checklist',
    caption: 'Each requirement and where it stands',
    className: 'checklist-table',
    rows: view.requirements,
    columns: [
      { header: 'Requirement', cell: (row) => row.title },
      {
        header: 'Status',
        cell: (row) =>
          html`<span class="${consoleRequirementStatusClass(row.status)}">${consoleRequirementStatusLabel(row.status)}</span>`,
      },
      { header: 'Reason', cell: (row) => row.reason ?? '' },
      { header: 'Verified', cell: (row) => verificationText(row) ?? '' },
      { header: 'Document', cell: (row) => documentCell(view, row, links, canVerify) },
    ],
  });

const historyTable = (view: PlacementDetailView): SafeHtml =>
  dataTable({
    id: 'history',
    caption: 'History, newest first',
    rows: [...view.history].reverse(),
    columns: [
      { header: 'When', cell: (row) => displayInstant(row.at) },
      { header: 'What', cell: (row) => historyTypeLabel(row.type) },
      { header: 'Detail', cell: (row) => row.detail ?? '' },
      { header: 'Who', cell: (row) => row.by ?? 'The system' },
    ],
  });

const disclosuresSection = (view: PlacementDetailView): SafeHtml => {
  const titles = new Map(view.requirements.map((requirement) => [requirement.code, requirement.title]));
  return view.disclosures.length === 0
    ? html`<p>Nobody has viewed or downloaded this student’s documents yet.</p>`
    : dataTable({
        id: 'disclosures',
        caption: 'Every view or download of the student’s documents',
        rows: view.disclosures,
        columns: [
          { header: 'When', cell: (row) => displayInstant(row.at) },
          { header: 'Who', cell: (row) => row.by },
          { header: 'Document', cell: (row) => titles.get(row.requirementCode) ?? row.requirementCode },
          { header: 'Through', cell: (row) => VIA_LABELS[row.via] },
        ],
      });
};

/** The errors of the refused form, when it is this action's. */
const formErrors = (view: PlacementDetailView, action: PlacementAction): readonly FieldIssue[] =>
  view.form?.action === action ? view.form.errors : [];

const postedValue = (
  view: PlacementDetailView,
  action: PlacementAction,
  field: string,
): string | undefined => (view.form?.action === action ? view.form.values[field] : undefined);

const errorsFor = (issues: readonly FieldIssue[], field: string): string[] =>
  issues.filter((issue) => issue.path === field).map((issue) => issue.message);

/** An action card: heading, explanation, the form's own error summary, then its fields and button. */
const actionCard = (
  context: ConsoleContext,
  view: PlacementDetailView,
  action: PlacementAction,
  parts: {
    heading: string;
    explain: SafeHtml;
    fields: SafeHtml;
    button: SafeHtml;
    fieldIds: Readonly<Record<string, string>>;
  },
): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const issues = formErrors(view, action);
  const headingId = `${action}-heading`;
  return html`<section class="card action-card" aria-labelledby="${headingId}">
<h3 id="${headingId}">${parts.heading}</h3>
${parts.explain}
${errorSummary(
  `${parts.heading}: not done`,
  issues.map((issue) => ({ text: issue.message, fieldId: parts.fieldIds[issue.path] })),
)}
${postForm(
  {
    action: links.placementAction(view.placementId, action),
    csrfToken: context.csrfToken,
    labelledBy: headingId,
  },
  html`${parts.fields}
${parts.button}`,
)}
</section>`;
};

const reasonField = (
  view: PlacementDetailView,
  action: PlacementAction,
  label: string,
  required: boolean,
  hint: string,
) =>
  inputField({
    id: `${action}-reason`,
    name: 'reason',
    label,
    hint,
    multiline: true,
    required,
    optional: !required,
    value: postedValue(view, action, 'reason'),
    errors: errorsFor(formErrors(view, action), 'reason'),
    attributes: { maxlength: ACTION_REASON_MAX_LENGTH, rows: 3 },
  });

const actions = (context: ConsoleContext, view: PlacementDetailView): SafeHtml | false => {
  if (!mayPerform(context.staff.role, 'waive-requirement')) return false;
  const open = OPEN_STATUSES.has(view.status);
  const waivable = view.requirements.filter(
    (requirement) => !['ACCEPTED', 'WAIVED'].includes(requirement.status),
  );
  const cards: SafeHtml[] = [];
  if (open && view.status !== 'AWAITING_SITE_APPROVAL' && waivable.length > 0) {
    cards.push(
      actionCard(context, view, 'waivers', {
        heading: 'Waive a requirement',
        explain: html`<p>The student no longer needs to provide it. The reason is shown to the student and the site.</p>`,
        fieldIds: { requirementCode: 'waivers-requirementCode', reason: 'waivers-reason' },
        fields: html`${selectField({
          id: 'waivers-requirementCode',
          name: 'requirementCode',
          label: 'Requirement',
          required: true,
          value: postedValue(view, 'waivers', 'requirementCode'),
          errors: errorsFor(formErrors(view, 'waivers'), 'requirementCode'),
          options: waivable.map((requirement) => ({ value: requirement.code, label: requirement.title })),
        })}
${reasonField(view, 'waivers', 'Reason', true, 'For example: “Completed at orientation on 2 September.” Up to 2,000 characters.')}`,
        button: html`<button type="submit">Waive requirement</button>`,
      }),
    );
  }
  if (view.status === 'AWAITING_DOCUMENTS' && !view.purged) {
    cards.push(
      actionCard(context, view, 'resend-link', {
        heading: 'Resend the student’s link',
        explain: html`<p>Emails ${view.student.email} a new link to their checklist. Links sent before keep working until they expire.</p>`,
        fieldIds: {},
        fields: html``,
        button: html`<button type="submit" class="button--secondary">Resend link</button>`,
      }),
    );
  }
  if (view.status === 'FAILED') {
    cards.push(
      actionCard(context, view, 'retry', {
        heading: 'Retry this placement',
        explain: html`<p>The workflow stopped on an error. Retrying starts it again from the placement as it is now; nothing done so far is lost.</p>`,
        fieldIds: {},
        fields: html``,
        button: html`<button type="submit">Retry placement</button>`,
      }),
    );
  }
  if (open || view.status === 'FAILED') {
    cards.push(
      actionCard(context, view, 'cancel', {
        heading: 'Cancel this placement',
        explain: html`<p class="warning-text">Cancelling stops the placement for good: the student and the site are told, and it cannot be restarted.</p>`,
        fieldIds: { reason: 'cancel-reason' },
        fields: reasonField(
          view,
          'cancel',
          'Reason',
          false,
          'Shown to the student and the site. Up to 2,000 characters.',
        ),
        button: html`<button type="submit" class="button--danger">Cancel placement</button>`,
      }),
    );
  }
  if (!view.purged) {
    const issues = formErrors(view, 'purge');
    cards.push(html`<details class="card danger-zone"${issues.length > 0 && html` open`}>
<summary>Purge the student’s documents and personal data</summary>
${actionCard(context, view, 'purge', {
  heading: 'Purge',
  explain: html`<p class="warning-text">This permanently deletes every document ${view.student.name} uploaded for this placement and removes their name and email from it. It cannot be undone.</p>
<p>Only purge when the student or the law requires it. The placement’s history keeps a record that it was purged, and by whom.</p>`,
  fieldIds: { reason: 'purge-reason', confirm: 'purge-confirm' },
  fields: html`${reasonField(view, 'purge', 'Reason', false, 'Recorded in the purge record. Up to 2,000 characters.')}
<div class="field">
${errorsFor(issues, 'confirm').length > 0 && html`<p class="field-error" id="purge-confirm-error">${errorsFor(issues, 'confirm').join(' ')}</p>`}
<label class="choice" for="purge-confirm"><input type="checkbox" id="purge-confirm" name="confirm" value="yes" required${errorsFor(issues, 'confirm').length > 0 && html` aria-describedby="purge-confirm-error" aria-invalid="true"`}><span>I understand the documents and personal data are deleted for good.</span></label>
</div>`,
  button: html`<button type="submit" class="button--danger">Purge permanently</button>`,
})}
</details>`);
  }
  return (
    cards.length > 0 &&
    html`<section class="section" aria-labelledby="actions-heading">
<h2 id="actions-heading">Actions</h2>
<div class="grid grid--2 grid--top">${cards}</div>
</section>`
  );
};

/** A placement's whole story: the facts, the checklist, history, disclosures and the actions the role may take. */
export const renderPlacementPage = (context: ConsoleContext, view: PlacementDetailView): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const canVerify = mayPerform(context.staff.role, 'verify-document');
  const main = html`<p class="lead"><span class="${placementStatusClass(view.status)}"><span class="visually-hidden">Status: </span>${placementStatusLabel(view.status)}</span> Waiting on: ${waitingOnLabel(view.waitingOn)}</p>
<section class="card" aria-labelledby="facts-heading">
<h2 id="facts-heading">Placement</h2>
<dl class="facts">
<dt>Student</dt><dd>${view.student.name} (${view.student.id})<br>${view.student.email}</dd>
<dt>Site</dt><dd><a href="${links.site(view.siteId)}">${view.siteName}</a></dd>
<dt>Program</dt><dd>${view.program}</dd>
<dt>Dates</dt><dd>${displayDateRange(view.startDate, view.endDate)}</dd>
<dt>Documents due</dt><dd>${displayDate(view.documentsDueDate)}</dd>
<dt>Coordinator</dt><dd>${view.coordinatorEmail}</dd>
<dt>Placement id</dt><dd>${view.placementId}</dd>
</dl>
${view.purged && html`<p class="notice notice--warning">The student’s documents and personal data have been purged.</p>`}
</section>
<section class="section" aria-labelledby="checklist-heading">
<h2 id="checklist-heading">Checklist</h2>
${checklist(view, links, canVerify)}
</section>
${actions(context, view)}
<section class="section" aria-labelledby="history-heading">
<h2 id="history-heading">History</h2>
${historyTable(view)}
</section>
<section class="section" aria-labelledby="disclosures-heading">
<h2 id="disclosures-heading">Disclosures</h2>
${disclosuresSection(view)}
</section>`;
  const failed = (view.form?.errors.length ?? 0) > 0;
  return renderConsolePage(context, {
    title: `${failed ? 'Error: ' : ''}${view.student.name} at ${view.siteName}`,
    heading: `${view.student.name} at ${view.siteName}`,
    section: 'placements',
    main,
  });
};
