import { REQUIREMENT_CODES } from '../../core/model/requirement-code.js';
import { overrideFieldFor, REQUIREMENT_CATALOGUE } from '../../core/requirement-catalogue.js';
import { mayPerform } from '../../staff-auth/console-permissions.js';
import { displayDate } from '../display-date.js';
import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { errorSummary, type FieldIssue, inputField, postForm } from './console-forms.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { VERIFICATION_LABELS } from './sites-page.js';

/** A site requirement: a catalogue code and the site's own validity window, when it has one. */
export interface SiteRequirementView {
  readonly code: string;
  readonly months?: number;
  readonly years?: number;
}

/** A stored site, as the API returns it. */
export interface SiteView {
  readonly siteId: string;
  readonly name: string;
  readonly adminEmails: readonly string[];
  readonly requirements: readonly SiteRequirementView[];
  readonly documentsDueDays: number;
  readonly reminderIntervalHours: number;
  readonly siteReminderIntervalHours: number;
  readonly verification: 'staff' | 'automatic';
  readonly agreement?: {
    readonly reference: string;
    readonly expiresOn: string;
    readonly contactEmails: readonly string[];
  };
}

/**
 * The site form as posted (all text, shown again as typed). Field names of the form:
 * `siteId` (create only), `name`, `adminEmails` (one per line), `requirements` (one per ticked
 * code), `months.<CODE>` / `years.<CODE>`, `documentsDueDays`, `reminderIntervalHours`,
 * `siteReminderIntervalHours`, `verification`, `agreementReference`, `agreementExpiresOn`,
 * `agreementContactEmails` (one per line).
 */
export interface SiteFormValues {
  readonly siteId?: string;
  readonly name?: string;
  readonly adminEmails?: string;
  /** The ticked requirements in the order they were sent to the API (so `requirements[2]` names the third). */
  readonly requirements: ReadonlyArray<{
    readonly code: string;
    readonly months?: string;
    readonly years?: string;
  }>;
  readonly documentsDueDays?: string;
  readonly reminderIntervalHours?: string;
  readonly siteReminderIntervalHours?: string;
  readonly verification?: string;
  readonly agreementReference?: string;
  readonly agreementExpiresOn?: string;
  readonly agreementContactEmails?: string;
}

export interface SitePageView {
  /** The stored site; absent when creating one. */
  readonly site?: SiteView;
  /** A posted form the API refused, with its `details[]` (paths like `adminEmails[0]`, `requirements[2].months`). */
  readonly form?: { readonly values: SiteFormValues; readonly errors: readonly FieldIssue[] };
}

/** The form's values for a stored site (or a new one, with the defaults of a new site). */
export const siteFormValues = (site: SiteView | undefined): SiteFormValues =>
  site === undefined
    ? {
        requirements: [],
        documentsDueDays: '14',
        reminderIntervalHours: '72',
        siteReminderIntervalHours: '48',
        verification: 'staff',
      }
    : {
        siteId: site.siteId,
        name: site.name,
        adminEmails: site.adminEmails.join('\n'),
        requirements: site.requirements.map((requirement) => ({
          code: requirement.code,
          months: requirement.months?.toString(),
          years: requirement.years?.toString(),
        })),
        documentsDueDays: String(site.documentsDueDays),
        reminderIntervalHours: String(site.reminderIntervalHours),
        siteReminderIntervalHours: String(site.siteReminderIntervalHours),
        verification: site.verification,
        agreementReference: site.agreement?.reference,
        agreementExpiresOn: site.agreement?.expiresOn,
        agreementContactEmails: site.agreement?.contactEmails.join('\n'),
      };

