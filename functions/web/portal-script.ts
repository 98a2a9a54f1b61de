import type { InlineScript } from './page-layout.js';
import { cspHash } from './security-headers.js';

/**
 * The minified text of browser/portal-script.ts, put in at build time by esbuild's and vitest's
 * `define` (infra/bundling/browser-scripts.ts): one build of the browser module for the function
 * bundles, the local cloud and the tests.
 */
declare const PORTAL_SCRIPT_SOURCE: string;

/** The portal page's only script, and the CSP hash of exactly the text the page serves. */
export const PORTAL_SCRIPT: InlineScript = inlineScript(PORTAL_SCRIPT_SOURCE);

// A function, so that the bundle writes the (defined) text out once, not at each of its two uses.
function inlineScript(text: string): InlineScript {
  return { text, hash: cspHash(text) };
}
