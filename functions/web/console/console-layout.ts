import { type ConsoleAction, mayPerform } from '../../staff-auth/console-permissions.js';
import type { StaffIdentity, StaffRole } from '../../staff-auth/staff-identity.js';
import { html, type SafeHtml, trustedHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { CONSOLE_PAGE_STYLES, CONSOLE_PAGE_STYLES_HASH } from '../page-styles.js';
import { pageHeaders } from '../security-headers.js';
import { postForm } from './console-forms.js';
import { type ConsoleLinks, consoleLinks } from './console-links.js';

/** The signed-in staff member as pages show them (their sign-in email and role). */
export type StaffMember = Pick<StaffIdentity, 'email' | 'role'>;

/** The role as the header names it. */
export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  coordinator: 'Coordinator',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

/** A message about the last action, shown once at the top of the next page ("Waived HIPAA_TRAINING"). */
export interface FlashMessage {
  readonly tone: 'done' | 'problem' | 'info';
  readonly text: string;
}

/** What every console page is given by the handler, besides its own view data. */
export interface ConsoleContext {
  /** The signed-in staff member. */
  readonly staff: StaffMember;
  /** The session's CSRF token, embedded as `_csrf` in every POST form. */
  readonly csrfToken: string;
  /** The console's base path, e.g. `/console` (or `/prod/console` behind an API stage). */
  readonly basePath: string;
  /** Messages about the last action (shown in a `role="status"` region). */
  readonly flash?: readonly FlashMessage[];
}

/** The navigation entries, in order; each is shown only to the roles that can use it. */
export type ConsoleSection = 'dashboard' | 'placements' | 'queue' | 'sites' | 'import' | 'reports';

const SECTIONS: ReadonlyArray<{
  section: ConsoleSection;
  label: string;
  href: (links: ConsoleLinks) => string;
  needs?: ConsoleAction;
}> = [
  { section: 'dashboard', label: 'Dashboard', href: (links) => links.dashboard },
  { section: 'placements', label: 'Placements', href: (links) => links.placements },
  { section: 'queue', label: 'Verification queue', href: (links) => links.queue, needs: 'verify-document' },
  { section: 'sites', label: 'Sites', href: (links) => links.sites },
  { section: 'import', label: 'Import', href: (links) => links.importPlacements, needs: 'import-placements' },
  { section: 'reports', label: 'Reports', href: (links) => links.reports },
];

export interface ConsoleShell {
  /** The document title and (unless `heading` is given) the page's `<h1>`. */
  readonly title: string;
  /** The `<h1>` when it should differ from the title (e.g. the title starts "Error: "). */
  readonly heading?: string;
  /** The navigation entry this page belongs to (marked `aria-current="page"`). */
  readonly section?: ConsoleSection;
  /** The content of `<main>` after the heading and the flash messages. */
  readonly main: SafeHtml;
  /**
   * Origins (besides this one) a document shown in the page may come from: the document route
   * redirects to a short-lived storage URL, which the page's `<iframe>` or `<img>` then loads.
   */
  readonly documentOrigins?: readonly string[];
}

const PRODUCT_NAME = 'Placement onboarding';

const navigation = (context: ConsoleContext, links: ConsoleLinks, current: ConsoleSection | undefined) =>
  html`<nav class="console-nav" aria-label="Console">
<ul>
${SECTIONS.filter((entry) => !entry.needs || mayPerform(context.staff.role, entry.needs)).map(
  (entry) =>
    html`<li><a href="${entry.href(links)}"${entry.section === current && html` aria-current="page"`}>${entry.label}</a></li>`,
)}
</ul>
</nav>`;

const flashRegion = (flash: readonly FlashMessage[] | undefined): SafeHtml =>
  html`<div class="flash" role="status">
${(flash ?? []).map((message) => html`<p class="notice notice--${message.tone}">${message.text}</p>`)}
</div>`;

/**
 * The page's CSP: the portal's (from `pageHeaders`), plus — on a page that shows a document — the
 * document route (`'self'`) and the storage origin it redirects to, for images and frames only.
 */
const consoleHeaders = (documentOrigins: readonly string[] | undefined): Record<string, string> => {
  const headers = pageHeaders({
    scriptHashes: [],
    styleHashes: [CONSOLE_PAGE_STYLES_HASH],
    // Checks the origins (scheme://host[:port] only); forms never post there.
    connectOrigins: documentOrigins ?? [],
  });
  if (documentOrigins === undefined) return headers;
  const sources = ["'self'", ...documentOrigins].join(' ');
  const policy = (headers['Content-Security-Policy'] ?? '').split('; ').map((directive) => {
    if (directive.startsWith('img-src ')) return `img-src ${sources} data:`;
    if (directive.startsWith('connect-src ')) return "connect-src 'self'";
    return directive;
  });
  return { ...headers, 'Content-Security-Policy': [...policy, `frame-src ${sources}`].join('; ') };
};

/** The whole document around a header and the content of `<main>`. */
const consoleDocument = (title: string, header: SafeHtml, content: SafeHtml): string =>
  html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} – ${PRODUCT_NAME} staff console</title>
<link rel="icon" href="data:,">
<style>${trustedHtml(CONSOLE_PAGE_STYLES)}</style>
</head>
<body class="console">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="console-header">
${header}
</header>
<main id="main" tabindex="-1">
${content}
</main>
</body>
</html>
`.value;

/** Wraps a console page: header with navigation, the signed-in person and sign-out, skip link, `<main>`. */
export const renderConsolePage = (context: ConsoleContext, shell: ConsoleShell): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const { staff } = context;
  const header = html`<div class="console-header__bar">
<p class="console-header__product"><a href="${links.dashboard}">${PRODUCT_NAME}</a> <span>Staff console</span></p>
<div class="console-header__who">
<p>Signed in as <strong>${staff.email}</strong> <span class="role-tag">${ROLE_LABELS[staff.role]}</span></p>
${postForm({ action: links.signOut, csrfToken: context.csrfToken, className: 'sign-out' }, html`<button type="submit" class="button--quiet">Sign out</button>`)}
</div>
</div>
${navigation(context, links, shell.section)}`;
  const content = html`${flashRegion(context.flash)}
<h1>${shell.heading ?? shell.title}</h1>
${shell.main}`;
  return {
    html: consoleDocument(shell.title, header, content),
    headers: consoleHeaders(shell.documentOrigins),
  };
};

/** A page shown without a session (signed out, session expired): no navigation, no sign-out. */
export const renderSignedOutPage = (shell: Pick<ConsoleShell, 'title' | 'main'>): RenderedPage => {
  const header = html`<div class="console-header__bar">
<p class="console-header__product">${PRODUCT_NAME} <span>Staff console</span></p>
</div>`;
  return {
    html: consoleDocument(
      shell.title,
      header,
      html`<h1>${shell.title}</h1>
${shell.main}`,
    ),
    headers: consoleHeaders(undefined),
  };
};
