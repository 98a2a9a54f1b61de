import { describe, expect, it } from 'vitest';
import { rejectionReasonText } from '../../../functions/core/rejection-reasons.js';
import { sentBackEmail } from '../../../functions/web/emails/sent-back-email.js';
import { visibleText } from '../page-inspection.js';
import { expectCompleteEmail, expectLinkInBothParts } from './email-parts.js';

const PORTAL_URL = 'https://onboarding.example.edu/portal/q2V0aGlzLWlzLWEtdG9rZW4';

const email = sentBackEmail({
  studentName: 'Amara Okafor',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  documentsDueDate: '2026-08-24',
  sentBack: [
    {
      code: 'BLS',
      title: 'BLS certification',
      status: 'REJECTED',
      reason: rejectionReasonText('ILLEGIBLE'),
      evidence: 'Your BLS card',
    },
    {
      code: 'TB',
      title: 'Tuberculosis (TB) test',
      status: 'REJECTED',
      reason: rejectionReasonText('OTHER', 'This is a flu shot record.'),
      evidence: 'A TB test result',
    },
  ],
  outstanding: [
    { code: 'BLS', title: 'BLS certification', status: 'REJECTED', evidence: 'Your BLS card' },
    { code: 'TB', title: 'Tuberculosis (TB) test', status: 'REJECTED', evidence: 'A TB test result' },
    { code: 'MMR', title: 'MMR immunity', status: 'MISSING', evidence: 'Two MMR doses or a titer' },
  ],
  portalUrl: PORTAL_URL,
});

describe('the sent-back email', () => {
  it('has a subject naming how many documents, and both parts', () => {
    expectCompleteEmail(email);
    expect(email.subject).toBe('Please replace 2 documents for Riverside General Hospital by 24 August 2026');
  });

  it('lists every item sent back with its plain-language reason and the note, in both parts', () => {
    for (const part of [email.text, visibleText(email.html)]) {
      expect(part).toContain('BLS certification: We could not read the document.');
      expect(part).toContain(
        'Tuberculosis (TB) test: The school could not accept this document. Note from the school: This is a flu shot record.',
      );
    }
  });

  it('names what else is still missing, once, and links to the portal', () => {
    expect(email.text).toContain('Also still needed:');
    expect(email.text).toContain('MMR immunity: Two MMR doses or a titer');
    expect(email.text.match(/BLS certification/g)).toHaveLength(1);
    expectLinkInBothParts(email, PORTAL_URL);
  });
});
