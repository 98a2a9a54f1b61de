import { html, type SafeHtml } from '../html.js';
import { queryString } from './console-links.js';

export interface PagerOptions {
  /** The list's path, without a query. */
  readonly path: string;
  /** The filters in force; both links keep them. */
  readonly filters: Readonly<Record<string, string | undefined>>;
  /** The opaque cursor of the next page, when there is one. */
  readonly nextCursor?: string;
  /** Whether this page was reached with a cursor (then "First page" is offered). */
  readonly paged: boolean;
  /** What is paged through ("placements", "documents"), for the link text. */
  readonly noun: string;
}

/** "First page" and "Next page" links: plain GET links that keep the filters and carry the cursor. */
export const pager = (options: PagerOptions): SafeHtml | false =>
  (options.paged || options.nextCursor !== undefined) &&
  html`<nav aria-label="Pages of ${options.noun}"><ul class="pager">
${options.paged && html`<li><a class="button button--secondary" href="${options.path}${queryString({ ...options.filters, cursor: undefined })}">First page</a></li>`}
${options.nextCursor !== undefined && html`<li><a class="button" href="${options.path}${queryString({ ...options.filters, cursor: options.nextCursor })}">Next page<span class="visually-hidden"> of ${options.noun}</span></a></li>`}
</ul></nav>`;
