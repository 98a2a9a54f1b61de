import { describe, expect, it } from 'vitest';
import { failureEmail } from '../../../functions/web/emails/failure-email.js';
import { visibleText } from '../page-inspection.js';
import { expectCompleteEmail } from './email-parts.js';

describe('failureEmail', () => {
  const email = failureEmail({
    studentName: 'Amara Okafor',
    siteName: 'Riverside General Hospital',
    placementId: 'pl_7f3a',
  });

  it('has a subject and both parts with the same information', () => {
    expectCompleteEmail(email);
  });

  it('tells the coordinator what went wrong, that operations is on it, and the placement to quote', () => {
    expect(email.subject).toBe('Problem with Amara Okafor’s onboarding for Riverside General Hospital');
    for (const part of [email.text, visibleText(email.html)]) {
      expect(part).toContain('something went wrong on our side');
      expect(part).toContain('The operations team has been alerted');
      expect(part).toContain('pl_7f3a');
    }
  });
});