const SIMPLE_FIELDS: Readonly<Record<string, { id: string; label: string }>> = {
  siteId: { id: 'site-siteId', label: 'Site id' },
  name: { id: 'site-name', label: 'Name' },
  adminEmails: { id: 'site-adminEmails', label: 'Administrator emails' },
  documentsDueDays: { id: 'site-documentsDueDays', label: 'Documents due' },
  reminderIntervalHours: { id: 'site-reminderIntervalHours', label: 'Student reminders' },
  siteReminderIntervalHours: { id: 'site-siteReminderIntervalHours', label: 'Site reminders' },
  verification: { id: 'verification-staff', label: 'Verification' },
  agreement: { id: 'site-agreementReference', label: 'Agreement' },
  'agreement.reference': { id: 'site-agreementReference', label: 'Agreement reference' },
  'agreement.expiresOn': { id: 'site-agreementExpiresOn', label: 'Agreement expiry' },
  'agreement.contactEmails': { id: 'site-agreementContactEmails', label: 'Agreement contacts' },
};

/** Where an API error path belongs on the form: the field's id and a label for the summary. */
export const siteFieldOf = (
  path: string,
  values: SiteFormValues,
): { id: string; label: string } | undefined => {
  const requirement = /^requirements(?:\[(\d+)\](?:\.(months|years|code))?)?$/.exec(path);
  if (requirement) {
    const code = requirement[1] === undefined ? undefined : values.requirements[Number(requirement[1])]?.code;
    const first = code ?? values.requirements[0]?.code ?? REQUIREMENT_CODES[0];
    const title = REQUIREMENT_CATALOGUE[first as keyof typeof REQUIREMENT_CATALOGUE]?.title ?? first;
    const window = requirement[2] === 'months' || requirement[2] === 'years' ? requirement[2] : undefined;
    return window && code
      ? { id: `req-${code}-${window}`, label: `${title}, ${window}` }
      : { id: `req-${first}`, label: code ? title : 'Requirements' };
  }
  const list = /^(adminEmails|agreement\.contactEmails)\[(\d+)\]$/.exec(path);
  if (list?.[1]) {
    const field = SIMPLE_FIELDS[list[1]];
    return field && { id: field.id, label: `${field.label}, line ${Number(list[2]) + 1}` };
  }
  return SIMPLE_FIELDS[path];
};

const readOnlySite = (site: SiteView): SafeHtml => html`<section class="card" aria-labelledby="site-facts">
<h2 id="site-facts">Site</h2>
<dl class="facts">
<dt>Site id</dt><dd>${site.siteId}</dd>
<dt>Administrators</dt><dd>${site.adminEmails.map((email, index) => html`${index > 0 && html`<br>`}${email}`)}</dd>
<dt>Requirements</dt><dd><ul>${site.requirements.map((requirement) => {
  const title =
    REQUIREMENT_CATALOGUE[requirement.code as keyof typeof REQUIREMENT_CATALOGUE]?.title ?? requirement.code;
  const window = requirement.months
    ? ` (${requirement.months} months)`
    : requirement.years
      ? ` (${requirement.years} years)`
      : '';
  return html`<li>${title}${window}</li>`;
})}</ul></dd>
<dt>Documents due</dt><dd>${site.documentsDueDays} days after the placement is created</dd>
<dt>Student reminders</dt><dd>Every ${site.reminderIntervalHours} hours</dd>
<dt>Site reminders</dt><dd>Every ${site.siteReminderIntervalHours} hours</dd>
<dt>Verification</dt><dd>${VERIFICATION_LABELS[site.verification]}</dd>
<dt>Agreement</dt><dd>${site.agreement ? html`${site.agreement.reference}, expires ${displayDate(site.agreement.expiresOn)}<br>Contacts: ${site.agreement.contactEmails.join(', ')}` : 'No agreement recorded'}</dd>
</dl>
</section>`;

