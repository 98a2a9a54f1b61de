import { describe, expect, it } from 'vitest';
import { renderVerificationItemPage } from '../../../functions/web/console/verification-item-page.js';
import { renderVerificationQueuePage } from '../../../functions/web/console/verification-queue-page.js';
import { cspDirectives, tagWithId, visibleText } from '../page-inspection.js';
import { CSRF_TOKEN, contextFor, queueItemView, queueView, STORAGE_ORIGIN } from './console-fixtures.js';
import { formsOf, hiddenValue, hrefsOf, postFormsOf, postTargetsOf } from './console-inspection.js';

describe('the verification queue', () => {
  const page = renderVerificationQueuePage(contextFor('reviewer'), queueView()).html;

  it('lists documents oldest first with the rotation start and how long each has waited', () => {
    const text = visibleText(page);
    expect(text).toContain(
      'Tuberculosis (TB) screening for Amara Okafor Amara Okafor S-1001 Riverside General Hospital 14 December 2026 2 December 2026 at 08:00 UTC 2.3 days',
    );
    expect(text.indexOf('Amara Okafor')).toBeLessThan(text.indexOf('Mei Chen'));
    expect(text).toContain('21 hours');
    expect(hrefsOf(page)).toContain('/console/queue/p-100/d-2');
  });

  it('filters by site and requirement with a GET form, and pages with the cursor', () => {
    const filter = formsOf(page).find((form) => form.method === 'get');
    expect(filter?.action).toBe('/console/queue');
    expect(filter?.body).toContain('name="siteId"');
    expect(filter?.body).toContain('name="requirementCode"');
    expect(hrefsOf(page)).toContain('/console/queue?cursor=cXVldWUtY3Vyc29y');
    const filtered = renderVerificationQueuePage(
      contextFor('reviewer'),
      queueView({ filters: { siteId: 'riverside', requirementCode: 'TB' } }),
    ).html;
    expect(hrefsOf(filtered)).toContain(
      '/console/queue?siteId=riverside&requirementCode=TB&cursor=cXVldWUtY3Vyc29y',
    );
  });

  it('says when there is nothing to verify', () => {
    const empty = visibleText(
      renderVerificationQueuePage(contextFor('reviewer'), queueView({ items: [], nextCursor: undefined }))
        .html,
    );
    expect(empty).toContain('Nothing to verify');
    expect(empty).not.toContain('Next page');
  });

  it('has no POST form but sign-out', () => {
    expect(postTargetsOf(page)).toEqual(['auth/sign-out']);
  });
});

