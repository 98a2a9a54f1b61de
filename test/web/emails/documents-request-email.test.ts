import { describe, expect, it } from 'vitest';
import {
  type DocumentsRequestEmailView,
  documentsRequestEmail,
} from '../../../functions/web/emails/documents-request-email.js';
import { visibleText } from '../page-inspection.js';
import { expectCompleteEmail, expectLinkInBothParts } from './email-parts.js';

const PORTAL_URL = 'https://onboarding.example.edu/portal/q2V0aGlzLWlzLWEtdG9rZW4';

const view = (overrides: Partial<DocumentsRequestEmailView> = {}): DocumentsRequestEmailView => ({
  studentName: 'Amara Okafor',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  documentsDueDate: '2026-08-24',
  outstanding: [
    { title: 'BLS certification', status: 'MISSING' },
    { title: 'Tuberculosis (TB) test', status: 'REJECTED', reason: 'The test is too old.' },
  ],
  portalUrl: PORTAL_URL,
  kind: 'first',
  ...overrides,
});

describe.each(['first', 'reminder', 'changes-requested'] as const)('documents request email (%s)', (kind) => {
  const email = documentsRequestEmail(view({ kind, changesReason: 'Blurred photo.' }));

  it('has a subject and both parts with the same information', () => {
    expectCompleteEmail(email);
  });

  it('links to the portal in both parts, once as the call to action', () => {
    expectLinkInBothParts(email, PORTAL_URL);
    expect(visibleText(email.html)).toContain('Upload your documents');
    expect(email.text).toContain(`Upload your documents:\n${PORTAL_URL}`);
  });

  it('lists every outstanding item, with the reason for a rejected one, in both parts', () => {
    for (const line of [
      'BLS certification: not uploaded yet',
      'Tuberculosis (TB) test: not accepted. The test is too old.',
    ]) {
      expect(email.text).toContain(`- ${line}`);
      expect(visibleText(email.html)).toContain(line);
    }
  });

  it('gives the due date and the placement', () => {
    for (const part of [email.text, visibleText(email.html)]) {
      expect(part).toContain('24 August 2026');
      expect(part).toContain('Riverside General Hospital');
      expect(part).toContain('7 September 2026 to 11 December 2026');
    }
  });
});

describe('documentsRequestEmail', () => {
  it('reminder: says how many documents are still missing and which', () => {
    const email = documentsRequestEmail(view({ kind: 'reminder' }));
    expect(email.subject).toBe(
      'Reminder: 2 documents still needed for Riverside General Hospital by 24 August 2026',
    );
    expect(email.text).toContain('We still need the following');
    expect(email.text).toContain('- BLS certification: not uploaded yet');
    expect(email.text).toContain('- Tuberculosis (TB) test: not accepted. The test is too old.');
  });

  it('changes requested: passes on what the site said', () => {
    const email = documentsRequestEmail(
      view({ kind: 'changes-requested', changesReason: 'The TB result is illegible.' }),
    );
    expect(email.subject).toBe('Riverside General Hospital asked you to replace some documents');
    expect(email.text).toContain('What the site said: The TB result is illegible.');
    expect(visibleText(email.html)).toContain('What the site said: The TB result is illegible.');
  });

  it('says what to upload for an item not uploaded yet when the evidence is given', () => {
    const email = documentsRequestEmail(
      view({
        outstanding: [
          { title: 'BLS certification', status: 'MISSING', evidence: 'Both sides of your card.' },
        ],
      }),
    );
    expect(email.text).toContain('- BLS certification: Both sides of your card.');
  });

  it('escapes names in the HTML part and keeps the subject on one line', () => {
    const email = documentsRequestEmail(
      view({ studentName: '<script>x</script>', siteName: 'Evil\r\nBcc: x@y.z' }),
    );
    expect(email.html).not.toContain('<script>x</script>');
    expect(email.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(email.subject).toBe('Upload your documents for Evil Bcc: x@y.z by 24 August 2026');
  });

  it('writes the dates in a rejection reason as the student reads them, without the wire format', () => {
    const email = documentsRequestEmail(
      view({
        kind: 'reminder',
        outstanding: [
          {
            title: 'BLS certification',
            status: 'REJECTED',
            reason: 'expiresOn: Expires on 2025-07-01, before your rotation ends on 2026-12-11.',
          },
        ],
      }),
    );
    for (const part of [visibleText(email.html), email.text]) {
      expect(part).toContain('Expires on 1 July 2025, before your rotation ends on 11 December 2026.');
      expect(part).not.toMatch(/\d{4}-\d{2}-\d{2}|YYYY-MM-DD/);
    }
  });

  it('refuses a portal link that is not http(s)', () => {
    expect(() => documentsRequestEmail(view({ portalUrl: 'javascript:alert(1)' }))).toThrow(/http/);
  });
});
