import type { PlacementStatus, RequirementStatus } from '../core/model/placement.js';
import { displayDate } from './display-date.js';
import { displayMessage, FIELD_LABELS } from './display-message.js';
import { html, idFragment, type SafeHtml } from './html.js';
import { type RenderedClosedPage, type RenderedPage, renderPage } from './page-layout.js';
import { type PlacedStudent, placementFactItems } from './placement-facts.js';
import { PORTAL_SCRIPT } from './portal-script.js';
import {
  type PortalStatusMessage,
  portalStatusMessage,
  shownPortalStatus,
  UPLOAD_OPEN_STATUSES,
} from './portal-status-messages.js';
import { requirementStatusClass, requirementStatusLabel } from './requirement-status-label.js';
import { UPLOAD_CONTENT_TYPES } from './upload-content-types.js';

export type EvidenceDateField = 'issuedOn' | 'expiresOn';

export interface PortalRequirementView {
  code: string;
  title: string;
  status: RequirementStatus;
  /** Why it was rejected (REJECTED) or waived (WAIVED). */
  reason?: string;
  /** What to upload, in plain words (e.g. "Your vaccination record showing two MMR doses"). */
  evidence: string;
  /** The date the requirement's rule needs. */
  dateField: EvidenceDateField;
}

export interface PortalPageView extends PlacedStudent {
  status: PlacementStatus;
  requirements: PortalRequirementView[];
  /** The origin presigned uploads go to (CSP connect-src and form-action). */
  storageOrigin: string;
}

/** The file types the upload input offers (extensions first; MIME types help some phones). */
export const UPLOAD_ACCEPT = [
  ...Object.keys(UPLOAD_CONTENT_TYPES).map((extension) => `.${extension}`),
  ...new Set(Object.values(UPLOAD_CONTENT_TYPES)),
].join(',');

export const DATE_FIELD_LABELS: Readonly<Record<EvidenceDateField, string>> = {
  issuedOn: FIELD_LABELS.issuedOn,
  expiresOn: FIELD_LABELS.expiresOn,
};

const isOutstanding = (status: RequirementStatus): boolean => status === 'MISSING' || status === 'REJECTED';

const dateHint = (field: EvidenceDateField, endDate: string): string =>
  field === 'issuedOn'
    ? 'The date printed on the document: when you had the vaccination, test, check or training.'
    : `The expiry date printed on the card or policy. It must be on or after ${displayDate(endDate)}, the last day of your placement.`;

/** The status the page describes (`shownPortalStatus`, as the script) and its message. */
const statusMessage = (view: PortalPageView): { shown: string; message: PortalStatusMessage } => {
  const shown = shownPortalStatus(view.status, view.requirements);
  const message = portalStatusMessage(shown);
  if (message) return { shown, message };
  return {
    shown,
    message: {
      tone: 'warning',
      text: `Upload the documents marked Missing or Not accepted by ${displayDate(view.documentsDueDate)}.`,
    },
  };
};

const uploadForm = (requirement: PortalRequirementView, view: PortalPageView, id: string): SafeHtml => {
  const dateLabel = DATE_FIELD_LABELS[requirement.dateField];
  const fileId = `${id}-file`;
  const dateId = `${id}-date`;
  return html`<form class="upload" data-upload="" data-requirement="${requirement.code}" data-date-field="${requirement.dateField}" data-end-date="${view.endDate}" data-end-date-text="${displayDate(view.endDate)}" novalidate>
<fieldset>
<legend>Upload your ${requirement.title}</legend>
<div class="field">
<label for="${fileId}">File</label>
<span class="hint" id="${fileId}-hint">PDF, PNG, JPG or HEIC, up to 10 MB. A clear photo of the document is fine.</span>
<p class="field-error" id="${fileId}-error" hidden></p>
<input type="file" id="${fileId}" name="file" accept="${UPLOAD_ACCEPT}" required aria-describedby="${fileId}-hint ${fileId}-error">
</div>
<div class="field">
<label for="${dateId}">${dateLabel}</label>
<span class="hint" id="${dateId}-hint">${dateHint(requirement.dateField, view.endDate)}</span>
<p class="field-error" id="${dateId}-error" hidden></p>
<input type="date" id="${dateId}" name="${requirement.dateField}" required${requirement.dateField === 'expiresOn' ? html` min="${view.endDate}"` : ''} aria-describedby="${dateId}-hint ${dateId}-error">
</div>
<p class="notice notice--problem" data-role="needs-js">Uploading needs JavaScript, which is off or blocked in this browser. Turn it on and reload this page, or use another browser.</p>
<button type="submit" disabled>Upload<span class="visually-hidden"> ${requirement.title}</span></button>
<div class="upload-progress" data-role="progress" hidden>
<label for="${id}-progress">Uploading: <span data-role="percent">0%</span></label>
<progress id="${id}-progress" max="100" value="0"></progress>
</div>
<p class="form-note" data-role="note"></p>
<p class="form-message form-message--error" role="alert" data-role="error"></p>
</fieldset>
</form>`;
};

