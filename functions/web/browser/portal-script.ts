/**
 * The portal page's only script (progressive enhancement: the page reads fine without it), as a
 * browser module: the build bundles it with what it imports and minifies it into the page's inline
 * script (infra/bundling/browser-scripts.ts), and the CSP hash is taken of that text.
 *
 * It validates a file and its date before uploading (a browser without a date picker gets a
 * text box: then it reads `14 March 2025` too), shows the API's messages the way the page
 * words dates (displayMessage), asks `{page}/uploads` for a presigned POST, sends the file with a
 * progress bar, then polls `{page}/status` every 2 s for up to 60 s and updates the checklist in
 * place, announcing changes through the live region. DOM updates use `textContent` only, never HTML.
 */
import { isCalendarDate } from '../../core/calendar-date.js';
import { MAX_UPLOAD_BYTES } from '../../core/file-signature.js';
import { MONTHS } from '../display-date.js';
import { displayMessage, fieldLabelOf } from '../display-message.js';
import { portalStatusMessage, shownPortalStatus, UPLOAD_OPEN_STATUSES } from '../portal-status-messages.js';
import {
  CHECKING_LABEL,
  requirementStatusClass,
  requirementStatusLabel,
} from '../requirement-status-label.js';
import { UPLOAD_CONTENT_TYPES } from '../upload-content-types.js';

const POLL_EVERY_MS = 2000;
const POLL_FOR_MS = 60000;

/** A requirement as `{page}/status` reports it. */
interface RequirementJson {
  code: string;
  status: string;
  reason?: string;
  documentId?: string;
}

interface StatusJson {
  status: string;
  requirements?: RequirementJson[];
}

interface UploadJson {
  documentId?: string;
  upload: { url: string; fields?: Record<string, string> };
}

interface ErrorJson {
  error?: { message?: unknown; details?: unknown };
}

/** A field the student must fix, and what to tell them. */
interface FieldProblem {
  input: HTMLInputElement;
  message: string;
}

/** What the requirement looked like before this upload (to tell a new outcome from the old one). */
interface Before {
  status: string | null;
  reason: string | undefined;
}

interface PollOutcome {
  requirement: RequirementJson | null;
  message: string;
}

/** An error whose message the student reads, and what it says about the date field. */
class UploadProblemError extends Error {
  override readonly name = 'UploadProblemError';
  constructor(
    message: string,
    readonly dateMessage = '',
  ) {
    super(message);
  }
}

const base = location.pathname.replace(/\/+$/, '');
const live = document.getElementById('live-status');
let announceTimer = 0;

function announce(text: string): void {
  if (!live) return;
  live.textContent = '';
  clearTimeout(announceTimer);
  announceTimer = window.setTimeout(() => {
    live.textContent = text;
  }, 100);
}

const pad = (n: number): string => (n < 10 ? '0' : '') + n;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function monthNumber(name: string): number {
  const word = name.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return 0;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(word));
  return index + 1;
}

const hasDatePicker = (input: HTMLInputElement): boolean => input.type === 'date';

/**
 * The calendar date an input holds, as YYYY-MM-DD, or '' when it holds none. A date picker's
 * value is already that; a plain text box (no date picker) also takes "14 March 2025" and
 * "March 14, 2025". All-number dates are refused there: 03/04/2025 means two different days.
 */
function dateValue(input: HTMLInputElement): string {
  const value = (input.value || '').trim();
  if (hasDatePicker(input) || isCalendarDate(value)) return isCalendarDate(value) ? value : '';
  const dayFirst = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(value);
  const monthFirst = dayFirst ? null : /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(value);
  if (!dayFirst && !monthFirst) return '';
  const day = Number(dayFirst ? dayFirst[1] : monthFirst?.[2]);
  const month = monthNumber((dayFirst ? dayFirst[2] : monthFirst?.[1]) ?? '');
  const year = (dayFirst ?? monthFirst)?.[3] ?? '';
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return month && isCalendarDate(date) ? date : '';
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name || '');
  return m?.[1] ? m[1].toLowerCase() : '';
}

