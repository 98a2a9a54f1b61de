import type { ValidityRule } from '../../core/requirement-catalogue.js';
import { displayDate, displayDateRange, displayInstant } from '../display-date.js';
import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { errorSummary, type FieldIssue, inputField, postForm, selectField } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { REJECTION_REASON_CODES, REJECTION_REASON_LABELS } from './rejection-reasons.js';
import { ruleInWords } from './rule-in-words.js';

/** One document of the queue, with what a verifier checks it against. */
export interface VerificationItemView {
  readonly placementId: string;
  readonly documentId: string;
  readonly requirementCode: string;
  readonly requirementTitle: string;
  /** The requirement's rule as it applies at this site (with the site's override). */
  readonly rule: ValidityRule;
  readonly student: { readonly id: string; readonly name: string; readonly email: string };
  readonly siteName: string;
  readonly program: string;
  readonly startDate: string;
  readonly endDate: string;
  /** ISO-8601 instant of the upload. */
  readonly submittedAt: string;
  /** The dates the student entered. */
  readonly issuedOn?: string;
  readonly expiresOn?: string;
  readonly document: { readonly fileName: string; readonly contentType: string };
  /** The storage origin the document route redirects to (allowed for the page's frame and image). */
  readonly storageOrigin: string;
  /** The next document in the queue (same filters), where the page goes after a decision. */
  readonly next?: { readonly placementId: string; readonly documentId: string };
  /** Documents still waiting besides this one. */
  readonly remaining: number;
  /** A decision the API refused, shown again with its errors (`reasonCode`, `note`, `issuedOn`, `expiresOn`). */
  readonly form?: {
    readonly decision: 'verify' | 'reject';
    readonly values: Readonly<Record<string, string>>;
    readonly errors: readonly FieldIssue[];
  };
}

/** Notes are limited like every reason (≤ 2,000 characters). */
export const DECISION_NOTE_MAX_LENGTH = 2000;

const BROWSER_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The document in the page: a PDF in a frame, an image as an image, anything else as a download. */
const documentView = (view: VerificationItemView, href: string): SafeHtml => {
  const { contentType, fileName } = view.document;
  const name = `${view.requirementTitle} uploaded by ${view.student.name} (${fileName})`;
  let shown: SafeHtml;
  if (contentType === 'application/pdf') {
    shown = html`<iframe src="${href}" title="${name}"></iframe>`;
  } else if (BROWSER_IMAGE_TYPES.has(contentType)) {
    shown = html`<img src="${href}" alt="${name}">`;
  } else {
    shown = html`<p class="notice notice--warning">This browser cannot show ${contentType === 'image/heic' || contentType === 'image/heif' ? 'HEIC photos' : `${contentType} files`} in the page. Download the file to look at it, then come back to decide.</p>`;
  }
  return html`<section class="document-view" aria-labelledby="document-heading">
<h2 id="document-heading">${view.requirementTitle}</h2>
${shown}
<p><a class="document-link" href="${href}" target="_blank" rel="noopener noreferrer">Open ${fileName} in a new tab<span class="visually-hidden"> (the view is recorded)</span></a></p>
</section>`;
};

const dateField = (rule: ValidityRule): 'issuedOn' | 'expiresOn' =>
  rule.kind === 'expiry-through-end' ? 'expiresOn' : 'issuedOn';

const DATE_LABELS = { issuedOn: 'Date issued', expiresOn: 'Expiry date' } as const;

const checkAgainst = (view: VerificationItemView): SafeHtml => {
  const field = dateField(view.rule);
  const entered = view[field];
  return html`<section class="card" aria-labelledby="check-heading">
<h2 id="check-heading">Check it against</h2>
<dl class="facts">
<dt>Student</dt><dd>${view.student.name} (${view.student.id})</dd>
<dt>${DATE_LABELS[field]} entered</dt><dd>${entered ? displayDate(entered) : 'None entered'}</dd>
<dt>The rule</dt><dd>${ruleInWords(view.rule, view)}</dd>
<dt>Rotation</dt><dd>${displayDateRange(view.startDate, view.endDate)}</dd>
<dt>Site</dt><dd>${view.siteName}, ${view.program}</dd>
<dt>Uploaded</dt><dd>${displayInstant(view.submittedAt)}</dd>
</dl>
</section>`;
};

