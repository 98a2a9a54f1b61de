import { describe, expect, it } from 'vitest';
import type { StaffRole as ConsoleRole } from '../../../functions/staff-auth/staff-identity.js';
import { renderConsoleErrorPage } from '../../../functions/web/console/console-error-page.js';
import { renderDashboardPage } from '../../../functions/web/console/dashboard-page.js';
import { renderImportPage } from '../../../functions/web/console/import-page.js';
import { renderPlacementPage } from '../../../functions/web/console/placement-page.js';
import { renderPlacementsPage } from '../../../functions/web/console/placements-page.js';
import { renderReportsPage } from '../../../functions/web/console/reports-page.js';
import { renderSitePage } from '../../../functions/web/console/site-page.js';
import { renderSitesPage } from '../../../functions/web/console/sites-page.js';
import { renderVerificationItemPage } from '../../../functions/web/console/verification-item-page.js';
import { renderVerificationQueuePage } from '../../../functions/web/console/verification-queue-page.js';
import type { RenderedPage } from '../../../functions/web/page-layout.js';
import { cspDirectives, hashesOf, inlineElements } from '../page-inspection.js';
import * as sample from './console-fixtures.js';
import { hiddenValue, postFormsOf, postTargetsOf } from './console-inspection.js';

/** Every console page a role can reach, rendered with sample data. */
const pagesFor = (role: ConsoleRole): Record<string, RenderedPage> => {
  const context = sample.contextFor(role);
  const pages: Record<string, RenderedPage> = {
    dashboard: renderDashboardPage(context, sample.dashboardView()),
    'empty dashboard': renderDashboardPage(context, sample.emptyDashboardView()),
    placements: renderPlacementsPage(context, sample.placementsView()),
    placement: renderPlacementPage(context, sample.placementView()),
    'failed placement': renderPlacementPage(context, sample.placementView({ status: 'FAILED' })),
    sites: renderSitesPage(context, sample.sitesView()),
    site: renderSitePage(context, { site: sample.siteView() }),
    reports: renderReportsPage(context, sample.reportsView()),
    forbidden: renderConsoleErrorPage({ kind: 'forbidden', context }),
    'not found': renderConsoleErrorPage({ kind: 'not-found', context }),
  };
  if (role !== 'viewer') {
    pages.queue = renderVerificationQueuePage(context, sample.queueView());
    pages['queue item'] = renderVerificationItemPage(context, sample.queueItemView());
  }
  if (role === 'coordinator') {
    pages['new site'] = renderSitePage(context, {});
    pages.import = renderImportPage(context, { state: 'choose' });
    pages['import problems'] = renderImportPage(context, sample.importInvalidView());
    pages['import progress'] = renderImportPage(context, sample.importProgressView());
  }
  return pages;
};

const everyPage = (['coordinator', 'reviewer', 'viewer'] as const).flatMap((role) =>
  Object.entries(pagesFor(role)).map(([name, page]) => ({ name: `${name} (${role})`, role, page })),
);

describe.each(everyPage)('console page: $name', ({ role, page }) => {
  it('carries the CSRF token in every POST form', () => {
    const forms = postFormsOf(page.html);
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(hiddenValue(form, '_csrf')).toBe(sample.CSRF_TOKEN);
  });

  it('allows exactly its inline stylesheet by hash, runs no script, and needs nothing unsafe', () => {
    const csp = cspDirectives(page.headers);
    expect(csp.get('style-src')).toEqual(hashesOf(inlineElements(page.html, 'style')));
    expect(csp.get('script-src')).toEqual(["'none'"]);
    expect(page.html).not.toContain('<script');
    expect(page.html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page.html).not.toMatch(/\sstyle\s*=/i);
    expect(page.html).not.toMatch(/javascript:/i);
    expect(page.html).not.toMatch(/<link[^>]*rel="stylesheet"|@import|url\(/i);
  });

  it('shows only the actions the role may take', () => {
    const targets = postTargetsOf(page.html);
    if (role === 'viewer') expect(targets).toEqual(['auth/sign-out']);
    if (role === 'reviewer') {
      expect(targets.filter((target) => !/^auth\/sign-out$|\/verification$/.test(target))).toEqual([]);
    }
  });
});