const requirementItem = (
  requirement: PortalRequirementView,
  view: PortalPageView,
  uploadsOpen: boolean,
): SafeHtml => {
  const id = `req-${idFragment(requirement.code)}`;
  const outstanding = isOutstanding(requirement.status);
  const showReason =
    (requirement.status === 'REJECTED' || requirement.status === 'WAIVED') && Boolean(requirement.reason);
  const dateLabel = DATE_FIELD_LABELS[requirement.dateField];
  const dateNeed =
    requirement.dateField === 'issuedOn'
      ? 'the date printed on the document'
      : `must be on or after ${displayDate(view.endDate)}`;
  return html`<li class="requirement" id="${id}" data-code="${requirement.code}" data-status="${requirement.status}">
<div class="requirement__head">
<h3>${requirement.title}</h3>
<span class="${requirementStatusClass(requirement.status)}" data-role="badge"><span class="visually-hidden">Status: </span><span data-role="badge-text">${requirementStatusLabel(requirement.status)}</span></span>
</div>
<p class="${requirement.status === 'WAIVED' ? 'reason reason--plain' : 'reason'}" data-role="reason"${showReason ? '' : html` hidden`}><strong data-role="reason-label">${requirement.status === 'WAIVED' ? 'Why it was waived:' : 'Why it was not accepted:'}</strong> <span data-role="reason-text">${showReason ? displayMessage(requirement.reason ?? '') : ''}</span></p>
<p data-role="done"${outstanding ? html` hidden` : ''}>Nothing more to do for this item.</p>
<div data-role="todo"${outstanding ? '' : html` hidden`}>
<dl class="evidence">
<dt>What to upload</dt>
<dd>${requirement.evidence}</dd>
<dt>Date we need</dt>
<dd>${dateLabel}: ${dateNeed}</dd>
</dl>
${uploadsOpen && outstanding && uploadForm(requirement, view, id)}
</div>
</li>`;
};

/** The student's portal page: the rotation, the checklist and an upload form per outstanding item. */
export const renderPortalPage = (view: PortalPageView): RenderedPage => {
  const uploadsOpen = UPLOAD_OPEN_STATUSES.includes(view.status);
  const done = view.requirements.filter((requirement) => !isOutstanding(requirement.status)).length;
  const { shown, message } = statusMessage(view);
  const main = html`<h1>Your documents for ${view.siteName}</h1>
<p class="lead">Hi ${view.studentName}. Before your placement starts, ${view.siteName} needs to see the documents below.</p>
<section class="card" aria-labelledby="placement-heading">
<h2 id="placement-heading">Your placement</h2>
<dl class="facts">
${placementFactItems(view)}<dt>Documents due</dt><dd><strong>${displayDate(view.documentsDueDate)}</strong></dd>
</dl>
</section>
<p id="placement-status" class="notice notice--${message.tone}" data-status="${shown}">${message.text}</p>
<section aria-labelledby="checklist-heading">
<h2 id="checklist-heading">Checklist</h2>
<p id="progress-summary" class="progress-summary">${done} of ${view.requirements.length} done</p>
<ul class="checklist">
${view.requirements.map((requirement) => requirementItem(requirement, view, uploadsOpen))}
</ul>
</section>
<div id="live-status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
<section class="card" aria-labelledby="help-heading">
<h2 id="help-heading">Need help?</h2>
<p>Contact your placement coordinator. This page is just for you: do not share its link.</p>
</section>`;
  return renderPage({
    title: `Your documents for ${view.siteName}`,
    main,
    script: PORTAL_SCRIPT,
    storageOrigins: [view.storageOrigin],
  });
};