const requirementOptions = (values: SiteFormValues, errorsById: ReadonlyMap<string, string[]>): SafeHtml => {
  const chosen = new Map(values.requirements.map((requirement) => [requirement.code, requirement]));
  return html`<fieldset class="field"${errorsById.has('req-legend') && html` aria-describedby="req-legend-error"`}>
<legend>Requirements</legend>
<span class="hint">Tick what this site asks of every student. Where a rule has a validity window, you may set the site’s own; leave it empty for the usual one.</span>
<div class="requirement-options">
${REQUIREMENT_CODES.map((code) => {
  const definition = REQUIREMENT_CATALOGUE[code];
  const window = overrideFieldFor(code);
  const picked = chosen.get(code);
  const codeErrors = errorsById.get(`req-${code}`) ?? [];
  const windowId = `req-${code}-${window}`;
  const windowErrors = window ? (errorsById.get(windowId) ?? []) : [];
  const usual =
    definition.rule.kind === 'years-through-end'
      ? definition.rule.years
      : 'months' in definition.rule
        ? definition.rule.months
        : undefined;
  return html`<div class="requirement-option">
<label class="choice" for="req-${code}"><input type="checkbox" id="req-${code}" name="requirements" value="${code}"${picked && html` checked`}${codeErrors.length > 0 && html` aria-invalid="true" aria-describedby="req-${code}-error"`}><span>${definition.title}</span></label>
${
  window &&
  html`<div class="field"><label class="override" for="${windowId}">${window === 'months' ? 'Months' : 'Years'} <span class="visually-hidden">for ${definition.title}</span>(usual ${usual})</label>
<input type="number" id="${windowId}" name="${window}.${code}" min="1" max="${window === 'months' ? 120 : 20}" value="${picked?.[window] ?? ''}"${windowErrors.length > 0 && html` aria-invalid="true" aria-describedby="${windowId}-error"`}></div>`
}
${[...codeErrors.map((message) => ({ id: `req-${code}-error`, message })), ...windowErrors.map((message) => ({ id: `${windowId}-error`, message }))].map((error) => html`<p class="field-error" id="${error.id}">${error.message}</p>`)}
</div>`;
})}
</div>
</fieldset>`;
};

