import { createHash } from 'node:crypto';

/** A CSP hash source for the exact text of an inline `<script>` or `<style>` element. */
export const cspHash = (inlineText: string): string =>
  `'sha256-${createHash('sha256').update(inlineText, 'utf8').digest('base64')}'`;

export interface PageHeaderOptions {
  /** Hash sources (from `cspHash`) of the page's inline scripts; none → `script-src 'none'`. */
  scriptHashes: readonly string[];
  /** Hash sources (from `cspHash`) of the page's inline stylesheets; none → `style-src 'none'`. */
  styleHashes: readonly string[];
  /** Extra origins the page's script may call, e.g. the storage origin uploads go to. */
  connectOrigins?: readonly string[];
  /** Extra origins forms may submit to, e.g. the storage origin. */
  formActionOrigins?: readonly string[];
}

const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

const checkHashes = (hashes: readonly string[]): readonly string[] => {
  for (const hash of hashes) {
    if (!HASH_SOURCE.test(hash)) throw new Error(`Not a CSP sha256 hash source: ${hash}`);
  }
  return hashes;
};

/** An origin as CSP needs it: `scheme://host[:port]`, nothing else (no path, no `;`). */
const checkOrigins = (origins: readonly string[]): readonly string[] => {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(`Not an http(s) origin: ${origin}`);
    }
  }
  return origins;
};

const sourceList = (sources: readonly string[]): string =>
  sources.length > 0 ? sources.join(' ') : "'none'";

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The Content-Security-Policy of an HTML page. No `unsafe-inline`, no `unsafe-eval`, no framing. */
export const contentSecurityPolicy = (options: PageHeaderOptions): string => {
  const connect = unique(["'self'", ...checkOrigins(options.connectOrigins ?? [])]);
  const formAction = unique(["'self'", ...checkOrigins(options.formActionOrigins ?? [])]);
  return [
    "default-src 'none'",
    `script-src ${sourceList(unique(checkHashes(options.scriptHashes)))}`,
    `style-src ${sourceList(unique(checkHashes(options.styleHashes)))}`,
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `form-action ${formAction.join(' ')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
};

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const;

/** Response headers for an HTML page of the portal or the review flow. */
export const pageHeaders = (options: PageHeaderOptions): Record<string, string> => ({
  'Content-Type': 'text/html; charset=utf-8',
  ...COMMON_HEADERS,
  'Content-Security-Policy': contentSecurityPolicy(options),
});
