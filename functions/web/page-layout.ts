import { html, type SafeHtml, trustedHtml } from './html.js';
import { PAGE_STYLES, PAGE_STYLES_HASH } from './page-styles.js';
import { pageHeaders } from './security-headers.js';

/** A rendered HTML page: the body and the response headers that must go with it. */
export interface RenderedPage {
  html: string;
  headers: Record<string, string>;
}

/** A page shown instead of the expected one (unknown, expired or finished link, or try again later). */
export interface RenderedClosedPage extends RenderedPage {
  /** The status code the handler should answer with. */
  statusCode: 200 | 403 | 404 | 410 | 503;
}

/** An inline script of this codebase and its CSP hash (computed once, at module load). */
export interface InlineScript {
  text: string;
  hash: string;
}

export interface PageShell {
  /** The document title (what a browser tab and a screen reader announce first). */
  title: string;
  /** The content of `<main>`. */
  main: SafeHtml;
  script?: InlineScript;
  /** Extra origins the script may call and forms may post to (e.g. the storage origin). */
  storageOrigins?: readonly string[];
}

const SERVICE_NAME = 'Placement onboarding';

/** Wraps page content in the shared document: language, viewport, stylesheet, header, CSP headers. */
export const renderPage = (shell: PageShell): RenderedPage => {
  if (shell.script?.text.toLowerCase().includes('</script')) {
    throw new Error('An inline script must not contain "</script".');
  }
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${shell.title} – ${SERVICE_NAME}</title>
<link rel="icon" href="data:,">
<style>${trustedHtml(PAGE_STYLES)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><p>${SERVICE_NAME}</p></header>
<main id="main" tabindex="-1">
${shell.main}
</main>
${shell.script && html`<script>${trustedHtml(shell.script.text)}</script>`}
</body>
</html>
`;
  return {
    html: document.value,
    headers: pageHeaders({
      scriptHashes: shell.script ? [shell.script.hash] : [],
      styleHashes: [PAGE_STYLES_HASH],
      connectOrigins: shell.storageOrigins ?? [],
      formActionOrigins: shell.storageOrigins ?? [],
    }),
  };
};