describe('a queue document', () => {
  const page = renderVerificationItemPage(contextFor('reviewer'), queueItemView()).html;

  it('shows a PDF in a titled frame through the recorded document route', () => {
    expect(page).toContain(
      '<iframe src="/console/placements/p-100/documents/d-2" title="Tuberculosis (TB) screening uploaded by Amara Okafor (tb-result.pdf)"></iframe>',
    );
  });

  it('shows an image as an image with alt text', () => {
    const image = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({ document: { fileName: 'card.jpg', contentType: 'image/jpeg' } }),
    ).html;
    expect(image).toContain(
      '<img src="/console/placements/p-100/documents/d-2" alt="Tuberculosis (TB) screening uploaded by Amara Okafor (card.jpg)">',
    );
    expect(image).not.toContain('<iframe');
  });

  it('says a HEIC photo cannot be shown and offers the download', () => {
    const heic = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({ document: { fileName: 'IMG_0042.HEIC', contentType: 'image/heic' } }),
    ).html;
    expect(visibleText(heic)).toContain(
      'This browser cannot show HEIC photos in the page. Download the file to look at it',
    );
    expect(heic).not.toMatch(/<(iframe|img)\b/);
    expect(hrefsOf(heic)).toContain('/console/placements/p-100/documents/d-2');
  });

  it('allows the document route and the storage origin for frames and images only', () => {
    const csp = cspDirectives(renderVerificationItemPage(contextFor('reviewer'), queueItemView()).headers);
    expect(csp.get('frame-src')).toEqual(["'self'", STORAGE_ORIGIN]);
    expect(csp.get('img-src')).toEqual(["'self'", STORAGE_ORIGIN, 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'none'"]);
  });

  it('shows the student’s date and the rule in words beside the document', () => {
    const text = visibleText(page);
    expect(text).toContain('Date issued entered 1 October 2026');
    expect(text).toContain(
      'The rule Issued on or after 12 March 2026: within 12 months before the rotation ends, and not in the future.',
    );
    expect(text).toContain('Rotation 14 December 2026 to 12 March 2027');
  });

  it('verifies or rejects with POST forms that carry the CSRF token, the decision and the next item', () => {
    const [, verify, reject] = postFormsOf(page);
    for (const form of [verify, reject]) {
      expect(form?.action).toBe('/console/placements/p-100/documents/d-2/verification');
      expect(form && hiddenValue(form, '_csrf')).toBe(CSRF_TOKEN);
      expect(form && hiddenValue(form, 'next')).toBe('/console/queue/p-102/d-9');
    }
    expect(verify && hiddenValue(verify, 'decision')).toBe('verify');
    expect(reject && hiddenValue(reject, 'decision')).toBe('reject');
    expect(tagWithId(page, 'verify-issuedOn')).toMatch(/type="date"[^>]*name="issuedOn"/);
    expect(tagWithId(page, 'verify-issuedOn')).not.toContain('required');
  });

  it('offers every reason code, requires one, and explains when the note is required', () => {
    const codes = [...page.matchAll(/<option value="([A-Z_]+)"/g)].map((match) => match[1]);
    expect(codes).toEqual([
      'ILLEGIBLE',
      'WRONG_DOCUMENT',
      'NAME_MISMATCH',
      'DATES_DO_NOT_MATCH',
      'INCOMPLETE',
      'NOT_SIGNED',
      'EXPIRED',
      'OTHER',
    ]);
    expect(tagWithId(page, 'reject-reasonCode')).toContain('required');
    expect(visibleText(page)).toContain('Required when the reason is Other.');
    expect(tagWithId(page, 'reject-note')).toContain('maxlength="2000"');
  });

  it('asks for an expiry date on an expiry rule', () => {
    const bls = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({ rule: { kind: 'expiry-through-end' }, issuedOn: undefined, expiresOn: '2027-05-31' }),
    ).html;
    expect(tagWithId(bls, 'verify-expiresOn')).toContain('name="expiresOn"');
    expect(visibleText(bls)).toContain('Expiry date entered 31 May 2027');
    expect(visibleText(bls)).toContain('valid until 12 March 2027 or later');
  });

  it('puts the decision controls first in tab order after the document', () => {
    const focusable = [
      ...page
        .slice(page.indexOf('<main'))
        .matchAll(/<(a|button|input|select|textarea|iframe)\b(?![^>]*type="hidden")[^>]*>/g),
    ].map((match) => /id="([^"]+)"/.exec(match[0])?.[1] ?? match[1]);
    expect(focusable.slice(0, 6)).toEqual([
      'iframe',
      'a',
      'verify-issuedOn',
      'button',
      'reject-reasonCode',
      'reject-note',
    ]);
    expect(page).not.toContain('accesskey');
  });

  it('shows refused decisions again with errors by the fields', () => {
    const refused = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({
        form: {
          decision: 'reject',
          values: { reasonCode: 'OTHER', note: '' },
          errors: [{ path: 'note', message: 'A note is required when the reason is Other.' }],
        },
      }),
    ).html;
    expect(refused).toContain('<a href="#reject-note">A note is required when the reason is Other.</a>');
    expect(tagWithId(refused, 'reject-note')).toContain('aria-invalid="true"');
    expect(refused).toContain('<option value="OTHER" selected>');
    expect(refused).toContain('<title>Error: ');
  });

  it('says when this is the last document and has no next item then', () => {
    const last = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({ next: undefined, remaining: 0 }),
    ).html;
    expect(visibleText(last)).toContain('This is the last document waiting.');
    expect(last).not.toContain('name="next"');
  });

  it('escapes the student name and the file name', () => {
    const hostile = renderVerificationItemPage(
      contextFor('reviewer'),
      queueItemView({
        student: { id: '1', name: '<script>n</script>', email: 'e' },
        document: { fileName: '"><img src=x>.pdf', contentType: 'application/pdf' },
      }),
    ).html;
    expect(hostile).not.toContain('<script>n');
    expect(hostile).not.toContain('"><img src=x>');
  });
});