const decisionForms = (context: ConsoleContext, view: VerificationItemView): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const action = links.verification(view.placementId, view.documentId);
  const field = dateField(view.rule);
  const errors = view.form?.errors ?? [];
  const valuesFor = (decision: 'verify' | 'reject', name: string) =>
    view.form?.decision === decision ? view.form.values[name] : undefined;
  const errorsFor = (decision: 'verify' | 'reject', name: string) =>
    view.form?.decision === decision
      ? errors.filter((issue) => issue.path === name).map((issue) => issue.message)
      : [];
  const fieldIds: Record<string, string> = {
    issuedOn: 'verify-issuedOn',
    expiresOn: 'verify-expiresOn',
    reasonCode: 'reject-reasonCode',
    note: 'reject-note',
  };
  const next =
    view.next &&
    html`<input type="hidden" name="next" value="${links.queueItem(view.next.placementId, view.next.documentId)}">`;
  return html`<section class="card" aria-labelledby="decide-heading">
<h2 id="decide-heading">Your decision</h2>
${errorSummary(
  'The decision was not recorded',
  errors.map((issue) => ({ text: issue.message, fieldId: fieldIds[issue.path] })),
)}
${postForm(
  { action, csrfToken: context.csrfToken, labelledBy: 'verify-heading' },
  html`<h3 id="verify-heading">Verify</h3>
<input type="hidden" name="decision" value="verify">
${next}
${inputField({ id: `verify-${field}`, name: field, type: 'date', label: `Corrected ${DATE_LABELS[field].toLowerCase()}`, optional: true, hint: 'Only when the document shows a different date from the one the student entered. It is judged by the same rule.', value: valuesFor('verify', field), errors: errorsFor('verify', field) })}
<button type="submit">Verify ${view.requirementTitle}</button>`,
)}
${postForm(
  { action, csrfToken: context.csrfToken, labelledBy: 'reject-heading', className: 'upload' },
  html`<h3 id="reject-heading">Send back to the student</h3>
<input type="hidden" name="decision" value="reject">
${next}
${selectField({ id: 'reject-reasonCode', name: 'reasonCode', label: 'Reason', required: true, emptyLabel: 'Choose a reason', value: valuesFor('reject', 'reasonCode'), errors: errorsFor('reject', 'reasonCode'), options: REJECTION_REASON_CODES.map((code) => ({ value: code, label: REJECTION_REASON_LABELS[code] })) })}
${inputField({ id: 'reject-note', name: 'note', multiline: true, label: 'Note to the student', optional: true, hint: 'Required when the reason is Other. Say what is wrong and what would fix it. Up to 2,000 characters.', value: valuesFor('reject', 'note'), errors: errorsFor('reject', 'note'), attributes: { maxlength: DECISION_NOTE_MAX_LENGTH, rows: 3 } })}
<button type="submit" class="button--danger">Send back</button>`,
)}
</section>`;
};

/**
 * One queue document: the document in the page, beside the student's dates and the rule in words
 * (text only, so the decision controls come first in tab order after the document). After a decision the handler
 * goes to the form's `next` item.
 */
export const renderVerificationItemPage = (
  context: ConsoleContext,
  view: VerificationItemView,
): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const href = links.document(view.placementId, view.documentId);
  const failed = (view.form?.errors.length ?? 0) > 0;
  const heading = `${view.requirementTitle}: ${view.student.name}`;
  const main = html`<p>${view.remaining === 0 ? 'This is the last document waiting.' : `${view.remaining} more ${view.remaining === 1 ? 'document' : 'documents'} waiting after this one.`}</p>
<div class="review-layout">
${documentView(view, href)}
<div class="decision-panel">
${checkAgainst(view)}
${decisionForms(context, view)}
</div>
</div>
<p class="actions-row">${view.next && html`<a href="${links.queueItem(view.next.placementId, view.next.documentId)}">Skip to the next document</a>`}<a href="${links.queue}">Back to the queue</a></p>`;
  return renderConsolePage(context, {
    title: `${failed ? 'Error: ' : ''}${heading}`,
    heading,
    section: 'queue',
    main,
    documentOrigins: [view.storageOrigin],
  });
};
