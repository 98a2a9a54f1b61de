import { describe, expect, it } from 'vitest';
import { renderConsolePage } from '../../../functions/web/console/console-layout.js';
import { html } from '../../../functions/web/html.js';
import { cspDirectives, hashesOf, inlineElements, visibleText } from '../page-inspection.js';
import { CSRF_TOKEN, contextFor } from './console-fixtures.js';
import { hiddenValue, hrefsOf, postFormsOf } from './console-inspection.js';

const render = (role: Parameters<typeof contextFor>[0], extra: Parameters<typeof contextFor>[1] = {}) =>
  renderConsolePage(contextFor(role, extra), {
    title: 'Dashboard',
    section: 'dashboard',
    main: html`<p>Body</p>`,
  });

const navLabels = (page: string): string[] =>
  [
    ...(/<nav class="console-nav"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '').matchAll(/<a [^>]*>([^<]+)<\/a>/g),
  ].map((match) => match[1] ?? '');

describe('the console layout', () => {
  it('names the product, the signed-in person and their role', () => {
    const text = visibleText(render('reviewer').html);
    expect(text).toContain('Placement onboarding Staff console');
    expect(text).toContain('Signed in as reviewer@school.example.edu Reviewer');
  });

  it('offers a coordinator every section, in order', () => {
    expect(navLabels(render('coordinator').html)).toEqual([
      'Dashboard',
      'Placements',
      'Verification queue',
      'Sites',
      'Import',
      'Reports',
    ]);
  });

  it('hides Import from a reviewer and the queue and Import from a viewer', () => {
    expect(navLabels(render('reviewer').html)).toEqual([
      'Dashboard',
      'Placements',
      'Verification queue',
      'Sites',
      'Reports',
    ]);
    expect(navLabels(render('viewer').html)).toEqual(['Dashboard', 'Placements', 'Sites', 'Reports']);
  });

  it('marks the current section for screen readers', () => {
    expect(render('viewer').html).toContain('<a href="/console" aria-current="page">Dashboard</a>');
    expect(
      /<nav class="console-nav"[\s\S]*?<\/nav>/.exec(render('viewer').html)?.[0].match(/aria-current/g),
    ).toHaveLength(1);
  });

  it('signs out with a POST form that carries the CSRF token', () => {
    const forms = postFormsOf(render('viewer').html);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.action).toBe('/console/auth/sign-out');
    expect(forms[0] && hiddenValue(forms[0], '_csrf')).toBe(CSRF_TOKEN);
  });

  it('has a skip link to main, one h1 and a status region for flash messages', () => {
    const page = render('coordinator', { flash: [{ tone: 'done', text: 'Waived HIPAA_TRAINING' }] }).html;
    expect(hrefsOf(page)[0]).toBe('#main');
    expect(page).toContain('<main id="main" tabindex="-1">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toMatch(
      /<div class="flash" role="status">\s*<p class="notice notice--done">Waived HIPAA_TRAINING<\/p>/,
    );
  });

  it('escapes the staff email and flash text', () => {
    const page = render('viewer', {
      staff: { email: '<script>alert(1)</script>@x', role: 'viewer' },
      flash: [{ tone: 'problem', text: '<img src=x onerror=alert(1)>' }],
    }).html;
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@x');
  });

  it('links under the base path it is given, and refuses one that is not a plain path', () => {
    const page = render('viewer', { basePath: '/prod/console' }).html;
    expect(hrefsOf(page)).toContain('/prod/console/placements');
    expect(() => render('viewer', { basePath: 'https://evil.example/console' })).toThrow(/base path/);
  });

  it('allows exactly its one stylesheet by hash and no script at all', () => {
    const page = render('coordinator');
    const csp = cspDirectives(page.headers);
    expect(inlineElements(page.html, 'style')).toHaveLength(1);
    expect(csp.get('style-src')).toEqual(hashesOf(inlineElements(page.html, 'style')));
    expect(csp.get('script-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(page.headers['Cache-Control']).toBe('no-store');
  });
});
