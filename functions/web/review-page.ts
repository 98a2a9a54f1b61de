import type { RequirementStatus, SiteDecisionKind } from '../core/model/placement.js';
import { displayDate, displayInstant } from './display-date.js';
import { displayMessage } from './display-message.js';
import { html, httpUrl, idFragment, type SafeHtml } from './html.js';
import { type RenderedClosedPage, type RenderedPage, renderPage } from './page-layout.js';
import { placementFactItems } from './placement-facts.js';
import { requirementStatusClass, requirementStatusLabel } from './requirement-status-label.js';

export interface ReviewDocumentView {
  fileName: string;
  issuedOn?: string;
  expiresOn?: string;
  /** A short-lived presigned GET URL. */
  downloadUrl: string;
}

export interface ReviewRequirementView {
  code: string;
  title: string;
  status: RequirementStatus;
  reason?: string;
  document?: ReviewDocumentView;
  /** ACCEPTED only: a named staff verifier and when (ISO-8601), or the file checks alone. */
  checkedBy?: { kind: 'staff'; by: string; at: string } | { kind: 'automatic' };
}

/** Who checked an accepted document: the site trusts a named person, not the word "Accepted". */
const checkedByLine = (checkedBy: NonNullable<ReviewRequirementView['checkedBy']>): SafeHtml =>
  checkedBy.kind === 'staff'
    ? html`<p class="checked-by"><strong>Verified by</strong> ${checkedBy.by} <strong>on</strong> <time datetime="${checkedBy.at}">${displayDate(checkedBy.at.slice(0, 10))}, ${checkedBy.at.slice(11, 16)} UTC</time></p>`
    : html`<p class="checked-by">Checked automatically (file type and dates only)</p>`;

export interface ReviewDecisionView {
  decision: SiteDecisionKind;
  /** The site admin who decided (their email). */
  by: string;
  /** ISO-8601 instant. */
  at: string;
  reason?: string;
  requirementCodes?: string[];
}

export interface ReviewPageView {
  /** The site admin this link was sent to. */
  adminEmail: string;
  studentName: string;
  studentEmail: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  requirements: ReviewRequirementView[];
  decision?: ReviewDecisionView;
  /** A form post that was not valid: what was sent (shown again) and what is wrong with it. */
  form?: ReviewFormState;
}

/** The decision form as it was posted, with the problems found in it. */
export interface ReviewFormState {
  decision?: string;
  reason?: string;
  requirementCodes?: readonly string[];
  /** By field: `decision`, `reason`, `requirementCodes` (or one of them, `requirementCodes[1]`). */
  errors: ReadonlyArray<{ path: string; message: string }>;
}

/** Form field limits the server also enforces (docs/design.md, "HTTP API": reasons ≤ 2,000 characters). */
export const REVIEW_REASON_MAX_LENGTH = 2000;

const DECISION_PAST_TENSE: Readonly<Record<SiteDecisionKind, string>> = {
  approve: 'Approved',
  decline: 'Declined',
  'request-changes': 'Changes requested',
};

const DECISION_CHOICES: ReadonlyArray<{ value: SiteDecisionKind; label: string; hint: string }> = [
  { value: 'approve', label: 'Approve', hint: 'The student can start the placement.' },
  {
    value: 'request-changes',
    label: 'Ask for changes',
    hint: 'The student replaces the documents you tick below, then the packet comes back to you.',
  },
  { value: 'decline', label: 'Decline', hint: 'The student will not be placed at your site.' },
];

const titleOf = (
  requirements: readonly { code: string; title: string }[] | undefined,
  code: string,
): string => requirements?.find((requirement) => requirement.code === code)?.title ?? code;

const documentDetails = (document: ReviewDocumentView): SafeHtml => html`<dl class="evidence">
<dt>File</dt><dd>${document.fileName}</dd>
${document.issuedOn && html`<dt>Date issued</dt><dd>${displayDate(document.issuedOn)}</dd>`}
${document.expiresOn && html`<dt>Expiry date</dt><dd>${displayDate(document.expiresOn)}</dd>`}
</dl>
<p><a class="document-link" href="${httpUrl(document.downloadUrl)}" target="_blank" rel="noopener noreferrer">Open ${document.fileName}<span class="visually-hidden"> (opens in a new tab)</span></a></p>`;

