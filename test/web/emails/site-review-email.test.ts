import { describe, expect, it } from 'vitest';
import {
  type SiteReviewEmailView,
  siteReviewEmail,
} from '../../../functions/web/emails/site-review-email.js';
import { visibleText } from '../page-inspection.js';
import { expectCompleteEmail, expectLinkInBothParts } from './email-parts.js';

const REVIEW_URL = 'https://onboarding.example.edu/review/c2l0ZS1hZG1pbi10b2tlbg';

const view = (overrides: Partial<SiteReviewEmailView> = {}): SiteReviewEmailView => ({
  adminEmail: 'onboarding@riverside.example',
  studentName: 'Amara Okafor',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  reviewUrl: REVIEW_URL,
  reminderNumber: 0,
  escalated: false,
  ...overrides,
});

describe.each([
  ['first request', view()],
  ['reminder', view({ reminderNumber: 1 })],
  ['escalated reminder', view({ reminderNumber: 2, escalated: true })],
])('site review email (%s)', (_name, input) => {
  const email = siteReviewEmail(input);

  it('has a subject and both parts with the same information', () => {
    expectCompleteEmail(email);
  });

  it('links to the review page in both parts', () => {
    expectLinkInBothParts(email, REVIEW_URL);
    expect(email.text).toContain(`Review the documents:\n${REVIEW_URL}`);
  });

  it('names the student, the placement and who the link is for', () => {
    for (const part of [email.text, visibleText(email.html)]) {
      expect(part).toContain('Amara Okafor');
      expect(part).toContain('BSN Nursing');
      expect(part).toContain('7 September 2026 to 11 December 2026');
      expect(part).toContain('onboarding@riverside.example');
    }
  });
});

describe('siteReviewEmail', () => {
  it('a reminder says it is one', () => {
    const email = siteReviewEmail(view({ reminderNumber: 2 }));
    expect(email.subject).toMatch(/^Reminder: /);
    expect(email.text).toContain('(reminder 2)');
  });

  it('says the coordinator is copied only when escalated', () => {
    expect(siteReviewEmail(view({ reminderNumber: 2, escalated: true })).text).toContain(
      'The placement coordinator is copied',
    );
    expect(siteReviewEmail(view({ reminderNumber: 1 })).text).not.toContain('coordinator is copied');
  });
});