function contentTypeOf(file: File): string {
  let type = (file.type || '').toLowerCase();
  if (type === 'image/heif') type = 'image/heic';
  if (Object.values(UPLOAD_CONTENT_TYPES).includes(type)) return type;
  return UPLOAD_CONTENT_TYPES[extensionOf(file.name)] ?? '';
}

const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

const part = <T extends HTMLElement = HTMLElement>(root: ParentNode, role: string): T | null =>
  root.querySelector<T>(`[data-role="${role}"]`);

function itemFor(code: string | null): HTMLElement | null {
  for (const item of document.querySelectorAll<HTMLElement>('li[data-code]')) {
    if (item.getAttribute('data-code') === code) return item;
  }
  return null;
}

function titleOf(item: ParentNode | null): string {
  const heading = item?.querySelector('h3');
  return heading?.textContent ?? 'This document';
}

const fileInputOf = (form: HTMLFormElement): HTMLInputElement | null =>
  form.querySelector<HTMLInputElement>('input[type="file"]');

const dateInputOf = (form: HTMLFormElement): HTMLInputElement | null =>
  form.querySelector<HTMLInputElement>('input[name="issuedOn"], input[name="expiresOn"]');

function checkFile(form: HTMLFormElement): FieldProblem | null {
  const input = fileInputOf(form);
  if (!input) return null;
  const file = input.files?.[0];
  if (!file) return { input, message: 'Choose the file to upload.' };
  if (!contentTypeOf(file)) {
    return {
      input,
      message: `"${file.name}" is not a PDF, PNG, JPG or HEIC file. Save or scan the document in one of those formats, then choose it again.`,
    };
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return {
      input,
      message: `"${file.name}" is ${megabytes(file.size)}, over the 10 MB limit. Take a smaller photo or scan at a lower resolution, then choose it again.`,
    };
  }
  if (file.size === 0) return { input, message: `"${file.name}" is empty. Choose the file again.` };
  return null;
}

// Worded by what the date means, never by a format: the date picker shows dates the phone's way.
function checkDate(form: HTMLFormElement): FieldProblem | null {
  const input = dateInputOf(form);
  if (!input) return null;
  const expiry = form.getAttribute('data-date-field') === 'expiresOn';
  const name = expiry ? 'expiry date' : 'date issued';
  const value = dateValue(input);
  if (!value) {
    const typed = (input.value || '').trim() !== '' || input.validity?.badInput;
    if (!typed) {
      return {
        input,
        message: expiry
          ? 'Enter the expiry date printed on the document.'
          : 'Enter the date printed on the document.',
      };
    }
    if (hasDatePicker(input)) return { input, message: `Enter the whole ${name}: day, month and year.` };
    return {
      input,
      message: `Enter the ${name} as day, month and year, for example ${expiry ? '31 March 2027' : '14 March 2025'}.`,
    };
  }
  if (expiry) {
    const end = form.getAttribute('data-end-date');
    if (end && value < end) {
      return {
        input,
        message: `This document expires before your placement ends on ${form.getAttribute('data-end-date-text')}. Renew it and upload one that is valid until at least then.`,
      };
    }
    return null;
  }
  if (value > today()) {
    return { input, message: 'The date issued cannot be in the future. Check the date on the document.' };
  }
  return null;
}

function showFieldError(problem: FieldProblem): void {
  const error = document.getElementById(`${problem.input.id}-error`);
  problem.input.setAttribute('aria-invalid', 'true');
  if (error) {
    error.textContent = problem.message;
    error.hidden = false;
  }
}

function clearFieldError(input: HTMLInputElement | null): void {
  if (!input) return;
  const error = document.getElementById(`${input.id}-error`);
  input.removeAttribute('aria-invalid');
  if (error) {
    error.textContent = '';
    error.hidden = true;
  }
}

function setNote(form: HTMLFormElement, text: string): void {
  const note = part(form, 'note');
  if (note) note.textContent = text;
}

