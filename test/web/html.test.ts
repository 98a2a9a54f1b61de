import { describe, expect, it } from 'vitest';
import { escapeHtml, html, httpUrl, idFragment, trustedHtml } from '../../functions/web/html.js';

describe('html template', () => {
  it('escapes interpolated text, including quotes for attribute values', () => {
    const name = `<script>alert("x")</script> & 'friends'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</p>',
    );
  });

  it('does not escape nested templates twice', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a &amp; b</b></p>');
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    expect(html`<ul>${['<1>', html`<li>2</li>`]}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul>&lt;1&gt;<li>2</li></ul>0',
    );
  });

  it('inserts trusted constants as they are', () => {
    expect(html`<style>${trustedHtml('a > b { color: red; }')}</style>`.value).toBe(
      '<style>a > b { color: red; }</style>',
    );
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('httpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(httpUrl('https://example.com/portal/abc')).toBe('https://example.com/portal/abc');
    expect(httpUrl('http://127.0.0.1:3000/review/x')).toBe('http://127.0.0.1:3000/review/x');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<p>', '/portal/abc', 'not a url'])(
    'rejects %s',
    (value) => {
      expect(() => httpUrl(value)).toThrow(/absolute http/);
    },
  );
});

describe('idFragment', () => {
  it('keeps only characters that are safe in an id', () => {
    expect(idFragment('HEPATITIS_B')).toBe('HEPATITIS_B');
    expect(idFragment('a b"<c>')).toBe('a-b--c-');
  });
});