const requirementItem = (requirement: ReviewRequirementView): SafeHtml => {
  const reasonLabel =
    requirement.status === 'WAIVED' ? 'Waived by the coordinator:' : 'Why it was not accepted:';
  return html`<li class="requirement" id="req-${idFragment(requirement.code)}">
<div class="requirement__head">
<h3>${requirement.title}</h3>
<span class="${requirementStatusClass(requirement.status)}"><span class="visually-hidden">Status: </span>${requirementStatusLabel(requirement.status)}</span>
</div>
${
  requirement.reason &&
  html`<p class="${requirement.status === 'WAIVED' ? 'reason reason--plain' : 'reason'}"><strong>${reasonLabel}</strong> ${displayMessage(requirement.reason)}</p>`
}
${requirement.checkedBy && checkedByLine(requirement.checkedBy)}
${requirement.document ? documentDetails(requirement.document) : html`<p>No document attached.</p>`}
</li>`;
};

const decisionSummary = (
  decision: ReviewDecisionView,
  requirements: readonly ReviewRequirementView[],
): SafeHtml => {
  const codes = decision.requirementCodes ?? [];
  return html`<section class="notice ${decision.decision === 'approve' ? 'notice--done' : 'notice--warning'}" aria-labelledby="decision-heading">
<h2 id="decision-heading">Decision: ${DECISION_PAST_TENSE[decision.decision]}</h2>
<p>${DECISION_PAST_TENSE[decision.decision]} by <strong>${decision.by}</strong> on ${displayInstant(decision.at)}.</p>
${decision.reason && html`<p><strong>Reason:</strong> ${decision.reason}</p>`}
${
  codes.length > 0 &&
  html`<p><strong>Documents to change:</strong></p>
<ul>${codes.map((code) => html`<li>${titleOf(requirements, code)}</li>`)}</ul>`
}
<p>The first decision on a packet is final. Contact the placement coordinator if something needs to change.</p>
</section>`;
};

type FormField = 'decision' | 'requirementCodes' | 'reason';

/** The form field a validation path belongs to (`requirementCodes[1]` → `requirementCodes`). */
const fieldOf = (path: string): FormField | undefined =>
  (['decision', 'requirementCodes', 'reason'] as const).find(
    (field) => path === field || path.startsWith(`${field}[`),
  );

/** A validation message as a sentence a site admin can act on, next to its field. */
const formMessage = (path: string, message: string): string => {
  const field = fieldOf(path);
  if (field === 'decision') return 'Choose a decision: approve, ask for changes, or decline.';
  if (field === 'reason') {
    return /^(Required|Must not be empty)/.test(message)
      ? 'Give a reason: it is needed to decline or to ask for changes.'
      : `Reason: ${message}`;
  }
  if (path === 'requirementCodes') return 'Tick each document the student must replace.';
  if (field === 'requirementCodes') return `Documents to change: ${message}`;
  return message;
};

const errorsOf = (form: ReviewFormState | undefined, field: FormField): string[] =>
  (form?.errors ?? [])
    .filter((issue) => fieldOf(issue.path) === field)
    .map((issue) => formMessage(issue.path, issue.message));

const fieldError = (id: string, messages: readonly string[]): SafeHtml | false =>
  messages.length > 0 && html`<p class="field-error" id="${id}">${messages.join(' ')}</p>`;

/** The list of problems above the form, each linking to its field (first radio or checkbox). */
const errorSummary = (form: ReviewFormState, firstCode: string | undefined): SafeHtml => {
  const anchors: Record<FormField, string | undefined> = {
    decision: 'decision-approve',
    requirementCodes: firstCode === undefined ? undefined : `change-${idFragment(firstCode)}`,
    reason: 'reason',
  };
  const items = form.errors.map((issue) => {
    const field = fieldOf(issue.path);
    const anchor = field && anchors[field];
    const text = formMessage(issue.path, issue.message);
    return anchor ? html`<li><a href="#${anchor}">${text}</a></li>` : html`<li>${text}</li>`;
  });
  return html`<div class="notice notice--warning" role="alert" aria-labelledby="form-errors-heading">
<h3 id="form-errors-heading">Your decision was not recorded</h3>
<ul>${items}</ul>
</div>`;
};

