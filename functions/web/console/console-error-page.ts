import { html, type SafeHtml } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import {
  type ConsoleContext,
  ROLE_LABELS,
  renderConsolePage,
  renderSignedOutPage,
} from './console-layout.js';
import { consoleLinks } from './console-links.js';

/**
 * A console page shown instead of the one asked for:
 * - `forbidden` (403): the role may not do this; who to ask;
 * - `not-found` (404);
 * - `session-expired` (401): sign in again (no session, so no navigation);
 * - `server-error` (500): nothing internal, only a reference to quote.
 */
export type ConsoleErrorView =
  | { readonly kind: 'forbidden'; readonly context: ConsoleContext }
  | { readonly kind: 'not-found'; readonly context: ConsoleContext }
  | { readonly kind: 'session-expired'; readonly basePath: string; readonly returnTo?: string }
  | {
      readonly kind: 'server-error';
      /** Absent when the session could not be read (the page then has no navigation). */
      readonly context?: ConsoleContext;
      readonly basePath: string;
      /** The request id, for the person to quote to the operations team. */
      readonly reference?: string;
    };

export interface RenderedConsoleErrorPage extends RenderedPage {
  readonly statusCode: 401 | 403 | 404 | 500;
}

/** Renders an error page with its status code. */
export const renderConsoleErrorPage = (view: ConsoleErrorView): RenderedConsoleErrorPage => {
  switch (view.kind) {
    case 'forbidden': {
      const links = consoleLinks(view.context.basePath);
      const role = ROLE_LABELS[view.context.staff.role];
      const main = html`<p>You are signed in as ${view.context.staff.email} with the ${role} role, which cannot do this. Nothing was changed.</p>
<p><strong>What to do next:</strong> if you need to, ask a placement coordinator to do it for you, or ask whoever manages staff sign-in at your school to give you the role that can.</p>
<p><a href="${links.dashboard}">Go to the dashboard</a></p>`;
      return {
        ...renderConsolePage(view.context, { title: 'Your role cannot do this', main }),
        statusCode: 403,
      };
    }
    case 'not-found': {
      const links = consoleLinks(view.context.basePath);
      const main = html`<p>There is no such page, or what it showed (a placement, a site, a document) no longer exists, for example after a purge.</p>
<p><strong>What to do next:</strong> find it from <a href="${links.placements}">the placements list</a> or <a href="${links.sites}">the sites</a>.</p>`;
      return { ...renderConsolePage(view.context, { title: 'Page not found', main }), statusCode: 404 };
    }
    case 'session-expired': {
      const links = consoleLinks(view.basePath);
      const href = view.returnTo
        ? `${links.signIn}?${new URLSearchParams({ returnTo: view.returnTo })}`
        : links.signIn;
      const main = html`<p>For your security you are signed out after 30 minutes without activity, and after 12 hours in all. Anything you had not submitted was not saved.</p>
<p><a class="button" href="${href}">Sign in again</a></p>`;
      return { ...renderSignedOutPage({ title: 'Your session has ended', main }), statusCode: 401 };
    }
    case 'server-error': {
      const links = consoleLinks(view.basePath);
      const body: SafeHtml = html`<p>Something went wrong on our side. It was not anything you did.</p>
<p><strong>What to do next:</strong> wait a moment and try again; if you were submitting a form, check whether it took effect before sending it again. If it keeps happening, tell your school’s operations team${view.reference ? html` and quote the reference <strong>${view.reference}</strong>` : ''}.</p>
<p><a href="${links.dashboard}">Go to the dashboard</a></p>`;
      const page = view.context
        ? renderConsolePage(view.context, { title: 'Something went wrong', main: body })
        : renderSignedOutPage({ title: 'Something went wrong', main: body });
      return { ...page, statusCode: 500 };
    }
  }
};
