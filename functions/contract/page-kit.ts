/**
 * What a page outside functions/ (the local identity provider's sign-in page) builds with, so it looks
 * and is protected like the portal: the escaping template and the page shell with its headers.
 */
export { html, type SafeHtml, trustedHtml } from '../web/html.js';
export { type RenderedPage, renderPage } from '../web/page-layout.js';