const describedBy = (ids: ReadonlyArray<string | false>) => ids.filter(Boolean).join(' ');

const decisionForm = (view: ReviewPageView): SafeHtml => {
  const changeable = view.requirements.filter((requirement) => requirement.status !== 'WAIVED');
  const { form } = view;
  const decisionErrors = errorsOf(form, 'decision');
  const codesErrors = errorsOf(form, 'requirementCodes');
  const reasonErrors = errorsOf(form, 'reason');
  const ticked = new Set(form?.requirementCodes ?? []);
  return html`<section class="card" aria-labelledby="decide-heading">
<h2 id="decide-heading">Your decision</h2>
${form && form.errors.length > 0 && errorSummary(form, changeable[0]?.code)}
<form method="post" enctype="application/x-www-form-urlencoded">
<fieldset class="field"${decisionErrors.length > 0 && html` aria-describedby="decision-error"`}>
<legend>Decision</legend>
${fieldError('decision-error', decisionErrors)}
<div class="choices">
${DECISION_CHOICES.map(
  (choice) =>
    html`<label class="choice" for="decision-${choice.value}"><input type="radio" id="decision-${choice.value}" name="decision" value="${choice.value}" required${form?.decision === choice.value && html` checked`} aria-describedby="decision-${choice.value}-hint"><span><strong>${choice.label}</strong><span class="hint" id="decision-${choice.value}-hint">${choice.hint}</span></span></label>`,
)}
</div>
</fieldset>
${
  changeable.length > 0 &&
  html`<fieldset class="field" aria-describedby="${describedBy(['codes-hint', codesErrors.length > 0 && 'codes-error'])}">
<legend>Documents to change</legend>
<span class="hint" id="codes-hint">Only when you ask for changes: tick each document the student must replace.</span>
${fieldError('codes-error', codesErrors)}
<div class="choices">
${changeable.map(
  (requirement) =>
    html`<label class="choice" for="change-${idFragment(requirement.code)}"><input type="checkbox" id="change-${idFragment(requirement.code)}" name="requirementCodes" value="${requirement.code}"${ticked.has(requirement.code) && html` checked`}><span>${requirement.title}</span></label>`,
)}
</div>
</fieldset>`
}
<div class="field">
<label for="reason">Reason</label>
<span class="hint" id="reason-hint">Needed to decline or to ask for changes. The student and the placement coordinator will read it, so say what is wrong and what would fix it. Up to ${REVIEW_REASON_MAX_LENGTH.toLocaleString('en-US')} characters.</span>
${fieldError('reason-error', reasonErrors)}
<textarea id="reason" name="reason" rows="5" maxlength="${REVIEW_REASON_MAX_LENGTH}" aria-describedby="${describedBy(['reason-hint', reasonErrors.length > 0 && 'reason-error'])}"${reasonErrors.length > 0 && html` aria-invalid="true"`}>${form?.reason ?? ''}</textarea>
</div>
<button type="submit">Submit decision</button>
</form>
</section>`;
};

/** The site admin's review page: the packet, each document with its dates, and the decision (form or record). */
export const renderReviewPage = (view: ReviewPageView): RenderedPage => {
  const main = html`<h1>Review ${view.studentName}’s documents</h1>
<p class="lead">${view.studentName} has a placement at ${view.siteName}. ${view.decision ? 'A decision has been recorded; the documents are below.' : 'Their documents are complete and ready for your review.'}</p>
<section class="card" aria-labelledby="placement-heading">
<h2 id="placement-heading">Placement</h2>
<dl class="facts">
<dt>Student</dt><dd>${view.studentName}<br><a href="${`mailto:${view.studentEmail}`}">${view.studentEmail}</a></dd>
${placementFactItems({ siteName: view.siteName, program: view.program, startDate: view.startDate, endDate: view.endDate })}</dl>
</section>
${view.decision && decisionSummary(view.decision, view.requirements)}
<section aria-labelledby="documents-heading">
<h2 id="documents-heading">Documents</h2>
<p class="hint">Document links work for a short time and open in a new tab. If one has stopped working, reload this page.</p>
<ul class="checklist">
${view.requirements.map(requirementItem)}
</ul>
</section>
${view.decision ? '' : decisionForm(view)}
<p class="hint">This link was sent to ${view.adminEmail}, and your decision is recorded under that address. Please do not forward it.</p>`;
  const failed = (view.form?.errors.length ?? 0) > 0 && !view.decision;
  return renderPage({ title: `${failed ? 'Error: ' : ''}Review ${view.studentName}’s documents`, main });
};