export type PortalClosedKind = 'expired' | 'not-found' | 'finished';

export interface PortalClosedInfo {
  siteName?: string;
  program?: string;
  startDate?: string;
  endDate?: string;
  /** For `finished`: how the placement ended. */
  outcome?: 'CLEARED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';
  /** The coordinator to contact, shown as a mail link when given. */
  coordinatorEmail?: string;
}

const contactCoordinator = (info: PortalClosedInfo | undefined): SafeHtml =>
  info?.coordinatorEmail
    ? html`your placement coordinator at <a href="${`mailto:${info.coordinatorEmail}`}">${info.coordinatorEmail}</a>`
    : html`your placement coordinator`;

const finishedMessage = (info: PortalClosedInfo | undefined): { heading: string; body: SafeHtml } => {
  const site = info?.siteName ?? 'the site';
  const starts = info?.startDate ? ` on ${displayDate(info.startDate)}` : '';
  switch (info?.outcome) {
    case 'CLEARED':
      return {
        heading: 'You are cleared for your placement',
        body: html`<p>${site} approved your documents. You are all set to start${starts}.</p>
<p>Any first-day details will come from ${contactCoordinator(info)}.</p>`,
      };
    case 'DECLINED':
      return {
        heading: 'This placement will not go ahead',
        body: html`<p>${site} declined this placement, so there is nothing more to upload here.</p>
<p>Your placement coordinator will contact you about next steps. You can also contact ${contactCoordinator(info)}.</p>`,
      };
    case 'CANCELLED':
      return {
        heading: 'This placement was cancelled',
        body: html`<p>There is nothing more to upload here. If you did not expect this, contact ${contactCoordinator(info)}.</p>`,
      };
    case 'EXPIRED':
      return {
        heading: 'The due date for documents has passed',
        body: html`<p>Not all documents arrived in time, so this placement is on hold.</p>
<p>Contact ${contactCoordinator(info)} to find out what happens next.</p>`,
      };
    case 'FAILED':
      return {
        heading: 'Something went wrong on our side',
        body: html`<p>Our team has been alerted and is fixing it. You do not need to do anything now; we will email you when there is news.</p>`,
      };
    default:
      return {
        heading: 'Onboarding for this placement is finished',
        body: html`<p>There is nothing more to upload here. Questions? Contact ${contactCoordinator(info)}.</p>`,
      };
  }
};

const placementFacts = (info: PortalClosedInfo | undefined): SafeHtml | false =>
  Boolean(info?.siteName || info?.program || (info?.startDate && info.endDate)) &&
  html`<dl class="facts card">
${placementFactItems({
  siteName: info?.siteName || undefined,
  program: info?.program || undefined,
  startDate: info?.startDate || undefined,
  endDate: info?.endDate || undefined,
})}</dl>`;

/**
 * The page for a portal link that no longer opens the checklist: an expired link (410), an
 * unknown link (404), or a placement whose onboarding is over (200). Same headers as the portal.
 */
export const renderPortalClosedPage = (
  kind: PortalClosedKind,
  info?: PortalClosedInfo,
): RenderedClosedPage => {
  let heading: string;
  let body: SafeHtml;
  let statusCode: RenderedClosedPage['statusCode'];
  if (kind === 'expired') {
    statusCode = 410;
    heading = 'This link has expired';
    body = html`<p>For your security, document links stop working after their due date.</p>
<p><strong>What to do next:</strong> contact ${contactCoordinator(info)}. If your placement is still going ahead, a new link will arrive with your next reminder email.</p>`;
  } else if (kind === 'not-found') {
    statusCode = 404;
    heading = 'We could not find this page';
    body = html`<p>The link may be incomplete. Open it again from the email we sent you, or copy the whole link into your browser.</p>
<p>Still not working? Contact ${contactCoordinator(info)}.</p>`;
  } else {
    statusCode = 200;
    ({ heading, body } = finishedMessage(info));
  }
  const page = renderPage({
    title: heading,
    main: html`<h1>${heading}</h1>
${body}
${placementFacts(info)}`,
  });
  return { ...page, statusCode };
};
