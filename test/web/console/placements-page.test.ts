import { describe, expect, it } from 'vitest';
import { renderPlacementsPage } from '../../../functions/web/console/placements-page.js';
import { tagWithId, visibleText } from '../page-inspection.js';
import { contextFor, placementsView } from './console-fixtures.js';
import { formsOf, hrefsOf, postTargetsOf } from './console-inspection.js';

describe('the placements list', () => {
  const page = renderPlacementsPage(contextFor('coordinator'), placementsView()).html;

  it('filters with a GET form by search, status, site, program and start-date range, keeping the values', () => {
    const filter = formsOf(page).find((form) => form.method === 'get');
    expect(filter?.action).toBe('/console/placements');
    for (const name of ['q', 'status', 'siteId', 'program', 'startFrom', 'startTo']) {
      expect(filter?.body).toContain(`name="${name}"`);
    }
    expect(page).toContain('<option value="AWAITING_DOCUMENTS" selected>Waiting for documents</option>');
    expect(page).toContain('<option value="riverside" selected>Riverside General Hospital</option>');
    expect(tagWithId(page, 'filter-startFrom')).toContain('type="date"');
    expect(tagWithId(page, 'filter-q')).not.toContain('required');
  });

  it('shows each placement with student, site, program, dates, status and who it waits on, linked', () => {
    const text = visibleText(page);
    expect(text).toContain(
      'Amara Okafor S-1001 amara@students.example.edu Riverside General Hospital BSN Nursing 14 December 2026 to 12 March 2027 Waiting for documents Student',
    );
    expect(text).toContain('Mei Chen');
    expect(text).toContain('School (verification)');
    expect(hrefsOf(page)).toContain('/console/placements/p-100');
  });

  it('pages with a Next page link that carries the cursor and keeps the filters', () => {
    expect(hrefsOf(page)).toContain(
      '/console/placements?status=AWAITING_DOCUMENTS&siteId=riverside&cursor=eyJwayI6IlBMQUNFTUVOVCNwLTEwMiJ9',
    );
    expect(visibleText(page)).not.toContain('First page');
  });

  it('offers First page (without the cursor) on a later page, and no Next page on the last', () => {
    const last = renderPlacementsPage(
      contextFor('viewer'),
      placementsView({ paged: true, nextCursor: undefined }),
    ).html;
    expect(hrefsOf(last)).toContain('/console/placements?status=AWAITING_DOCUMENTS&siteId=riverside');
    expect(visibleText(last)).toContain('First page');
    expect(visibleText(last)).not.toContain('Next page');
  });

  it('says when no placement matches and how to widen the search', () => {
    const empty = visibleText(
      renderPlacementsPage(contextFor('viewer'), placementsView({ items: [], nextCursor: undefined })).html,
    );
    expect(empty).toContain('No placements match these filters');
    expect(empty).toContain('Show all placements');
    const none = visibleText(
      renderPlacementsPage(
        contextFor('viewer'),
        placementsView({ items: [], filters: {}, nextCursor: undefined }),
      ).html,
    );
    expect(none).toContain('No placements yet');
  });

  it('shows a refused filter by its field, with a summary linking to it', () => {
    const refused = renderPlacementsPage(
      contextFor('viewer'),
      placementsView({
        filters: { startFrom: '2027-02-01', startTo: '2027-01-01' },
        errors: [{ path: 'startTo', message: 'Must be on or after the start of the range.' }],
      }),
    ).html;
    expect(refused).toContain('<title>Error: Placements');
    expect(refused).toContain('<a href="#filter-startTo">Must be on or after the start of the range.</a>');
    expect(tagWithId(refused, 'filter-startTo')).toContain('aria-invalid="true"');
  });

  it('has no POST form but sign-out, for any role', () => {
    expect(postTargetsOf(page)).toEqual(['auth/sign-out']);
  });

  it('escapes student names and search text', () => {
    const [first] = placementsView().items;
    const hostile = renderPlacementsPage(
      contextFor('viewer'),
      placementsView({
        filters: { q: '"><script>q</script>' },
        items: first ? [{ ...first, studentName: '<script>x</script>' }] : [],
      }),
    ).html;
    expect(hostile).not.toMatch(/<script>[qx]/);
    expect(hostile).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(hostile).toContain('value="&quot;&gt;&lt;script&gt;q&lt;/script&gt;"');
  });
});
