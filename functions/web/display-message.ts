import { displayDate } from './display-date.js';

/**
 * Messages written for the API (validation details, rejection reasons) as a student reads them
 * on the portal: calendar dates as `14 March 2025`, like everywhere else on the page; no talk of
 * a `YYYY-MM-DD` format, since the date picker shows dates in the phone's own way and always
 * sends that format itself; and field names as the labels the form shows. The portal script
 * (browser/portal-script.ts) applies this same function to what it receives at run time.
 */

/** Request fields as the upload form labels them. */
export const FIELD_LABELS = {
  issuedOn: 'Date issued',
  expiresOn: 'Expiry date',
  fileName: 'File',
  contentType: 'File',
  size: 'File',
  requirementCode: 'Document',
} as const satisfies Record<string, string>;

/** The form's label for a request field (`issuedOn` → `Date issued`), if it has one. */
export const fieldLabelOf = (field: string): string | undefined =>
  Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field as keyof typeof FIELD_LABELS] : undefined;

export interface TextRewrite {
  /** A regular expression's source, applied globally. */
  pattern: string;
  replacement: string;
}

/** Applied in order. Each removes or replaces a mention of the wire format. */
export const FORMAT_REWRITES: readonly TextRewrite[] = [
  { pattern: String.raw`\s*\(YYYY-MM-DD\)`, replacement: '' },
  { pattern: String.raw`\bEnter it as YYYY-MM-DD`, replacement: 'Check it and enter it again' },
  { pattern: String.raw`,?\s+(?:written\s+)?as\s+YYYY-MM-DD`, replacement: '' },
  { pattern: 'YYYY-MM-DD', replacement: 'a full date (day, month and year)' },
];

/** A calendar date inside a sentence (not part of a longer run of digits or letters). */
export const CALENDAR_DATE_IN_TEXT = String.raw`\b\d{4}-\d{2}-\d{2}\b`;

const FIELD_PREFIX = /^([A-Za-z]+): /;

/** `issuedOn: Must be a real date written as YYYY-MM-DD.` → `Date issued: Must be a real date.` */
export const displayMessage = (message: string): string => {
  let text = message.replace(FIELD_PREFIX, (prefix, field: string) => {
    const label = fieldLabelOf(field);
    return label ? `${label}: ` : prefix;
  });
  for (const { pattern, replacement } of FORMAT_REWRITES)
    text = text.replace(new RegExp(pattern, 'g'), replacement);
  return text.replace(new RegExp(CALENDAR_DATE_IN_TEXT, 'g'), (date) => displayDate(date));
};