function setError(form: HTMLFormElement, text: string): void {
  const error = part(form, 'error');
  if (error) error.textContent = text;
}

function setBusy(form: HTMLFormElement, busy: boolean): void {
  const fieldset = form.querySelector('fieldset');
  if (fieldset) fieldset.disabled = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
}

/** The API's error as the student reads it, and what it says about the date field (if anything). */
function apiError(data: unknown, status: number, dateField: string | null): UploadProblemError {
  const error = (data as ErrorJson | null)?.error;
  if (error && typeof error.message === 'string') {
    const messages = [displayMessage(error.message)];
    let dateMessage = '';
    const details: unknown[] = Array.isArray(error.details) ? error.details : [];
    for (const entry of details) {
      const detail = (entry ?? {}) as { path?: unknown; message?: unknown };
      if (typeof detail.message !== 'string') continue;
      const message = displayMessage(detail.message);
      if (detail.path === dateField && !dateMessage) dateMessage = message;
      const label = typeof detail.path === 'string' ? fieldLabelOf(detail.path) : undefined;
      const line = label ? `${label}: ${message}` : message;
      if (!messages.includes(line) && !(messages[0] ?? '').includes(message)) messages.push(line);
    }
    return new UploadProblemError(messages.join(' '), dateMessage);
  }
  if (status === 410)
    return new UploadProblemError('This link has expired. Contact your placement coordinator.');
  return new UploadProblemError(
    `Something went wrong on our side (${status}). Please try again in a few minutes.`,
  );
}

