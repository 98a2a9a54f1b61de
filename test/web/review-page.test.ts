import { describe, expect, it } from 'vitest';
import {
  renderReviewClosedPage,
  renderReviewConfirmation,
  renderReviewPage,
} from '../../functions/web/review-page.js';
import { reviewView } from './fixtures.js';
import { cspDirectives, tagWithId, visibleText } from './page-inspection.js';

const formOf = (html: string): string => /<form[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';

describe('renderReviewPage without a decision', () => {
  const page = renderReviewPage(reviewView());
  const form = formOf(page.html);

  it('shows the packet: student, site, program and dates', () => {
    const text = visibleText(page.html);
    expect(text).toContain('Amara Okafor');
    expect(text).toContain('amara@students.example.edu');
    expect(text).toContain('Riverside General Hospital');
    expect(text).toContain('BSN Nursing');
    expect(text).toContain('7 September 2026 to 11 December 2026');
  });

  it('shows each document with its dates and a link that opens in a new tab without a referrer', () => {
    const text = visibleText(page.html);
    expect(text).toContain('File mmr-record.pdf Date issued 2 April 2019');
    expect(text).toContain('File bls-card.jpg Expiry date 31 May 2027');
    const link = /<a [^>]*>Open mmr-record\.pdf/.exec(page.html)?.[0] ?? '';
    expect(link).toContain(
      'href="https://docs.example.com/placements/p1/d1?X-Amz-Signature=abc&amp;X-Amz-Expires=300"',
    );
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener noreferrer"');
  });

  it('shows a waived requirement with its reason and no document', () => {
    const text = visibleText(requirementBlockById(page.html, 'req-HIPAA_TRAINING'));
    expect(text).toContain('Waived');
    expect(text).toContain('Waived by the coordinator: Completed at orientation.');
    expect(text).toContain('No document attached.');
  });

  it('posts a url-encoded form back to the same URL', () => {
    const open = /<form[^>]*>/.exec(form)?.[0] ?? '';
    expect(open).toContain('method="post"');
    expect(open).toContain('enctype="application/x-www-form-urlencoded"');
    expect(open).not.toMatch(/action="[^"]/);
  });

  it('offers the three decisions as labelled, required radio buttons in a fieldset', () => {
    expect(form).toMatch(/<fieldset[^>]*>\s*<legend>Decision<\/legend>/);
    for (const value of ['approve', 'decline', 'request-changes']) {
      expect(tagWithId(form, `decision-${value}`)).toMatch(
        new RegExp(`type="radio"[^>]*name="decision"[^>]*value="${value}"[^>]*required`),
      );
      expect(form).toContain(`<label class="choice" for="decision-${value}">`);
    }
  });

  it('has a reason textarea limited to 2,000 characters', () => {
    expect(form).toContain('<label for="reason">Reason</label>');
    expect(tagWithId(form, 'reason')).toMatch(/name="reason"[^>]*maxlength="2000"/);
  });

  it('lets the admin tick documents to change, except waived ones', () => {
    const codes = [...form.matchAll(/name="requirementCodes" value="([A-Z_]+)"/g)].map((match) => match[1]);
    expect(codes).toEqual(['MMR', 'BLS']);
  });

  it("runs no script (script-src 'none')", () => {
    expect(page.html).not.toContain('<script');
    expect(cspDirectives(page.headers).get('script-src')).toEqual(["'none'"]);
    expect(cspDirectives(page.headers).get('form-action')).toEqual(["'self'"]);
  });

  it('escapes the student name', () => {
    const html = renderReviewPage({ ...reviewView(), studentName: '<script>x</script>' }).html;
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('refuses a document link that is not http(s)', () => {
    const view = reviewView();
    const first = view.requirements[0];
    if (first?.document) first.document.downloadUrl = 'javascript:alert(1)';
    expect(() => renderReviewPage(view)).toThrow(/http/);
  });
});

const requirementBlockById = (html: string, id: string): string => {
  const start = html.indexOf(`id="${id}"`);
  return html.slice(start, html.indexOf('</li>', start));
};

describe('renderReviewPage with a decision', () => {
  const page = renderReviewPage(reviewView({ decided: true }));

  it('shows who decided what and when, instead of the form', () => {
    expect(page.html).not.toContain('<form');
    const text = visibleText(page.html);
    expect(text).toContain('Decision: Changes requested');
    expect(text).toContain('Changes requested by j.rivera@riverside.example on 26 August 2026 at 14:05 UTC.');
    expect(text).toContain('Reason: The BLS card photo is blurred.');
    expect(text).toContain('Documents to change: BLS certification');
  });

  it('still shows the packet', () => {
    expect(visibleText(page.html)).toContain('Open bls-card.jpg');
  });
});

describe('renderReviewConfirmation', () => {
  it('confirms the decision and says what happens next', () => {
    const page = renderReviewConfirmation({
      ...reviewView(),
      decision: {
        decision: 'request-changes',
        by: 'onboarding@riverside.example',
        at: '2026-08-26T14:05:00Z',
        reason: 'Blurred photo.',
        requirementCodes: ['BLS'],
      },
    });
    const text = visibleText(page.html);
    expect(text).toContain('Thank you, your decision is recorded');
    expect(text).toContain('Changes requested');
    expect(text).toContain('by onboarding@riverside.example on 26 August 2026 at 14:05 UTC');
    expect(text).toContain('Reason Blurred photo.');
    expect(text).toContain('We have asked the student to replace the documents below.');
    expect(text).toContain('BLS certification');
    expect(page.html).not.toContain('<form');
  });

  it('confirms an approval', () => {
    const page = renderReviewConfirmation({
      ...reviewView(),
      decision: { decision: 'approve', by: 'onboarding@riverside.example', at: '2026-08-26T14:05:00Z' },
    });
    expect(visibleText(page.html)).toContain('Approved');
    expect(visibleText(page.html)).toContain('the student is cleared');
  });
});

describe('renderReviewClosedPage', () => {
  it.each([
    ['expired', 410, 'This review link has expired'],
    ['not-found', 404, 'We could not find this page'],
    ['superseded', 410, 'This review link has been replaced'],
    ['cross-site', 403, 'This decision was not recorded'],
    ['try-again', 503, 'Please try again in a moment'],
  ] as const)('explains a %s link with status %i', (kind, statusCode, heading) => {
    const page = renderReviewClosedPage(kind);
    expect(page.statusCode).toBe(statusCode);
    expect(visibleText(page.html)).toContain(heading);
    expect(page.headers['Cache-Control']).toBe('no-store');
  });
});

describe('renderReviewPage: who checked each accepted document', () => {
  it('names the staff verifier and when, or says it was checked automatically', () => {
    const view = reviewView();
    const [first, second] = view.requirements;
    if (!first || !second) throw new Error('fixture needs two requirements');
    first.status = 'ACCEPTED';
    first.checkedBy = { kind: 'staff', by: 'reviewer@school.example.edu', at: '2026-08-20T14:05:00.000Z' };
    second.status = 'ACCEPTED';
    second.checkedBy = { kind: 'automatic' };
    const text = visibleText(renderReviewPage(view).html);
    expect(text).toContain('Verified by reviewer@school.example.edu on 20 August 2026, 14:05 UTC');
    expect(text).toContain('Checked automatically (file type and dates only)');
  });
});
