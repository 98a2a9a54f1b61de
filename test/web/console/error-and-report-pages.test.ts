import { describe, expect, it } from 'vitest';
import { renderConsoleErrorPage } from '../../../functions/web/console/console-error-page.js';
import { renderReportsPage } from '../../../functions/web/console/reports-page.js';
import { visibleText } from '../page-inspection.js';
import { contextFor, reportsView } from './console-fixtures.js';
import { hrefsOf, postTargetsOf } from './console-inspection.js';

describe('the console error pages', () => {
  it('403 says the role cannot do it, that nothing changed, and who to ask', () => {
    const page = renderConsoleErrorPage({ kind: 'forbidden', context: contextFor('viewer') });
    expect(page.statusCode).toBe(403);
    const text = visibleText(page.html);
    expect(text).toContain('Your role cannot do this');
    expect(text).toContain('with the Viewer role, which cannot do this. Nothing was changed.');
    expect(text).toContain('ask a placement coordinator');
  });

  it('404 says what may have happened and where to look', () => {
    const page = renderConsoleErrorPage({ kind: 'not-found', context: contextFor('coordinator') });
    expect(page.statusCode).toBe(404);
    expect(hrefsOf(page.html)).toEqual(expect.arrayContaining(['/console/placements', '/console/sites']));
  });

  it('session expired (401) links to sign in again, keeping where the person was, with no navigation or forms', () => {
    const page = renderConsoleErrorPage({
      kind: 'session-expired',
      basePath: '/console',
      returnTo: '/console/placements/p-100',
    });
    expect(page.statusCode).toBe(401);
    expect(hrefsOf(page.html)).toContain('/console/auth/sign-in?returnTo=%2Fconsole%2Fplacements%2Fp-100');
    expect(visibleText(page.html)).toContain('Sign in again');
    expect(page.html).not.toContain('<nav');
    expect(postTargetsOf(page.html)).toEqual([]);
  });

  it('500 tells nothing internal, only what to do and a reference to quote', () => {
    const page = renderConsoleErrorPage({
      kind: 'server-error',
      basePath: '/console',
      reference: 'req-8c1f',
    });
    expect(page.statusCode).toBe(500);
    const text = visibleText(page.html);
    expect(text).toContain('Something went wrong on our side');
    expect(text).toContain('quote the reference req-8c1f');
    expect(text).not.toMatch(/Error:|stack|at \w+ \(/);
    const signedIn = renderConsoleErrorPage({
      kind: 'server-error',
      basePath: '/console',
      context: contextFor('viewer'),
    });
    expect(postTargetsOf(signedIn.html)).toEqual(['auth/sign-out']);
  });
});

describe('the reports page', () => {
  const page = renderReportsPage(contextFor('viewer'), reportsView()).html;
  const text = visibleText(page);

  it('shows per site and program the counts by status and median and p90 timings', () => {
    expect(text).toContain(
      'Riverside General Hospital BSN Nursing 20 5 70 1 0 0 0 8 days p90 19.5 days 5 hours p90 36 hours',
    );
    expect(text).toContain(
      'Northgate Community Clinic Physical Therapy DPT 11 0 48 0 0 2 0 11 days p90 25 days Not measured yet',
    );
  });

  it('charts documents sent back by reason, most first, and gives the same numbers in a table', () => {
    expect(page).toContain(
      'aria-label="Documents sent back, by reason: Cannot be read 22, Dates do not match what the student entered 14, Not signed 5."',
    );
    expect(text).toContain(
      'Reason Documents Cannot be read 22 Dates do not match what the student entered 14 Not signed 5',
    );
  });

  it('lists evidence lapsing within 30 days of a running rotation, linked to the placement', () => {
    expect(text).toContain(
      'Amara Okafor Basic Life Support (BLS) certification Riverside General Hospital 31 January 2027 12 March 2027',
    );
    expect(hrefsOf(page)).toContain('/console/placements/p-100');
  });

  it('has an empty state and no action forms', () => {
    expect(postTargetsOf(page)).toEqual(['auth/sign-out']);
    const empty = visibleText(
      renderReportsPage(contextFor('viewer'), { rows: [], sentBack: [], lapsing: [] }).html,
    );
    expect(empty).toContain('Nothing to report yet');
    const quiet = visibleText(
      renderReportsPage(contextFor('viewer'), { ...reportsView(), sentBack: [], lapsing: [] }).html,
    );
    expect(quiet).toContain('No document has been sent back yet.');
    expect(quiet).toContain('No evidence on file lapses within 30 days');
  });
});