export interface ReviewConfirmationView {
  studentName: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  decision: ReviewDecisionView;
  /** Used to name the documents of a change request; codes are shown when absent. */
  requirements?: ReadonlyArray<{ code: string; title: string }>;
}

const NEXT_STEPS: Readonly<Record<SiteDecisionKind, string>> = {
  approve: 'We will tell the student and the placement coordinator that the student is cleared.',
  decline: 'We will tell the student and the placement coordinator, with your reason.',
  'request-changes':
    'We have asked the student to replace the documents below. You will get a new email when the updated packet is ready to review.',
};

/** The page after a decision was recorded (the answer to `POST /review/{token}`). */
export const renderReviewConfirmation = (view: ReviewConfirmationView): RenderedPage => {
  const { decision } = view;
  const codes = decision.requirementCodes ?? [];
  const heading = 'Thank you, your decision is recorded';
  const main = html`<h1>${heading}</h1>
<div class="notice notice--done" role="status">
<p>Your decision on ${view.studentName}’s placement at ${view.siteName} is recorded: <strong>${DECISION_PAST_TENSE[decision.decision]}</strong>, by ${decision.by} on ${displayInstant(decision.at)}.</p>
</div>
<dl class="facts card">
${placementFactItems({ studentName: view.studentName, program: view.program, startDate: view.startDate, endDate: view.endDate })}${decision.reason && html`<dt>Reason</dt><dd>${decision.reason}</dd>`}
</dl>
<h2>What happens next</h2>
<p>${NEXT_STEPS[decision.decision]}</p>
${codes.length > 0 && html`<ul>${codes.map((code) => html`<li>${titleOf(view.requirements, code)}</li>`)}</ul>`}
<p>You can close this page.</p>`;
  return renderPage({ title: heading, main });
};

export type ReviewClosedKind = 'expired' | 'not-found' | 'superseded' | 'cross-site' | 'try-again';

/**
 * The page for a review link that no longer works: expired (410), unknown (404), replaced by a newer
 * one (410); for a decision posted from another website (403), which is refused; or for a request
 * that met a passing condition on our side (503: a busy dependency, an earlier request still finishing).
 */
export const renderReviewClosedPage = (kind: ReviewClosedKind): RenderedClosedPage => {
  const content: Record<
    ReviewClosedKind,
    { statusCode: RenderedClosedPage['statusCode']; heading: string; body: SafeHtml }
  > = {
    expired: {
      statusCode: 410,
      heading: 'This review link has expired',
      body: html`<p>Review links stop working after 14 days, for security.</p>
<p><strong>What to do next:</strong> if the placement still needs your decision, contact the placement coordinator and they can send a new link.</p>`,
    },
    'not-found': {
      statusCode: 404,
      heading: 'We could not find this page',
      body: html`<p>The link may be incomplete. Open it again from the email we sent you, or copy the whole link into your browser.</p>
<p>Still not working? Contact the placement coordinator.</p>`,
    },
    'cross-site': {
      statusCode: 403,
      heading: 'This decision was not recorded',
      body: html`<p>The form was sent from another website, so for your safety nothing was changed.</p>
<p><strong>What to do next:</strong> open the review link from the email we sent you and submit your decision on that page.</p>`,
    },
    'try-again': {
      statusCode: 503,
      heading: 'Please try again in a moment',
      body: html`<p>We are busy finishing an earlier request for this placement, so this one could not be completed just now.</p>
<p><strong>What to do next:</strong> wait a moment, then open the review link again. If your decision was already recorded, the page will show it; if not, submit it again.</p>`,
    },
    superseded: {
      statusCode: 410,
      heading: 'This review link has been replaced',
      body: html`<p>The student’s documents changed after this link was sent, so it no longer works.</p>
<p><strong>What to do next:</strong> use the link in the most recent review email for this student. If you cannot find it, contact the placement coordinator.</p>`,
    },
  };
  const { statusCode, heading, body } = content[kind];
  return { ...renderPage({ title: heading, main: html`<h1>${heading}</h1>\n${body}` }), statusCode };
};
