/**
 * HTML escaping for server-rendered pages and emails.
 *
 * `html` is a tagged template: every interpolated value is escaped unless it is already
 * `SafeHtml` (the result of another `html` template). Arrays are joined; `null`, `undefined`
 * and `false` render nothing, so `cond && html\`...\`` works. Attribute values must always be
 * quoted in templates: escaping covers `&`, `<`, `>`, `"` and `'`.
 */

export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const renderValue = (value: HtmlValue): string => {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
};

/**
 * Marks a constant of this codebase (a stylesheet, a script) as HTML. Never pass data that
 * came from a request, the table or a person through this.
 */
export const trustedHtml = (constant: string): SafeHtml => new SafeHtml(constant);

/**
 * Returns the URL when it is an absolute http(s) URL, for use in `href`. Anything else
 * (`javascript:`, relative, malformed) is a programming error: links we render are built by us.
 */
export const httpUrl = (value: string): string => {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error('A link in a page or email must be an absolute http(s) URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error('A link in a page or email must be an absolute http(s) URL.');
  }
  return value;
};

/** A value safe to use as (part of) an element id: letters, digits, `_` and `-` only. */
export const idFragment = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '-');
