import { expect } from 'vitest';
import type { RenderedEmail } from '../../../functions/web/emails/email-layout.js';
import { visibleText } from '../page-inspection.js';

const variants = (line: string): string[] => [line, line.replace(': ', ' ')];

/** Lines of the text part whose information is not in the HTML part (the HTML adds only presentation). */
export const textLinesMissingFromHtml = (email: RenderedEmail): string[] => {
  const htmlText = visibleText(email.html);
  return email.text
    .split('\n')
    .map((line) =>
      line
        .replace(/^- /, '')
        .replace(/^Placement onboarding\. /, '')
        .replace(/:$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && line !== '--')
    .filter((line) => !variants(line).some((variant) => htmlText.includes(variant)));
};

/** A complete email: a one-line subject, and HTML and text parts carrying the same information. */
export const expectCompleteEmail = (email: RenderedEmail): void => {
  expect(email.subject.trim()).not.toBe('');
  expect(email.subject).not.toMatch(/[\r\n]/);
  expect(email.html).toMatch(/^<!doctype html>\s*<html lang="en">/);
  expect(email.text.trim()).not.toBe('');
  expect(textLinesMissingFromHtml(email)).toEqual([]);
};

/** The link is in the HTML part as a link and in the text part as text. */
export const expectLinkInBothParts = (email: RenderedEmail, url: string): void => {
  expect(email.html).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
  expect(email.text).toContain(url);
};
