import { MAX_UPLOAD_BYTES } from '../core/file-signature.js';
import { MONTHS } from './display-date.js';
import { CALENDAR_DATE_IN_TEXT, FIELD_LABELS, FORMAT_REWRITES } from './display-message.js';
import type { InlineScript } from './page-layout.js';
import { PORTAL_STATUS_MESSAGES, UPLOAD_OPEN_STATUSES } from './portal-status-messages.js';
import { CHECKING_LABEL, REQUIREMENT_STATUS_LABELS } from './requirement-status-label.js';
import { cspHash } from './security-headers.js';

/** File extensions and content types the portal accepts (the upload processor checks magic bytes). */
export const UPLOAD_CONTENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  heic: 'image/heic',
};

/** A constant as a JavaScript literal that cannot close the `<script>` element it sits in. */
const literal = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The portal page's only script (progressive enhancement: the page reads fine without it).
 * It validates a file and its date before uploading (a browser without a date picker gets a
 * text box: then it reads `14 March 2025` too), shows the API's messages the way the page
 * words dates (see display-message.ts), asks `{page}/uploads` for a presigned
 * POST, sends the file with a progress bar, then polls `{page}/status` every 2 s for up to
 * 60 s and updates the checklist in place, announcing changes through the live region.
 * DOM updates use `textContent` only, never HTML.
 */
