import { mayPerform } from '../../staff-auth/console-permissions.js';
import { displayDate } from '../display-date.js';
import { html } from '../html.js';
import type { RenderedPage } from '../page-layout.js';
import { type ConsoleContext, renderConsolePage } from './console-layout.js';
import { consoleLinks } from './console-links.js';
import { dataTable, emptyState } from './data-table.js';

/** One row of the sites list. */
export interface SiteRowView {
  readonly siteId: string;
  readonly name: string;
  readonly adminEmails: readonly string[];
  readonly requirementCount: number;
  readonly verification: 'staff' | 'automatic';
  /** The affiliation agreement's expiry, when the site has one. */
  readonly agreementExpiresOn?: string;
}

export interface SitesListView {
  readonly sites: readonly SiteRowView[];
}

export const VERIFICATION_LABELS: Readonly<Record<SiteRowView['verification'], string>> = {
  staff: 'By school staff',
  automatic: 'Automatic (file type and dates only)',
};

/** The sites: name, admins, how documents are verified, the agreement's expiry; "Add a site" for coordinators. */
export const renderSitesPage = (context: ConsoleContext, view: SitesListView): RenderedPage => {
  const links = consoleLinks(context.basePath);
  const canEdit = mayPerform(context.staff.role, 'edit-site');
  const addSite = canEdit && html`<p><a class="button" href="${links.newSite}">Add a site</a></p>`;
  const main =
    view.sites.length === 0
      ? emptyState(
          'No sites yet',
          canEdit
            ? html`<p>A site is a hospital or clinic that takes students, with the requirements it asks of them. Add one before creating placements there.</p>${addSite}`
            : html`<p>A placement coordinator adds the sites students go to. Nothing needs doing here yet.</p>`,
        )
      : html`${addSite}
${dataTable({
  id: 'sites',
  caption: `${view.sites.length} sites`,
  rows: view.sites,
  columns: [
    {
      header: 'Site',
      cell: (row) =>
        html`<a href="${links.site(row.siteId)}">${row.name}</a><br><span class="hint">${row.siteId}</span>`,
    },
    {
      header: 'Administrators',
      cell: (row) =>
        row.adminEmails.map(
          (email, index) => html`${index > 0 && html`<br>`}<span class="email">${email}</span>`,
        ),
    },
    { header: 'Requirements', cell: (row) => String(row.requirementCount), numeric: true },
    { header: 'Verification', cell: (row) => VERIFICATION_LABELS[row.verification] },
    {
      header: 'Agreement expires',
      cell: (row) => (row.agreementExpiresOn ? displayDate(row.agreementExpiresOn) : 'No agreement recorded'),
    },
  ],
})}`;
  return renderConsolePage(context, { title: 'Sites', section: 'sites', main });
};
