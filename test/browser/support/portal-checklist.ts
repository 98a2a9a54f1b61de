import type { Locator, Page } from 'playwright-core';
import { MINIMAL_PDF } from '../../../local/actors/student.js';

/** A small, valid PDF as the file input receives it. */
export const pdfFile = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(MINIMAL_PDF),
});

export const checklistItem = (page: Page, code: string): Locator => page.locator(`li[data-code="${code}"]`);

export const uploadForm = (page: Page, code: string): Locator =>
  page.locator(`form[data-requirement="${code}"]`);

/**
 * Fills one requirement's upload form as a student would: the file, then the one date the
 * form asks for (it must be the field the valid evidence has: `issuedOn` or `expiresOn`).
 */
export const fillUploadForm = async (
  page: Page,
  code: string,
  dates: { issuedOn?: string; expiresOn?: string },
): Promise<Locator> => {
  const form = uploadForm(page, code);
  const field = await form.getAttribute('data-date-field');
  const value = field === 'issuedOn' || field === 'expiresOn' ? dates[field] : undefined;
  if (!value)
    throw new Error(`the ${code} form asks for ${field}, but the evidence has ${Object.keys(dates)}`);
  await form.locator('input[type="file"]').setInputFiles(pdfFile(`${code.toLowerCase()} scan.pdf`));
  await form.locator(`input[type="date"][name="${field}"]`).fill(value);
  return form;
};

/** Waits until the script shows the requirement as accepted and has finished checking it. */
export const waitUntilShownAccepted = (page: Page, code: string, timeout = 90_000) =>
  page
    .locator(`li[data-code="${code}"][data-status="ACCEPTED"]:not([data-checking])`)
    .waitFor({ state: 'attached', timeout });
