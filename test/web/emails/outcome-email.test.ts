import { describe, expect, it } from 'vitest';
import {
  type Outcome,
  type OutcomeAudience,
  type OutcomeEmailView,
  outcomeEmail,
} from '../../../functions/web/emails/outcome-email.js';
import { visibleText } from '../page-inspection.js';
import { expectCompleteEmail } from './email-parts.js';

const OUTCOMES: Outcome[] = ['CLEARED', 'DECLINED', 'EXPIRED', 'CANCELLED'];
const AUDIENCES: OutcomeAudience[] = ['student', 'coordinator', 'site'];

const view = (outcome: Outcome, audience: OutcomeAudience): OutcomeEmailView => ({
  audience,
  outcome,
  studentName: 'Amara Okafor',
  siteName: 'Riverside General Hospital',
  program: 'BSN Nursing',
  startDate: '2026-09-07',
  endDate: '2026-12-11',
  ...(outcome === 'DECLINED' || outcome === 'CANCELLED'
    ? { reason: 'No supervisor available this term.' }
    : {}),
  ...(outcome === 'CLEARED' || outcome === 'DECLINED' ? { decidedBy: 'j.rivera@riverside.example' } : {}),
  ...(outcome === 'EXPIRED' ? { outstanding: ['BLS certification', 'Flu vaccination'] } : {}),
});

const combinations = OUTCOMES.flatMap((outcome) => AUDIENCES.map((audience) => [outcome, audience] as const));

describe.each(combinations)('outcome email %s to %s', (outcome, audience) => {
  const email = outcomeEmail(view(outcome, audience));

  it('has a subject and both parts with the same information', () => {
    expectCompleteEmail(email);
  });

  it('names the site, the program and the dates in both parts', () => {
    for (const part of [email.text, visibleText(email.html)]) {
      expect(part).toContain('Riverside General Hospital');
      expect(part).toContain('BSN Nursing');
      expect(part).toContain('7 September 2026 to 11 December 2026');
    }
  });
});

describe('outcomeEmail', () => {
  it('tells the student they are cleared and when they start', () => {
    const email = outcomeEmail(view('CLEARED', 'student'));
    expect(email.subject).toBe('You are cleared for your placement at Riverside General Hospital');
    expect(email.text).toContain('You are all set to start on 7 September 2026.');
  });

  it('gives the student and the coordinator the reason for a decline, and who declined', () => {
    expect(outcomeEmail(view('DECLINED', 'student')).text).toContain(
      'Reason given: No supervisor available this term.',
    );
    const coordinator = outcomeEmail(view('DECLINED', 'coordinator')).text;
    expect(coordinator).toContain('Reason given: No supervisor available this term.');
    expect(coordinator).toContain('decided by j.rivera@riverside.example');
  });

  it.each(['student', 'coordinator'] as const)(
    'lists what was still missing when it expired (%s)',
    (audience) => {
      const email = outcomeEmail(view('EXPIRED', audience));
      for (const part of [email.text, visibleText(email.html)]) {
        expect(part).toContain('Still missing at the due date');
        expect(part).toContain('BLS certification');
        expect(part).toContain('Flu vaccination');
      }
    },
  );

  it('does not tell the site which documents were missing or why the school cancelled', () => {
    expect(outcomeEmail(view('EXPIRED', 'site')).text).not.toContain('BLS certification');
    expect(outcomeEmail(view('CANCELLED', 'site')).text).not.toContain('No supervisor available');
  });

  it('escapes the reason in the HTML part', () => {
    const email = outcomeEmail({ ...view('DECLINED', 'student'), reason: '<b>no</b>' });
    expect(email.html).toContain('&lt;b&gt;no&lt;/b&gt;');
    expect(email.html).not.toContain('<b>no</b>');
  });
});
