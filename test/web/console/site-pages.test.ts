import { describe, expect, it } from 'vitest';
import { renderSitePage, siteFieldOf, siteFormValues } from '../../../functions/web/console/site-page.js';
import { renderSitesPage } from '../../../functions/web/console/sites-page.js';
import { tagWithId, visibleText } from '../page-inspection.js';
import { CSRF_TOKEN, contextFor, sitesView, siteView } from './console-fixtures.js';
import { hiddenValue, hrefsOf, postFormsOf, postTargetsOf } from './console-inspection.js';

describe('the sites list', () => {
  it('lists each site with its admins, requirement count, verification and agreement, linked', () => {
    const page = renderSitesPage(contextFor('viewer'), sitesView()).html;
    const text = visibleText(page);
    expect(text).toContain(
      'Riverside General Hospital riverside onboarding@riverside.example.org 6 By school staff 30 June 2028',
    );
    expect(text).toContain('Automatic (file type and dates only) No agreement recorded');
    expect(hrefsOf(page)).toContain('/console/sites/northgate');
  });

  it('offers Add a site to a coordinator only', () => {
    expect(hrefsOf(renderSitesPage(contextFor('coordinator'), sitesView()).html)).toContain(
      '/console/sites/new',
    );
    for (const role of ['viewer', 'reviewer'] as const) {
      expect(hrefsOf(renderSitesPage(contextFor(role), sitesView()).html)).not.toContain(
        '/console/sites/new',
      );
    }
  });

  it('has an empty state that says what a site is and what to do', () => {
    const coordinator = renderSitesPage(contextFor('coordinator'), { sites: [] }).html;
    expect(visibleText(coordinator)).toContain('No sites yet');
    expect(hrefsOf(coordinator)).toContain('/console/sites/new');
    expect(visibleText(renderSitesPage(contextFor('viewer'), { sites: [] }).html)).toContain(
      'A placement coordinator adds',
    );
  });
});

describe('a site', () => {
  const edit = renderSitePage(contextFor('coordinator'), { site: siteView() }).html;

  it('is read-only for a viewer and a reviewer: the facts, no form', () => {
    for (const role of ['viewer', 'reviewer'] as const) {
      const page = renderSitePage(contextFor(role), { site: siteView() }).html;
      expect(postTargetsOf(page)).toEqual(['auth/sign-out']);
      const text = visibleText(page);
      expect(text).toContain('Tuberculosis (TB) screening (6 months)');
      expect(text).toContain('Tdap vaccination (5 years)');
      expect(text).toContain('AA-2024-03, expires 30 June 2028');
    }
  });

  it('is an edit form for a coordinator that posts to the site with the CSRF token', () => {
    const forms = postFormsOf(edit);
    expect(postTargetsOf(edit)).toEqual(['auth/sign-out', 'sites/riverside']);
    expect(forms[1] && hiddenValue(forms[1], '_csrf')).toBe(CSRF_TOKEN);
  });

  it('fills the form from the site: every catalogue code as a checkbox, ticked ones and overrides', () => {
    expect(edit.match(/name="requirements"/g)).toHaveLength(14);
    expect(tagWithId(edit, 'req-TB')).toContain('checked');
    expect(tagWithId(edit, 'req-HEPATITIS_B')).not.toContain('checked');
    expect(tagWithId(edit, 'req-TB-months')).toMatch(/name="months\.TB"[^>]*value="6"/);
    expect(tagWithId(edit, 'req-TDAP-years')).toMatch(/name="years\.TDAP"[^>]*value="5"/);
    expect(edit).not.toContain('id="req-MMR-');
    expect(tagWithId(edit, 'site-documentsDueDays')).toContain('value="14"');
    expect(tagWithId(edit, 'verification-staff')).toContain('checked');
    expect(tagWithId(edit, 'site-agreementExpiresOn')).toMatch(/type="date"[^>]*value="2028-06-30"/);
    expect(edit).toContain('agreements@school.example.edu</textarea>');
    expect(edit).not.toContain('id="site-siteId"');
  });

  it('creates a site with a site id field and the defaults of a new site', () => {
    const create = renderSitePage(contextFor('coordinator'), {}).html;
    expect(postTargetsOf(create)).toEqual(['auth/sign-out', 'sites']);
    expect(tagWithId(create, 'site-siteId')).toContain('required');
    expect(tagWithId(create, 'site-reminderIntervalHours')).toContain('value="72"');
    expect(tagWithId(create, 'verification-staff')).toContain('checked');
    expect(() => renderSitePage(contextFor('viewer'), {})).toThrow();
  });

  it('maps API error paths to the fields they name', () => {
    const values = { ...siteFormValues(siteView()) };
    expect(siteFieldOf('adminEmails[0]', values)).toEqual({
      id: 'site-adminEmails',
      label: 'Administrator emails, line 1',
    });
    expect(siteFieldOf('requirements[1].months', values)).toEqual({
      id: 'req-TB-months',
      label: 'Tuberculosis (TB) screening, months',
    });
    expect(siteFieldOf('requirements[2]', values)?.id).toBe('req-BLS');
    expect(siteFieldOf('agreement.expiresOn', values)?.id).toBe('site-agreementExpiresOn');
    expect(siteFieldOf('agreement.contactEmails[0]', values)?.label).toBe('Agreement contacts, line 1');
    expect(siteFieldOf('somethingElse', values)).toBeUndefined();
  });

  it('shows refused values again, each error by its field, and a summary linking to the fields', () => {
    const values = {
      ...siteFormValues(siteView()),
      adminEmails: 'not-an-email',
      requirements: [{ code: 'MMR' }, { code: 'TB', months: '0' }],
    };
    const page = renderSitePage(contextFor('coordinator'), {
      site: siteView(),
      form: {
        values,
        errors: [
          { path: 'adminEmails[0]', message: 'Must be an email address.' },
          { path: 'requirements[1].months', message: 'Must be a whole number from 1 to 120.' },
        ],
      },
    }).html;
    expect(page).toContain('<title>Error: Riverside General Hospital');
    expect(page).toContain(
      '<a href="#site-adminEmails">Administrator emails, line 1: Must be an email address.</a>',
    );
    expect(page).toContain(
      '<a href="#req-TB-months">Tuberculosis (TB) screening, months: Must be a whole number from 1 to 120.</a>',
    );
    expect(tagWithId(page, 'site-adminEmails')).toContain('aria-invalid="true"');
    expect(tagWithId(page, 'req-TB-months')).toMatch(
      /value="0"[^>]*aria-invalid="true" aria-describedby="req-TB-months-error"/,
    );
    expect(page).toContain(
      '<p class="field-error" id="req-TB-months-error">Must be a whole number from 1 to 120.</p>',
    );
    expect(page).toContain('>not-an-email</textarea>');
    expect(tagWithId(page, 'req-BLS')).not.toContain('checked');
  });

  it('escapes the site name and admin emails', () => {
    const page = renderSitePage(contextFor('coordinator'), {
      site: siteView({ name: '<script>s</script>', adminEmails: ['"><b>@x'] }),
    }).html;
    expect(page).not.toContain('<script>s');
    expect(page).not.toContain('"><b>');
    expect(page).toContain('&lt;script&gt;s&lt;/script&gt;');
  });
});
