import { describe, expect, it } from 'vitest';
import { renderPortalClosedPage, renderPortalPage } from '../../functions/web/portal-page.js';
import { portalView, STORAGE_ORIGIN } from './fixtures.js';
import { cspDirectives, requirementBlock, tagWithId, visibleText } from './page-inspection.js';

describe('renderPortalPage', () => {
  it('escapes what people typed: a student name with a script tag shows as text', () => {
    const { html } = renderPortalPage(
      portalView({ studentName: '<script>alert(1)</script>', siteName: 'St "Mary" & <b>Co</b>' }),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('St &quot;Mary&quot; &amp; &lt;b&gt;Co&lt;/b&gt;');
  });

  it('escapes a rejection reason', () => {
    const view = portalView();
    const tb = view.requirements[1];
    if (tb) tb.reason = '<img src=x onerror=alert(1)>';
    const { html } = renderPortalPage(view);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('shows the rotation, the site, the program and the documents due date', () => {
    const text = visibleText(renderPortalPage(portalView()).html);
    expect(text).toContain('Riverside General Hospital');
    expect(text).toContain('BSN Nursing');
    expect(text).toContain('7 September 2026 to 11 December 2026');
    expect(text).toContain('Documents due 24 August 2026');
  });

  it('spells out every status in words, not colour alone', () => {
    const { html } = renderPortalPage(portalView());
    expect(visibleText(requirementBlock(html, 'MMR'))).toContain('Accepted');
    expect(visibleText(requirementBlock(html, 'TB'))).toContain('Not accepted');
    expect(visibleText(requirementBlock(html, 'BLS'))).toContain('Missing');
    expect(visibleText(requirementBlock(html, 'HIPAA_TRAINING'))).toContain('Waived');
  });

  it('says why a requirement was rejected and why one was waived', () => {
    const { html } = renderPortalPage(portalView());
    expect(visibleText(requirementBlock(html, 'TB'))).toContain(
      'Why it was not accepted: The test is more than 12 months old by the end of your placement.',
    );
    expect(visibleText(requirementBlock(html, 'HIPAA_TRAINING'))).toContain(
      'Why it was waived: Completed at orientation.',
    );
  });

  it('says exactly what to upload for each outstanding requirement', () => {
    const { html } = renderPortalPage(portalView());
    expect(visibleText(requirementBlock(html, 'TB'))).toContain(
      'What to upload A negative TB skin test or blood test result.',
    );
    expect(visibleText(requirementBlock(html, 'BLS'))).toContain(
      'What to upload Both sides of your BLS Provider card.',
    );
  });

  it('asks for the date issued where the rule needs issuedOn', () => {
    const { html } = renderPortalPage(portalView());
    const tb = requirementBlock(html, 'TB');
    expect(tb).toContain('<label for="req-TB-date">Date issued</label>');
    expect(tagWithId(tb, 'req-TB-date')).toMatch(/type="date"[^>]*name="issuedOn"[^>]*required/);
    expect(tb).not.toContain('name="expiresOn"');
    expect(tb).toContain('data-date-field="issuedOn"');
  });

  it('asks for the expiry date where the rule needs expiresOn, and says it must cover the placement', () => {
    const { html } = renderPortalPage(portalView());
    const bls = requirementBlock(html, 'BLS');
    expect(bls).toContain('<label for="req-BLS-date">Expiry date</label>');
    expect(tagWithId(bls, 'req-BLS-date')).toMatch(/name="expiresOn"[^>]*min="2026-12-11"/);
    expect(bls).not.toContain('name="issuedOn"');
    expect(visibleText(bls)).toContain('It must be on or after 11 December 2026');
  });

  it('describes each date by what it is, never by a format the date picker may not show', () => {
    const { html } = renderPortalPage(portalView());
    for (const code of ['TB', 'BLS']) {
      const hint = new RegExp(`id="req-${code}-date-hint">([^<]*)<`).exec(requirementBlock(html, code))?.[1];
      expect(hint).toMatch(/printed on the (document|card or policy)/);
    }
    expect(visibleText(html)).not.toMatch(/YYYY|MM-DD|DD\/MM|MM\/DD/i);
  });

  it('shows a rejection reason with its dates written out, like the rest of the page', () => {
    const view = portalView();
    const tb = view.requirements[1];
    if (tb) tb.reason = 'This TB test expires on 2025-03-01, before your rotation ends on 2026-12-11.';
    const text = visibleText(requirementBlock(renderPortalPage(view).html, 'TB'));
    expect(text).toContain(
      'Why it was not accepted: This TB test expires on 1 March 2025, before your rotation ends on 11 December 2026.',
    );
  });

  it('without JavaScript, says uploading needs it and keeps the button off (the form has nowhere to post)', () => {
    const bls = requirementBlock(renderPortalPage(portalView()).html, 'BLS');
    expect(bls).toMatch(/<p class="notice notice--problem" data-role="needs-js">Uploading needs JavaScript/);
    expect(bls).toMatch(/<button type="submit" disabled>/);
    expect(bls).not.toMatch(/<form [^>]*action=/);
  });

  it('offers an upload form only for missing and rejected requirements', () => {
    const { html } = renderPortalPage(portalView());
    const forms = [...html.matchAll(/<form [^>]*data-requirement="([A-Z_]+)"/g)].map((match) => match[1]);
    expect(forms).toEqual(['TB', 'BLS']);
  });

  it('accepts PDF, PNG, JPEG and HEIC files, with a labelled file input', () => {
    const { html } = renderPortalPage(portalView());
    const input = tagWithId(html, 'req-BLS-file');
    const accept = /accept="([^"]+)"/.exec(input)?.[1]?.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.pdf', '.png', '.jpg', '.jpeg', '.heic']));
    expect(
      accept?.every((type) =>
        /^(\.(pdf|png|jpe?g|heic)|application\/pdf|image\/(png|jpeg|heic))$/.test(type),
      ),
    ).toBe(true);
    expect(html).toContain('<label for="req-BLS-file">File</label>');
  });

  it('groups each upload form in a fieldset whose legend names the requirement', () => {
    const bls = requirementBlock(renderPortalPage(portalView()).html, 'BLS');
    expect(bls).toMatch(/<fieldset>\s*<legend>Upload your BLS certification<\/legend>/);
    expect(bls).toMatch(/<progress id="req-BLS-progress" max="100" value="0">/);
    expect(bls).toContain('<label for="req-BLS-progress">');
  });

  it('has a polite live region for status updates and counts what is done', () => {
    const { html } = renderPortalPage(portalView());
    expect(tagWithId(html, 'live-status')).toMatch(/role="status"[^>]*aria-live="polite"/);
    expect(visibleText(html)).toContain('2 of 4 done');
    expect(visibleText(html)).toContain(
      'Upload the documents marked Missing or Not accepted by 24 August 2026.',
    );
  });

  it('lets the script reach the storage origin for uploads, and nothing else', () => {
    const csp = cspDirectives(renderPortalPage(portalView()).headers);
    expect(csp.get('connect-src')).toEqual(["'self'", STORAGE_ORIGIN]);
    expect(csp.get('form-action')).toEqual(["'self'", STORAGE_ORIGIN]);
  });

  it('offers no upload once the packet is with the site', () => {
    const view = portalView({ status: 'AWAITING_SITE_APPROVAL' });
    const { html } = renderPortalPage(view);
    expect(html).not.toContain('<form');
    expect(visibleText(html)).toContain('All your documents are in.');
  });
});

describe('renderPortalClosedPage', () => {
  it('tells the student with an expired link what to do next (410)', () => {
    const page = renderPortalClosedPage('expired', { coordinatorEmail: 'placements@school.example.edu' });
    expect(page.statusCode).toBe(410);
    const text = visibleText(page.html);
    expect(text).toContain('This link has expired');
    expect(text).toContain('contact your placement coordinator at placements@school.example.edu');
    expect(text).toContain('a new link will arrive with your next reminder email');
    expect(page.html).toContain('href="mailto:placements@school.example.edu"');
  });

  it('answers an unknown link with 404 and how to open it correctly', () => {
    const page = renderPortalClosedPage('not-found');
    expect(page.statusCode).toBe(404);
    expect(visibleText(page.html)).toContain('Open it again from the email we sent you');
  });

  it.each([
    ['CLEARED', 'You are cleared for your placement', 'You are all set to start on 7 September 2026'],
    ['DECLINED', 'This placement will not go ahead', 'will contact you about next steps'],
    ['CANCELLED', 'This placement was cancelled', 'There is nothing more to upload here'],
  ] as const)('explains a finished placement (%s) and what happens next', (outcome, heading, next) => {
    const page = renderPortalClosedPage('finished', {
      outcome,
      siteName: 'Riverside',
      startDate: '2026-09-07',
      endDate: '2026-12-11',
    });
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain(heading);
    expect(text).toContain(next);
  });

  it('sends the same security headers as the portal page', () => {
    const closed = renderPortalClosedPage('not-found').headers;
    const portal = renderPortalPage(portalView()).headers;
    for (const name of ['Cache-Control', 'Referrer-Policy', 'X-Content-Type-Options', 'Content-Type']) {
      expect(closed[name]).toBe(portal[name]);
    }
    expect(cspDirectives(closed).get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('renderPortalPage at a staff-verified site', () => {
  it('shows a SUBMITTED item as being checked by the school, and says so when nothing else is left', () => {
    const view = portalView({ status: 'AWAITING_DOCUMENTS' });
    for (const requirement of view.requirements) {
      requirement.status = 'SUBMITTED';
      delete requirement.reason;
    }
    const text = visibleText(renderPortalPage(view).html);
    expect(text).toContain('Being checked by the school');
    expect(text).toContain('All your documents are in. A person at the school is checking them');
    expect(text).not.toContain('Upload the documents marked Missing');
  });
});