const siteForm = (context: ConsoleContext, view: SitePageView): SafeHtml => {
  const links = consoleLinks(context.basePath);
  const values = view.form?.values ?? siteFormValues(view.site);
  const issues = view.form?.errors ?? [];
  const errorsById = new Map<string, string[]>();
  const summary = issues.map((issue) => {
    const field = siteFieldOf(issue.path, values);
    if (field) errorsById.set(field.id, [...(errorsById.get(field.id) ?? []), issue.message]);
    return { text: field ? `${field.label}: ${issue.message}` : issue.message, fieldId: field?.id };
  });
  const errorsOf = (id: string) => errorsById.get(id) ?? [];
  const creating = view.site === undefined;
  const text = (
    name: keyof typeof SIMPLE_FIELDS & keyof SiteFormValues,
    options: {
      hint?: string;
      type?: 'text' | 'number' | 'date' | 'email';
      multiline?: boolean;
      required?: boolean;
      attributes?: Record<string, string | number>;
    } = {},
  ) => {
    const field = SIMPLE_FIELDS[name];
    if (!field) throw new Error(`No form field ${name}`);
    const value = values[name];
    return inputField({
      id: field.id,
      name,
      label: field.label,
      value: typeof value === 'string' ? value : undefined,
      errors: errorsOf(field.id),
      ...options,
    });
  };
  // The agreement fields post under flat names; their errors come back under `agreement.*` paths.
  const agreementFields = html`${inputField({ id: 'site-agreementReference', name: 'agreementReference', label: 'Agreement reference', value: values.agreementReference, errors: errorsOf('site-agreementReference'), attributes: { maxlength: 200 } })}
${inputField({ id: 'site-agreementExpiresOn', name: 'agreementExpiresOn', type: 'date', label: 'Expires on', value: values.agreementExpiresOn, errors: errorsOf('site-agreementExpiresOn') })}
${inputField({ id: 'site-agreementContactEmails', name: 'agreementContactEmails', multiline: true, label: 'Contacts at the school', hint: 'The staff who look after the agreement. One email address per line.', value: values.agreementContactEmails, errors: errorsOf('site-agreementContactEmails'), attributes: { rows: 2 } })}`;
  const fields = html`<section class="card" aria-labelledby="site-basics">
<h2 id="site-basics">The site</h2>
${creating && text('siteId', { required: true, hint: 'A short, permanent id used in links and the CSV import, e.g. riverside-general. Letters, digits and hyphens.', attributes: { maxlength: 200 } })}
${text('name', { required: true, attributes: { maxlength: 200 } })}
${text('adminEmails', { required: true, multiline: true, hint: 'The people at the site who review packets. One email address per line.', attributes: { rows: 3 } })}
</section>
<section class="card" aria-labelledby="site-requirements">
<h2 id="site-requirements">What students must provide</h2>
${requirementOptions(values, errorsById)}
</section>
<section class="card" aria-labelledby="site-timing">
<h2 id="site-timing">Timing and verification</h2>
<div class="grid grid--2">
${text('documentsDueDays', { type: 'number', required: true, hint: 'Days after a placement is created.', attributes: { min: 1, max: 365 } })}
${text('reminderIntervalHours', { type: 'number', required: true, hint: 'Hours between reminders to a student with documents outstanding.', attributes: { min: 1 } })}
${text('siteReminderIntervalHours', { type: 'number', required: true, hint: 'Hours between reminders to the site while a packet waits for review.', attributes: { min: 1 } })}
</div>
<fieldset class="field"${errorsOf('verification-staff').length > 0 && html` aria-describedby="verification-error"`}>
<legend>Who checks uploaded documents</legend>
${errorsOf('verification-staff').length > 0 && html`<p class="field-error" id="verification-error">${errorsOf('verification-staff').join(' ')}</p>`}
<div class="choices">
<label class="choice" for="verification-staff"><input type="radio" id="verification-staff" name="verification" value="staff"${values.verification !== 'automatic' && html` checked`}><span><strong>School staff verify each document</strong><span class="hint">A reviewer checks it is the right record, for this student, with those dates, before the site sees it.</span></span></label>
<label class="choice" for="verification-automatic"><input type="radio" id="verification-automatic" name="verification" value="automatic"${values.verification === 'automatic' && html` checked`}><span><strong>Automatic</strong><span class="hint">A file that passes the file-type and date checks is accepted without a person looking at it.</span></span></label>
</div>
</fieldset>
</section>
<section class="card" aria-labelledby="site-agreement">
<h2 id="site-agreement">Affiliation agreement</h2>
<p class="hint">Optional. Placements ending after the agreement expires are refused; the contacts are emailed 90 and 30 days before it expires.</p>
${agreementFields}
</section>`;
  return html`${errorSummary(creating ? 'The site was not created' : 'The changes were not saved', summary)}
${postForm(
  { action: creating ? links.sites : links.site(view.site?.siteId ?? ''), csrfToken: context.csrfToken },
  html`${fields}
<div class="actions-row"><button type="submit">${creating ? 'Create site' : 'Save changes'}</button><a href="${creating ? links.sites : links.site(view.site?.siteId ?? '')}">Cancel</a></div>`,
)}`;
};

/** A site: read-only for viewers and reviewers; the edit (or create) form for coordinators, with errors by each field. */
export const renderSitePage = (context: ConsoleContext, view: SitePageView): RenderedPage => {
  const canEdit = mayPerform(context.staff.role, 'edit-site');
  const heading = view.site ? view.site.name : 'Add a site';
  const failed = (view.form?.errors.length ?? 0) > 0;
  if (!view.site && !canEdit) throw new Error('Only a role that may edit sites gets the new-site form.');
  const main = canEdit ? siteForm(context, view) : readOnlySite(view.site as SiteView);
  return renderConsolePage(context, {
    title: `${failed ? 'Error: ' : ''}${heading}`,
    heading,
    section: 'sites',
    main,
  });
};
