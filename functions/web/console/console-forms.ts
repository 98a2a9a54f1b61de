import { type HtmlValue, html, type SafeHtml } from '../html.js';

/**
 * Form pieces every console page uses: the forgery-protection field, labelled inputs with their
 * hint and error wired up for screen readers, and the error summary that links to each field.
 */

/** A problem with one field, as the API names it (`details[].path`, e.g. `adminEmails[0]`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** The hidden field that carries the session's CSRF token; every POST form has one. */
export const csrfField = (csrfToken: string): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${csrfToken}">`;

export interface PostFormOptions {
  readonly action: string;
  readonly csrfToken: string;
  /** `multipart/form-data` for a file upload; url-encoded otherwise. */
  readonly enctype?: 'multipart/form-data';
  readonly className?: string;
  /** The id of the heading that names the form (the form becomes a landmark a screen reader lists). */
  readonly labelledBy?: string;
}

/** A POST form with its CSRF field first. */
export const postForm = (options: PostFormOptions, content: HtmlValue): SafeHtml =>
  html`<form method="post" action="${options.action}" enctype="${options.enctype ?? 'application/x-www-form-urlencoded'}"${options.className && html` class="${options.className}"`}${options.labelledBy && html` aria-labelledby="${options.labelledBy}"`}>
${csrfField(options.csrfToken)}
${content}
</form>`;

/** One line of an error summary: the message and the id of the field it links to. */
export interface SummaryItem {
  readonly text: string;
  readonly fieldId?: string;
}

/** The box at the top of a form that failed: what to fix, each linking to its field. */
export const errorSummary = (heading: string, items: readonly SummaryItem[]): SafeHtml | false =>
  items.length > 0 &&
  html`<div class="notice notice--problem error-summary" role="alert" aria-labelledby="error-summary-heading">
<h2 id="error-summary-heading">${heading}</h2>
<ul>${items.map((item) => (item.fieldId ? html`<li><a href="#${item.fieldId}">${item.text}</a></li>` : html`<li>${item.text}</li>`))}</ul>
</div>`;

export interface InputFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly value?: string;
  readonly type?: 'text' | 'email' | 'number' | 'date' | 'search' | 'file';
  readonly required?: boolean;
  /** Says "(optional)" after the label, in a form where most fields are required. */
  readonly optional?: boolean;
  readonly errors?: readonly string[];
  /** Extra attributes, e.g. `min`, `max`, `accept`, `maxlength` (values are escaped). */
  readonly attributes?: Readonly<Record<string, string | number>>;
  /** `textarea` instead of an `input`. */
  readonly multiline?: boolean;
  readonly className?: string;
}

const attributeList = (attributes: Readonly<Record<string, string | number>> | undefined): SafeHtml[] =>
  Object.entries(attributes ?? {}).map(([name, value]) => {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`Not an attribute name: ${name}`);
    return html` ${name}="${String(value)}"`;
  });

/** A labelled input (or textarea) with its hint and error, both read out with the field. */
export const inputField = (options: InputFieldOptions): SafeHtml => {
  const errors = options.errors ?? [];
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${options.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const common = html` id="${options.id}" name="${options.name}"${options.required && html` required`}${describedBy && html` aria-describedby="${describedBy}"`}${errorId && html` aria-invalid="true"`}${attributeList(options.attributes)}`;
  const control = options.multiline
    ? html`<textarea${common}>${options.value ?? ''}</textarea>`
    : html`<input type="${options.type ?? 'text'}"${common}${options.type !== 'file' && html` value="${options.value ?? ''}"`}>`;
  return html`<div class="field${options.className ? ` ${options.className}` : ''}">
<label for="${options.id}">${options.label}${options.optional && html` <span class="optional">(optional)</span>`}</label>
${hintId && html`<span class="hint" id="${hintId}">${options.hint}</span>`}
${errorId && html`<p class="field-error" id="${errorId}">${errors.join(' ')}</p>`}
${control}
</div>`;
};

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly value?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly errors?: readonly string[];
  /** The first, empty choice (e.g. "Any site"); none when every value is a real choice. */
  readonly emptyLabel?: string;
  readonly className?: string;
}

/** A labelled select with its hint and error. */
export const selectField = (options: SelectFieldOptions): SafeHtml => {
  const errors = options.errors ?? [];
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${options.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="field${options.className ? ` ${options.className}` : ''}">
<label for="${options.id}">${options.label}</label>
${hintId && html`<span class="hint" id="${hintId}">${options.hint}</span>`}
${errorId && html`<p class="field-error" id="${errorId}">${errors.join(' ')}</p>`}
<select id="${options.id}" name="${options.name}"${options.required && html` required`}${describedBy && html` aria-describedby="${describedBy}"`}${errorId && html` aria-invalid="true"`}>
${options.emptyLabel !== undefined && html`<option value="">${options.emptyLabel}</option>`}
${options.options.map((option) => html`<option value="${option.value}"${option.value === options.value && html` selected`}>${option.label}</option>`)}
</select>
</div>`;
};