async function requestUpload(body: Record<string, unknown>, dateField: string | null): Promise<UploadJson> {
  let response: Response;
  try {
    response = await fetch(`${base}/uploads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new Error('We could not reach the server. Check your internet connection and try again.');
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiError(data, response.status, dateField);
  const upload = (data as Partial<UploadJson> | null)?.upload;
  if (!upload || typeof upload.url !== 'string')
    throw new Error('The upload could not start. Please try again.');
  return data as UploadJson;
}

function storageErrorMessage(xhr: XMLHttpRequest): string {
  const text = xhr.responseText || '';
  if (text.includes('EntityTooLarge')) return 'The file is over the 10 MB limit. Choose a smaller file.';
  if (xhr.status === 403) return 'The upload link ran out. Press Upload again.';
  return `The upload did not go through (${xhr.status}). Please try again.`;
}

async function sendFile(form: HTMLFormElement, upload: UploadJson['upload'], file: File): Promise<void> {
  const box = part(form, 'progress');
  const bar = box?.querySelector('progress');
  const percent = part(form, 'percent');
  const show = (value: number) => {
    if (bar) bar.value = value;
    if (percent) percent.textContent = `${value}%`;
  };
  if (box) box.hidden = false;
  show(0);
  try {
    await new Promise<void>((resolve, reject) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(upload.fields ?? {})) data.append(name, value);
      data.append('file', file);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', upload.url);
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) show(Math.round((event.loaded / event.total) * 100));
      });
      xhr.addEventListener('load', () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          show(100);
          resolve();
        } else {
          reject(new Error(storageErrorMessage(xhr)));
        }
      });
      xhr.addEventListener('error', () => {
        reject(new Error('The upload was interrupted. Check your internet connection and try again.'));
      });
      xhr.send(data);
    });
  } finally {
    if (box) box.hidden = true;
  }
}

function setBadge(item: HTMLElement, status: string, text: string): void {
  const badge = part(item, 'badge');
  if (!badge) return;
  badge.className = status === 'CHECKING' ? 'badge badge--checking' : requirementStatusClass(status);
  const label = part(badge, 'badge-text');
  if (label) label.textContent = text;
}

function applyRequirement(item: HTMLElement, requirement: RequirementJson, uploadsOpen: boolean): void {
  const status = requirement.status;
  item.setAttribute('data-status', status);
  if (item.getAttribute('data-checking') !== 'true') setBadge(item, status, requirementStatusLabel(status));
  const reason = part(item, 'reason');
  const reasonText = part(item, 'reason-text');
  const reasonLabel = part(item, 'reason-label');
  const hasReason =
    (status === 'REJECTED' || status === 'WAIVED') &&
    typeof requirement.reason === 'string' &&
    requirement.reason !== '';
  if (reason && reasonText) {
    reason.hidden = !hasReason;
    reason.className = status === 'WAIVED' ? 'reason reason--plain' : 'reason';
    reasonText.textContent = hasReason ? displayMessage(requirement.reason ?? '') : '';
    if (reasonLabel)
      reasonLabel.textContent = status === 'WAIVED' ? 'Why it was waived:' : 'Why it was not accepted:';
  }
  const outstanding = status === 'MISSING' || status === 'REJECTED';
  const todo = part(item, 'todo');
  const done = part(item, 'done');
  if (todo) todo.hidden = !outstanding;
  if (done) done.hidden = outstanding;
  const form = item.querySelector<HTMLFormElement>('form[data-upload]');
  if (form) form.hidden = !(outstanding && uploadsOpen);
}

/** Updates the checklist and the placement notice; the notice's new text, or '' when it did not change. */
function applyStatus(data: StatusJson): string {
  const requirements = Array.isArray(data.requirements) ? data.requirements : [];
  const uploadsOpen = (UPLOAD_OPEN_STATUSES as readonly string[]).includes(data.status);
  let done = 0;
  for (const requirement of requirements) {
    if (requirement.status === 'ACCEPTED' || requirement.status === 'WAIVED') done++;
    const item = itemFor(requirement.code);
    if (item) applyRequirement(item, requirement, uploadsOpen);
  }
  const summary = document.getElementById('progress-summary');
  if (summary && requirements.length > 0) summary.textContent = `${done} of ${requirements.length} done`;
  const notice = document.getElementById('placement-status');
  // Everything is in: the school is checking it, or the workflow has not moved on yet; not "upload".
  const shown = shownPortalStatus(data.status, requirements);
  const message = portalStatusMessage(shown);
  if (notice && message && notice.getAttribute('data-status') !== shown) {
    notice.setAttribute('data-status', shown);
    notice.className = `notice notice--${message.tone}`;
    notice.textContent = message.text;
    return message.text;
  }
  return '';
}

function findRequirement(data: StatusJson | null, code: string | null): RequirementJson | null {
  const requirements = data && Array.isArray(data.requirements) ? data.requirements : [];
  return requirements.find((requirement) => requirement.code === code) ?? null;
}

function isSettled(requirement: RequirementJson, before: Before, documentId: string | undefined): boolean {
  if (requirement.status === 'ACCEPTED' || requirement.status === 'WAIVED') return true;
  // Passed the file checks at a staff site: settled until a person at the school decides.
  if (requirement.status === 'SUBMITTED') return true;
  if (requirement.status !== 'REJECTED') return false;
  if (requirement.documentId && requirement.documentId === documentId) return true;
  // The page shows reasons in display form (displayMessage), so compare them in that form.
  return before.status !== 'REJECTED' || displayMessage(requirement.reason ?? '') !== before.reason;
}

function pollStatus(
  code: string | null,
  before: Before,
  documentId: string | undefined,
): Promise<PollOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const later = () => {
      if (Date.now() - started >= POLL_FOR_MS) resolve({ requirement: null, message: '' });
      else setTimeout(tick, POLL_EVERY_MS);
    };
    const tick = () => {
      fetch(`${base}/status`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
      })
        .then((response) => (response.ok ? (response.json() as Promise<StatusJson>) : null))
        .then((data) => {
          const requirement = findRequirement(data, code);
          if (data && requirement && isSettled(requirement, before, documentId)) {
            itemFor(code)?.removeAttribute('data-checking');
            resolve({ requirement, message: applyStatus(data) });
            return;
          }
          if (data) applyStatus(data);
          later();
        })
        .catch(later);
    };
    setTimeout(tick, POLL_EVERY_MS);
  });
}

function finish(form: HTMLFormElement, item: HTMLElement, outcome: PollOutcome): void {
  const title = titleOf(item);
  const requirement = outcome.requirement;
  const fileInput = fileInputOf(form);
  setBusy(form, false);
  if (!requirement) {
    setNote(
      form,
      'We are still checking this document. It can take a few minutes: reload this page later to see the result.',
    );
    announce(`${title}: still being checked. Reload the page later to see the result.`);
    return;
  }
  if (requirement.status === 'REJECTED') {
    if (fileInput) fileInput.value = '';
    setNote(form, '');
    const reason = requirement.reason ? displayMessage(requirement.reason) : 'no reason given.';
    setError(form, `${title} was not accepted: ${reason} Upload a new one.`);
    return;
  }
  setNote(form, '');
  const words =
    requirement.status === 'WAIVED'
      ? 'waived'
      : requirement.status === 'SUBMITTED'
        ? 'received, being checked by the school'
        : 'accepted';
  announce(`${title}: ${words}. ${outcome.message}`);
  const heading = item.querySelector('h3');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

async function upload(form: HTMLFormElement): Promise<void> {
  const fileInput = fileInputOf(form);
  const dateInput = dateInputOf(form);
  clearFieldError(fileInput);
  clearFieldError(dateInput);
  setError(form, '');
  setNote(form, '');
  const problems = [checkFile(form), checkDate(form)].filter((problem) => problem !== null);
  if (problems.length > 0) {
    problems.forEach(showFieldError);
    problems[0]?.input.focus();
    return;
  }
  const file = fileInput?.files?.[0];
  if (!file || !dateInput) return;
  const code = form.getAttribute('data-requirement');
  const item = itemFor(code) ?? form;
  const title = titleOf(item);
  const dateField = form.getAttribute('data-date-field');
  const body: Record<string, unknown> = {
    requirementCode: code,
    fileName: file.name,
    contentType: contentTypeOf(file),
    size: file.size,
  };
  if (dateField) body[dateField] = dateValue(dateInput);
  const reasonBox = part(item, 'reason');
  const reasonText = part(item, 'reason-text');
  const before: Before = {
    status: item.getAttribute('data-status'),
    reason: reasonBox && reasonText && !reasonBox.hidden ? (reasonText.textContent ?? undefined) : undefined,
  };

  setBusy(form, true);
  setNote(form, `Uploading ${file.name}…`);
  announce(`Uploading ${title}.`);
  try {
    const answer = await requestUpload(body, dateField);
    await sendFile(form, answer.upload, file);
    item.setAttribute('data-checking', 'true');
    setBadge(item, 'CHECKING', CHECKING_LABEL);
    setNote(form, 'Uploaded. We are checking it now; this page updates by itself.');
    announce(`${title}: uploaded. Checking it now.`);
    finish(form, item, await pollStatus(code, before, answer.documentId));
  } catch (error) {
    item.removeAttribute('data-checking');
    setBusy(form, false);
    setNote(form, '');
    setError(
      form,
      error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.',
    );
    if (error instanceof UploadProblemError && error.dateMessage)
      showFieldError({ input: dateInput, message: error.dateMessage });
  }
}

function onSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  if (form.getAttribute('aria-busy') === 'true') return;
  void upload(form);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-upload]')) {
  form.addEventListener('submit', onSubmit);
  const fileInput = fileInputOf(form);
  const dateInput = dateInputOf(form);
  if (dateInput && form.getAttribute('data-date-field') === 'issuedOn') dateInput.max = today();
  if (dateInput && !hasDatePicker(dateInput)) {
    // No date picker in this browser: a text box, so say how to type the date.
    const hint = document.getElementById(`${dateInput.id}-hint`);
    if (hint) hint.textContent += ' Type it as day, month and year, for example 14 March 2025.';
  }
  fileInput?.addEventListener('change', () => {
    clearFieldError(fileInput);
    const problem = checkFile(form);
    if (problem && fileInput.files && fileInput.files.length > 0) showFieldError(problem);
  });
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = false;
  const noJs = part(form, 'needs-js');
  if (noJs) noJs.hidden = true;
}