const PORTAL_SCRIPT_TEXT = String.raw`
(function () {
  'use strict';
  var MAX_BYTES = ${MAX_UPLOAD_BYTES};
  var POLL_EVERY_MS = 2000;
  var POLL_FOR_MS = 60000;
  var TYPES_BY_EXTENSION = ${literal(UPLOAD_CONTENT_TYPES)};
  var STATUS_LABELS = ${literal(REQUIREMENT_STATUS_LABELS)};
  var CHECKING_LABEL = ${literal(CHECKING_LABEL)};
  var PLACEMENT_MESSAGES = ${literal(PORTAL_STATUS_MESSAGES)};
  var UPLOAD_OPEN = ${literal(UPLOAD_OPEN_STATUSES)};
  var MONTHS = ${literal(MONTHS)};
  var FIELD_LABELS = ${literal(FIELD_LABELS)};
  var FORMAT_REWRITES = ${literal(FORMAT_REWRITES)};
  var CALENDAR_DATE_IN_TEXT = ${literal(CALENDAR_DATE_IN_TEXT)};
  var BADGE_CLASSES = { ACCEPTED: 'badge--done', WAIVED: 'badge--waived', REJECTED: 'badge--problem', MISSING: 'badge--todo' };

  var base = location.pathname.replace(/\/+$/, '');
  var live = document.getElementById('live-status');
  var announceTimer = 0;

  function announce(text) {
    if (!live) return;
    live.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { live.textContent = text; }, 100);
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  function isCalendarDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  function displayDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    var month = m && MONTHS[+m[2] - 1];
    return month ? +m[3] + ' ' + month + ' ' + m[1] : value;
  }
  function labelOf(field) {
    return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? FIELD_LABELS[field] : '';
  }
  // Same rewrites as displayMessage in display-message.ts.
  function displayMessage(message) {
    var text = String(message).replace(/^([A-Za-z]+): /, function (prefix, field) {
      var label = labelOf(field);
      return label ? label + ': ' : prefix;
    });
    for (var i = 0; i < FORMAT_REWRITES.length; i++) {
      text = text.replace(new RegExp(FORMAT_REWRITES[i].pattern, 'g'), FORMAT_REWRITES[i].replacement);
    }
    return text.replace(new RegExp(CALENDAR_DATE_IN_TEXT, 'g'), displayDate);
  }
  function monthNumber(name) {
    var word = name.toLowerCase().replace(/\.$/, '');
    if (word.length < 3) return 0;
    for (var i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].toLowerCase().indexOf(word) === 0) return i + 1;
    }
    return 0;
  }
  function hasDatePicker(input) { return input.type === 'date'; }
  /**
   * The calendar date an input holds, as YYYY-MM-DD, or '' when it holds none. A date picker's
   * value is already that; a plain text box (no date picker) also takes "14 March 2025" and
   * "March 14, 2025". All-number dates are refused there: 03/04/2025 means two different days.
   */
  function dateValue(input) {
    var value = (input.value || '').trim();
    if (hasDatePicker(input) || isCalendarDate(value)) return isCalendarDate(value) ? value : '';
    var day, month, year, m;
    if ((m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(value))) { day = +m[1]; month = monthNumber(m[2]); year = m[3]; }
    else if ((m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(value))) { day = +m[2]; month = monthNumber(m[1]); year = m[3]; }
    else return '';
    var date = year + '-' + pad(month) + '-' + pad(day);
    return month && isCalendarDate(date) ? date : '';
  }
  function extensionOf(name) {
    var m = /\.([A-Za-z0-9]+)$/.exec(name || '');
    return m ? m[1].toLowerCase() : '';
  }
  function contentTypeOf(file) {
    var type = (file.type || '').toLowerCase();
    if (type === 'image/heif') type = 'image/heic';
    for (var ext in TYPES_BY_EXTENSION) {
      if (TYPES_BY_EXTENSION[ext] === type) return type;
    }
    return TYPES_BY_EXTENSION[extensionOf(file.name)] || '';
  }
  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }
  function part(root, role) { return root.querySelector('[data-role="' + role + '"]'); }

  function itemFor(code) {
    var items = document.querySelectorAll('li[data-code]');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-code') === code) return items[i];
    }
    return null;
  }
  function titleOf(item) {
    var heading = item && item.querySelector('h3');
    return heading ? heading.textContent : 'This document';
  }

  function checkFile(form) {
    var input = form.querySelector('input[type="file"]');
    var file = input.files && input.files[0];
    if (!file) return { input: input, message: 'Choose the file to upload.' };
    if (!contentTypeOf(file)) {
      return { input: input, message: '"' + file.name + '" is not a PDF, PNG, JPG or HEIC file. Save or scan the document in one of those formats, then choose it again.' };
    }
    if (file.size > MAX_BYTES) {
      return { input: input, message: '"' + file.name + '" is ' + megabytes(file.size) + ', over the 10 MB limit. Take a smaller photo or scan at a lower resolution, then choose it again.' };
    }
    if (file.size === 0) return { input: input, message: '"' + file.name + '" is empty. Choose the file again.' };
    return null;
  }

  function dateInputOf(form) { return form.querySelector('input[name="issuedOn"], input[name="expiresOn"]'); }

  // Worded by what the date means, never by a format: the date picker shows dates the phone's way.
  function checkDate(form) {
    var input = dateInputOf(form);
    var expiry = form.getAttribute('data-date-field') === 'expiresOn';
    var name = expiry ? 'expiry date' : 'date issued';
    var value = dateValue(input);
    if (!value) {
      var typed = (input.value || '').trim() !== '' || (input.validity && input.validity.badInput);
      if (!typed) return { input: input, message: expiry ? 'Enter the expiry date printed on the document.' : 'Enter the date printed on the document.' };
      if (hasDatePicker(input)) return { input: input, message: 'Enter the whole ' + name + ': day, month and year.' };
      return { input: input, message: 'Enter the ' + name + ' as day, month and year, for example ' + (expiry ? '31 March 2027' : '14 March 2025') + '.' };
    }
    if (expiry) {
      var end = form.getAttribute('data-end-date');
      if (end && value < end) {
        return { input: input, message: 'This document expires before your placement ends on ' + form.getAttribute('data-end-date-text') + '. Renew it and upload one that is valid until at least then.' };
      }
      return null;
    }
    if (value > today()) return { input: input, message: 'The date issued cannot be in the future. Check the date on the document.' };
    return null;
  }

  function showFieldError(problem) {
    var error = document.getElementById(problem.input.id + '-error');
    problem.input.setAttribute('aria-invalid', 'true');
    if (error) { error.textContent = problem.message; error.hidden = false; }
  }
  function clearFieldError(input) {
    var error = document.getElementById(input.id + '-error');
    input.removeAttribute('aria-invalid');
    if (error) { error.textContent = ''; error.hidden = true; }
  }
  function setNote(form, text) { var note = part(form, 'note'); if (note) note.textContent = text; }
  function setError(form, text) { var error = part(form, 'error'); if (error) error.textContent = text; }

  function setBusy(form, busy) {
    var fieldset = form.querySelector('fieldset');
    if (fieldset) fieldset.disabled = busy;
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  /** The API's error as the student reads it, and what it says about the date field (if anything). */
  function apiError(data, status, dateField) {
    var error = data && data.error;
    if (error && typeof error.message === 'string') {
      var messages = [displayMessage(error.message)];
      var dateMessage = '';
      var details = Array.isArray(error.details) ? error.details : [];
      for (var i = 0; i < details.length; i++) {
        var detail = details[i] || {};
        if (typeof detail.message !== 'string') continue;
        var message = displayMessage(detail.message);
        if (detail.path === dateField && !dateMessage) dateMessage = message;
        var label = labelOf(detail.path);
        var line = label ? label + ': ' + message : message;
        if (messages.indexOf(line) < 0 && messages[0].indexOf(message) < 0) messages.push(line);
      }
      return { message: messages.join(' '), dateMessage: dateMessage };
    }
    if (status === 410) return { message: 'This link has expired. Contact your placement coordinator.' };
    return { message: 'Something went wrong on our side (' + status + '). Please try again in a few minutes.' };
  }

  function failure(problem) {
    var error = new Error(problem.message);
    error.dateMessage = problem.dateMessage || '';
    return error;
  }

  function requestUpload(body, dateField) {
    return fetch(base + '/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) throw failure(apiError(data, response.status, dateField));
        if (!data || !data.upload || typeof data.upload.url !== 'string') {
          throw new Error('The upload could not start. Please try again.');
        }
        return data;
      });
    }, function () {
      throw new Error('We could not reach the server. Check your internet connection and try again.');
    });
  }

  function storageErrorMessage(xhr) {
    var text = xhr.responseText || '';
    if (text.indexOf('EntityTooLarge') >= 0) return 'The file is over the 10 MB limit. Choose a smaller file.';
    if (xhr.status === 403) return 'The upload link ran out. Press Upload again.';
    return 'The upload did not go through (' + xhr.status + '). Please try again.';
  }

  function sendFile(form, upload, file) {
    var box = part(form, 'progress');
    var bar = box && box.querySelector('progress');
    var percent = part(form, 'percent');
    function show(value) {
      if (bar) bar.value = value;
      if (percent) percent.textContent = value + '%';
    }
    if (box) box.hidden = false;
    show(0);
    return new Promise(function (resolve, reject) {
      var data = new FormData();
      var fields = upload.fields || {};
      Object.keys(fields).forEach(function (name) { data.append(name, fields[name]); });
      data.append('file', file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', upload.url);
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable && event.total > 0) show(Math.round((event.loaded / event.total) * 100));
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) { show(100); resolve(); }
        else reject(new Error(storageErrorMessage(xhr)));
      });
      xhr.addEventListener('error', function () {
        reject(new Error('The upload was interrupted. Check your internet connection and try again.'));
      });
      xhr.send(data);
    }).then(function () {
      if (box) box.hidden = true;
    }, function (error) {
      if (box) box.hidden = true;
      throw error;
    });
  }

  function setBadge(item, status, text) {
    var badge = part(item, 'badge');
    if (!badge) return;
    badge.className = 'badge ' + (status === 'CHECKING' ? 'badge--checking' : BADGE_CLASSES[status] || 'badge--todo');
    var label = part(badge, 'badge-text');
    if (label) label.textContent = text;
  }

  function applyRequirement(item, requirement, uploadsOpen) {
    var status = requirement.status;
    item.setAttribute('data-status', status);
    if (item.getAttribute('data-checking') !== 'true') setBadge(item, status, STATUS_LABELS[status] || status);
    var reason = part(item, 'reason');
    var reasonText = part(item, 'reason-text');
    var reasonLabel = part(item, 'reason-label');
    var hasReason = (status === 'REJECTED' || status === 'WAIVED') && typeof requirement.reason === 'string' && requirement.reason !== '';
    if (reason && reasonText) {
      reason.hidden = !hasReason;
      reason.className = status === 'WAIVED' ? 'reason reason--plain' : 'reason';
      reasonText.textContent = hasReason ? displayMessage(requirement.reason) : '';
      if (reasonLabel) reasonLabel.textContent = status === 'WAIVED' ? 'Why it was waived:' : 'Why it was not accepted:';
    }
    var outstanding = status === 'MISSING' || status === 'REJECTED';
    var todo = part(item, 'todo');
    var done = part(item, 'done');
    if (todo) todo.hidden = !outstanding;
    if (done) done.hidden = outstanding;
    var form = item.querySelector('form[data-upload]');
    if (form) form.hidden = !(outstanding && uploadsOpen);
  }

  function applyStatus(data) {
    var requirements = Array.isArray(data.requirements) ? data.requirements : [];
    var uploadsOpen = UPLOAD_OPEN.indexOf(data.status) >= 0;
    var done = 0;
    var outstanding = 0;
    for (var i = 0; i < requirements.length; i++) {
      var requirement = requirements[i];
      if (requirement.status === 'ACCEPTED' || requirement.status === 'WAIVED') done++;
      if (requirement.status === 'MISSING' || requirement.status === 'REJECTED') outstanding++;
      var item = itemFor(requirement.code);
      if (item) applyRequirement(item, requirement, uploadsOpen);
    }
    var summary = document.getElementById('progress-summary');
    if (summary && requirements.length > 0) {
      summary.textContent = done + ' of ' + requirements.length + ' done';
    }
    var notice = document.getElementById('placement-status');
    // Everything is in but the workflow has not moved on yet: say so rather than "upload".
    var shown = data.status === 'AWAITING_DOCUMENTS' && outstanding === 0 ? 'CHECKING' : data.status;
    var message = PLACEMENT_MESSAGES[shown];
    if (notice && message && notice.getAttribute('data-status') !== shown) {
      notice.setAttribute('data-status', shown);
      notice.className = 'notice notice--' + message.tone;
      notice.textContent = message.text;
      return message.text;
    }
    return '';
  }

  function findRequirement(data, code) {
    var requirements = data && Array.isArray(data.requirements) ? data.requirements : [];
    for (var i = 0; i < requirements.length; i++) {
      if (requirements[i].code === code) return requirements[i];
    }
    return null;
  }

  function isSettled(requirement, before, documentId) {
    if (requirement.status === 'ACCEPTED' || requirement.status === 'WAIVED') return true;
    if (requirement.status !== 'REJECTED') return false;
    if (requirement.documentId && requirement.documentId === documentId) return true;
    // The page shows reasons in display form (displayMessage), so compare them in that form.
    return before.status !== 'REJECTED' || displayMessage(requirement.reason || '') !== before.reason;
  }

  function pollStatus(code, before, documentId) {
    var started = Date.now();
    return new Promise(function (resolve) {
      function later() {
        if (Date.now() - started >= POLL_FOR_MS) resolve({ requirement: null, message: '' });
        else setTimeout(tick, POLL_EVERY_MS);
      }
      function tick() {
        fetch(base + '/status', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            var requirement = findRequirement(data, code);
            if (requirement && isSettled(requirement, before, documentId)) {
              var item = itemFor(code);
              if (item) item.removeAttribute('data-checking');
              resolve({ requirement: requirement, message: applyStatus(data) });
              return;
            }
            if (data) applyStatus(data);
            later();
          })
          .catch(later);
      }
      setTimeout(tick, POLL_EVERY_MS);
    });
  }

  function finish(form, item, outcome) {
    var title = titleOf(item);
    var requirement = outcome.requirement;
    var fileInput = form.querySelector('input[type="file"]');
    setBusy(form, false);
    if (!requirement) {
      setNote(form, 'We are still checking this document. It can take a few minutes: reload this page later to see the result.');
      announce(title + ': still being checked. Reload the page later to see the result.');
      return;
    }
    if (requirement.status === 'REJECTED') {
      if (fileInput) fileInput.value = '';
      setNote(form, '');
      setError(form, title + ' was not accepted: ' + (requirement.reason ? displayMessage(requirement.reason) : 'no reason given.') + ' Upload a new one.');
      return;
    }
    setNote(form, '');
    var words = requirement.status === 'WAIVED' ? 'waived' : 'accepted';
    announce(title + ': ' + words + '. ' + outcome.message);
    var heading = item.querySelector('h3');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  }

  function onSubmit(event) {
    event.preventDefault();
    var form = event.currentTarget;
    if (form.getAttribute('aria-busy') === 'true') return;
    var fileInput = form.querySelector('input[type="file"]');
    var dateInput = dateInputOf(form);
    clearFieldError(fileInput);
    clearFieldError(dateInput);
    setError(form, '');
    setNote(form, '');
    var problems = [checkFile(form), checkDate(form)].filter(Boolean);
    if (problems.length > 0) {
      problems.forEach(showFieldError);
      problems[0].input.focus();
      return;
    }
    var code = form.getAttribute('data-requirement');
    var item = itemFor(code) || form;
    var title = titleOf(item);
    var file = fileInput.files[0];
    var body = { requirementCode: code, fileName: file.name, contentType: contentTypeOf(file), size: file.size };
    var dateField = form.getAttribute('data-date-field');
    body[dateField] = dateValue(dateInput);
    var reasonBox = part(item, 'reason');
    var reasonText = part(item, 'reason-text');
    var before = {
      status: item.getAttribute('data-status'),
      reason: reasonBox && reasonText && !reasonBox.hidden ? reasonText.textContent : undefined
    };
    var documentId = null;

    setBusy(form, true);
    setNote(form, 'Uploading ' + file.name + '…');
    announce('Uploading ' + title + '.');
    requestUpload(body, dateField)
      .then(function (answer) {
        documentId = answer.documentId;
        return sendFile(form, answer.upload, file);
      })
      .then(function () {
        item.setAttribute('data-checking', 'true');
        setBadge(item, 'CHECKING', CHECKING_LABEL);
        setNote(form, 'Uploaded. We are checking it now; this page updates by itself.');
        announce(title + ': uploaded. Checking it now.');
        return pollStatus(code, before, documentId).then(function (outcome) { finish(form, item, outcome); });
      })
      .catch(function (error) {
        item.removeAttribute('data-checking');
        setBusy(form, false);
        setNote(form, '');
        setError(form, error && error.message ? error.message : 'Something went wrong. Please try again.');
        if (error && error.dateMessage) showFieldError({ input: dateInput, message: error.dateMessage });
      });
  }

  var forms = document.querySelectorAll('form[data-upload]');
  for (var i = 0; i < forms.length; i++) {
    var form = forms[i];
    form.addEventListener('submit', onSubmit);
    var fileInput = form.querySelector('input[type="file"]');
    var dateInput = dateInputOf(form);
    if (dateInput && form.getAttribute('data-date-field') === 'issuedOn') dateInput.max = today();
    if (dateInput && !hasDatePicker(dateInput)) {
      // No date picker in this browser: a text box, so say how to type the date.
      var hint = document.getElementById(dateInput.id + '-hint');
      if (hint) hint.textContent += ' Type it as day, month and year, for example 14 March 2025.';
    }
    if (fileInput) {
      fileInput.addEventListener('change', function (event) {
        var input = event.currentTarget;
        clearFieldError(input);
        var problem = checkFile(input.form);
        if (problem && input.files && input.files.length > 0) showFieldError(problem);
      });
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = false;
    var noJs = part(form, 'needs-js');
    if (noJs) noJs.hidden = true;
  }
})();
`;

export const PORTAL_SCRIPT: InlineScript = { text: PORTAL_SCRIPT_TEXT, hash: cspHash(PORTAL_SCRIPT_TEXT) };
