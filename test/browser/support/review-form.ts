import type { Page, Response } from 'playwright-core';

export type ReviewDecision = 'approve' | 'decline' | 'request-changes';

/**
 * Fills the review form as a site administrator does (a decision, the documents to change,
 * a reason) and submits it; resolves with the answer to the form's POST once it has loaded.
 */
export const submitReview = async (
  page: Page,
  choice: { decision: ReviewDecision; requirementCodes?: string[]; reason?: string },
  beforeSubmit?: () => Promise<unknown>,
): Promise<Response> => {
  await page.locator(`input[name="decision"][value="${choice.decision}"]`).check();
  for (const code of choice.requirementCodes ?? []) {
    await page.locator(`input[name="requirementCodes"][value="${code}"]`).check();
  }
  if (choice.reason !== undefined) await page.locator('textarea[name="reason"]').fill(choice.reason);
  await beforeSubmit?.();
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url() === page.url(),
    ),
    page.getByRole('button', { name: 'Submit decision' }).click(),
  ]);
  await page.waitForLoadState('load');
  return answer;
};
