import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, pageHeaders } from '../../functions/web/security-headers.js';

const hashA = cspHash('console.log(1)');
const hashB = cspHash('body { margin: 0 }');

const directives = (csp: string): Map<string, string> =>
  new Map(
    csp.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, quoted as a CSP source', () => {
    const expected = createHash('sha256').update('console.log(1)').digest('base64');
    expect(hashA).toBe(`'sha256-${expected}'`);
  });
});

describe('pageHeaders', () => {
  const headers = pageHeaders({
    scriptHashes: [hashA],
    styleHashes: [hashB],
    connectOrigins: ['https://docs.s3.eu-west-1.amazonaws.com'],
    formActionOrigins: ['https://docs.s3.eu-west-1.amazonaws.com'],
  });
  const csp = directives(headers['Content-Security-Policy'] ?? '');

  it('sends HTML that is never cached, never leaks a referrer and is not sniffed', () => {
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Cache-Control']).toBe('no-store');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('has a strict CSP: nothing by default, hashed script and style, no framing, no base', () => {
    expect(headers['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe(hashA);
    expect(csp.get('style-src')).toBe(hashB);
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('lets the page talk and post to itself and the storage origin only', () => {
    expect(csp.get('connect-src')).toBe("'self' https://docs.s3.eu-west-1.amazonaws.com");
    expect(csp.get('form-action')).toBe("'self' https://docs.s3.eu-west-1.amazonaws.com");
  });

  it("allows no script at all when the page has none (script-src 'none')", () => {
    const policy = directives(contentSecurityPolicy({ scriptHashes: [], styleHashes: [hashB] }));
    expect(policy.get('script-src')).toBe("'none'");
    expect(policy.get('connect-src')).toBe("'self'");
  });

  it.each([
    'https://evil.example; script-src *',
    'https://docs.example.com/path',
    "'unsafe-inline'",
    'javascript:alert(1)',
  ])('refuses %s as an extra origin', (origin) => {
    expect(() => pageHeaders({ scriptHashes: [], styleHashes: [], connectOrigins: [origin] })).toThrow(
      /origin/,
    );
  });

  it('refuses anything but a sha256 hash source as a script hash', () => {
    expect(() => pageHeaders({ scriptHashes: ["'unsafe-inline'"], styleHashes: [] })).toThrow(/hash/);
  });
});
