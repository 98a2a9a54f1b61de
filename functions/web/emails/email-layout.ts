import { html, httpUrl, type SafeHtml } from '../html.js';

/**
 * An email is written once, as blocks, and rendered twice (HTML and plain text) from the
 * same blocks, so both parts always carry the same information.
 */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'note'; text: string };

export interface EmailContent {
  subject: string;
  heading: string;
  /** Shown by mail apps next to the subject; not repeated in the text part. */
  preview: string;
  blocks: readonly EmailBlock[];
  /** Why the reader got this email, in one sentence. */
  footer: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const SERVICE_NAME = 'Placement onboarding';
const FONT = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** One line, no control characters (a subject is a mail header: no CR/LF injection). */
export const oneLine = (value: string): string =>
  value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const htmlBlock = (block: EmailBlock): SafeHtml => {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;">${block.text}</p>`;
    case 'note':
      return html`<p style="margin:0 0 16px;font-size:14px;color:#474c55;">${block.text}</p>`;
    case 'list':
      return html`<ul style="margin:0 0 16px;padding-left:24px;">${block.items.map(
        (item) => html`<li style="margin:0 0 6px;">${item}</li>`,
      )}</ul>`;
    case 'facts':
      return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">${block.rows.map(
        ([label, value]) =>
          html`<tr><th scope="row" align="left" valign="top" style="padding:2px 16px 2px 0;font-weight:600;color:#474c55;white-space:nowrap;">${label}</th><td style="padding:2px 0;">${value}</td></tr>`,
      )}</table>`;
    case 'action': {
      const url = httpUrl(block.url);
      return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;"><tr><td style="border-radius:8px;background:#0b57d0;"><a href="${url}" style="display:inline-block;padding:14px 24px;font-family:${FONT};font-size:16px;font-weight:700;color:#ffffff;text-decoration:none;border-radius:8px;">${block.label}</a></td></tr></table>
<p style="margin:0 0 16px;font-size:14px;color:#474c55;">If the button does not work, copy this link into your browser:<br><a href="${url}" style="color:#0842a0;word-break:break-all;">${url}</a></p>`;
    }
  }
};

const textBlock = (block: EmailBlock): string => {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'action':
      return `${block.label}:\n${httpUrl(block.url)}`;
  }
};

/** Renders an email's blocks into a simple, single-column HTML part and a plain-text part. */
export const renderEmail = (content: EmailContent): RenderedEmail => {
  const subject = oneLine(content.subject);
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;">${content.preview}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #c4c9d2;border-radius:8px;">
<tr><td style="padding:24px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1b1d21;">
<p style="margin:0 0 8px;font-size:14px;font-weight:600;color:#474c55;">${SERVICE_NAME}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1b1d21;">${content.heading}</h1>
${content.blocks.map(htmlBlock)}
</td></tr>
</table>
<p style="max-width:560px;margin:16px auto 0;font-family:${FONT};font-size:13px;line-height:1.5;color:#474c55;">${content.footer}</p>
</td></tr>
</table>
</body>
</html>
`;
  const text = [
    content.heading,
    ...content.blocks.map(textBlock),
    '--',
    `${SERVICE_NAME}. ${content.footer}`,
  ].join('\n\n');
  return { subject, html: body.value, text: `${text}\n` };
};
