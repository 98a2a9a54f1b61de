import { describe, expect, it } from 'vitest';
import { renderDashboardPage } from '../../../functions/web/console/dashboard-page.js';
import { visibleText } from '../page-inspection.js';
import { contextFor, dashboardView, emptyDashboardView } from './console-fixtures.js';
import { hrefsOf, postTargetsOf } from './console-inspection.js';

describe('the dashboard', () => {
  const page = renderDashboardPage(contextFor('coordinator'), dashboardView()).html;
  const text = visibleText(page);

  it('says who placements wait on, the queue, and time to clearance and verification', () => {
    expect(text).toContain('178 placements in all.');
    expect(text).toContain('Waiting on students 29');
    expect(text).toContain('Waiting on the school 12');
    expect(text).toContain('Waiting on sites 9');
    expect(text).toContain('Verification queue 12 documents Oldest waiting 30 hours');
    expect(text).toContain('Time to clearance 9.5 days Median. 90th percentile 21 days; over 118.');
    expect(text).toContain('Time to verification 6 hours Median. 90th percentile 40 hours; over 342.');
  });

  it('lists rotations starting soon that are not cleared, each linking to its placement', () => {
    expect(text).toContain(
      'Amara Okafor Riverside General Hospital 14 December 2026 Waiting for documents Student',
    );
    expect(hrefsOf(page)).toContain('/console/placements/p-100');
  });

  it('draws the status chart as one labelled image with every number, and repeats the numbers in a table', () => {
    const svg = /<svg[^>]*>/.exec(page)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      'aria-label="Placements by status: Checking 2, Waiting for documents 41, Waiting for the site 9, Cleared 118, Declined 3, Expired 0, Cancelled 4, Failed 1."',
    );
    expect(page).toMatch(/<text class="bar-value"[^>]*>118<\/text>/);
    expect(page).toMatch(/<text class="bar-label"[^>]*>Cleared<\/text>/);
    expect(text).toContain('Cleared 118');
    expect(hrefsOf(page)).toContain('/console/placements?status=CLEARED');
  });

  it('shows placements by site and agreements about to expire', () => {
    expect(text).toContain('Riverside General Hospital 31 70');
    expect(text).toContain('Northgate Community Clinic AA-2023-17 1 February 2027');
  });

  it('has no action forms, only sign-out', () => {
    expect(postTargetsOf(page)).toEqual(['auth/sign-out']);
  });

  it('links the queue for a reviewer but not for a viewer', () => {
    expect(hrefsOf(renderDashboardPage(contextFor('reviewer'), dashboardView()).html)).toContain(
      '/console/queue',
    );
    expect(hrefsOf(renderDashboardPage(contextFor('viewer'), dashboardView()).html)).not.toContain(
      '/console/queue',
    );
  });

  it('says when every rotation starting soon is cleared and when nothing was measured yet', () => {
    const quiet = visibleText(
      renderDashboardPage(
        contextFor('viewer'),
        dashboardView({ startingSoon: [], timeToVerificationHours: { count: 0 }, queue: { size: 0 } }),
      ).html,
    );
    expect(quiet).toContain('Every rotation starting in the next 14 days is cleared.');
    expect(quiet).toContain('Time to verification Not measured yet');
    expect(quiet).toContain('Verification queue 0 documents Nothing waiting');
  });

  it('escapes names in the table and in the chart', () => {
    const hostile = renderDashboardPage(
      contextFor('viewer'),
      dashboardView({
        startingSoon: [
          {
            placementId: 'p"1',
            studentName: '<script>x</script>',
            siteName: 'S',
            startDate: '2026-12-14',
            status: 'CHECKING',
          },
        ],
      }),
    ).html;
    expect(hostile).not.toContain('<script>x');
    expect(hostile).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(hrefsOf(hostile)).toContain('/console/placements/p%221');
  });

  it('for a new school with no placements, says what to do first (coordinator) or that nothing is needed (viewer)', () => {
    const coordinator = renderDashboardPage(contextFor('coordinator'), emptyDashboardView()).html;
    expect(visibleText(coordinator)).toContain('No placements yet');
    expect(hrefsOf(coordinator)).toEqual(expect.arrayContaining(['/console/sites', '/console/import']));
    expect(coordinator).not.toContain('<svg');
    const viewer = visibleText(renderDashboardPage(contextFor('viewer'), emptyDashboardView()).html);
    expect(viewer).toContain('Nothing needs doing here yet.');
    expect(viewer).not.toContain('import this term');
  });
});
