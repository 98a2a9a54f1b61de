import { describe, expect, it } from 'vitest';
import { renderPortalClosedPage, renderPortalPage } from '../../functions/web/portal-page.js';
import {
  renderReviewClosedPage,
  renderReviewConfirmation,
  renderReviewPage,
} from '../../functions/web/review-page.js';
import { portalView, reviewView } from './fixtures.js';
import { cspDirectives, hashesOf, inlineElements } from './page-inspection.js';

const pages = {
  portal: renderPortalPage(portalView()),
  'portal closed (expired)': renderPortalClosedPage('expired'),
  'portal closed (finished)': renderPortalClosedPage('finished', {
    outcome: 'CLEARED',
    siteName: 'Riverside',
  }),
  review: renderReviewPage(reviewView()),
  'review with a decision': renderReviewPage(reviewView({ decided: true })),
  'review confirmation': renderReviewConfirmation({
    ...reviewView(),
    decision: { decision: 'approve', by: 'admin@site.example', at: '2026-08-26T14:05:00Z' },
  }),
  'review closed (superseded)': renderReviewClosedPage('superseded'),
};

describe.each(Object.entries(pages))('%s page', (_name, page) => {
  const csp = cspDirectives(page.headers);

  it('allows exactly its inline scripts and styles by their SHA-256 hashes', () => {
    const scripts = inlineElements(page.html, 'script');
    const styles = inlineElements(page.html, 'style');
    expect(styles).toHaveLength(1);
    expect(csp.get('style-src')).toEqual(hashesOf(styles));
    expect(csp.get('script-src')).toEqual(scripts.length > 0 ? hashesOf(scripts) : ["'none'"]);
  });

  it('needs no unsafe CSP: no inline event handlers, style attributes or javascript: URLs', () => {
    expect(page.headers['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(page.html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page.html).not.toMatch(/\sstyle\s*=/i);
    expect(page.html).not.toMatch(/javascript:/i);
  });

  it('loads nothing from another origin (no external scripts, styles, fonts or images)', () => {
    expect(page.html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(page.html).not.toMatch(/<link[^>]*rel="stylesheet"/i);
    expect(inlineElements(page.html, 'style').join('')).not.toMatch(/@import|url\(/i);
  });

  it('declares its language, charset and a mobile viewport', () => {
    expect(page.html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(page.html).toContain('<meta charset="utf-8">');
    expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.headers['Cache-Control']).toBe('no-store');
    expect(page.headers['Referrer-Policy']).toBe('no-referrer');
  });
});
