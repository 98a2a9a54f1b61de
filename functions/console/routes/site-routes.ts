import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import { ValidationError } from '../../core/errors.js';
import { type Site, siteVerification } from '../../core/model/site.js';
import type { HttpResult } from '../../http/http-response.js';
import type { RouteRequest, RouteTable } from '../../http/route-table.js';
import { getSite } from '../../use-cases/get-site.js';
import { putSite } from '../../use-cases/put-site.js';
import { consoleLinks } from '../../web/console/console-links.js';
import {
  renderSitePage,
  type SiteFormValues,
  type SitePageView,
  type SiteView,
} from '../../web/console/site-page.js';
import { renderSitesPage, type SitesListView } from '../../web/console/sites-page.js';
import {
  afterChange,
  allow,
  CONSOLE_BASE_PATH,
  type ConsolePorts,
  formText,
  pageAnswer,
} from '../console-request.js';

const links = consoleLinks(CONSOLE_BASE_PATH);

/** A stored site as the site page shows it. */
export const siteViewOf = (site: Site): SiteView => ({
  siteId: site.siteId,
  name: site.name,
  adminEmails: site.adminEmails,
  requirements: site.requirements.map((spec) => (typeof spec === 'string' ? { code: spec } : { ...spec })),
  documentsDueDays: site.documentsDueDays,
  reminderIntervalHours: site.reminderIntervalHours,
  siteReminderIntervalHours: site.siteReminderIntervalHours,
  verification: siteVerification(site),
});

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The site form's fields as posted (text, shown again as typed on an error). */
const formValuesOf = (body: unknown): SiteFormValues => {
  const posted = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const ticked = posted.requirements;
  const codes = (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).filter(
    (code): code is string => typeof code === 'string',
  );
  const text = (name: string) => formText(body, name);
  return {
    siteId: text('siteId'),
    name: text('name'),
    adminEmails: text('adminEmails'),
    requirements: codes.map((code) => ({
      code,
      months: text(`months.${code}`),
      years: text(`years.${code}`),
    })),
    documentsDueDays: text('documentsDueDays'),
    reminderIntervalHours: text('reminderIntervalHours'),
    siteReminderIntervalHours: text('siteReminderIntervalHours'),
    verification: text('verification'),
  };
};

/** A number field: blank is absent (the default), a number is sent as one, anything else as typed (the API names it). */
const numberField = (value: string | undefined): number | string | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
};

/** The site API's body from the form: the same validation (parseSiteInput) serves both. */
const siteBodyOf = (values: SiteFormValues) => ({
  name: values.name,
  adminEmails: lines(values.adminEmails),
  requirements: values.requirements.map(({ code, months, years }) => {
    const window = { months: numberField(months), years: numberField(years) };
    return window.months === undefined && window.years === undefined
      ? code
      : {
          code,
          ...(window.months === undefined ? {} : { months: window.months }),
          ...(window.years === undefined ? {} : { years: window.years }),
        };
  }),
  documentsDueDays: numberField(values.documentsDueDays),
  reminderIntervalHours: numberField(values.reminderIntervalHours),
  siteReminderIntervalHours: numberField(values.siteReminderIntervalHours),
  verification: values.verification,
});

/** Creates or saves a site from its form; the API's field errors go back to the form's fields (400). */
const saveSite = async (ports: ConsolePorts, request: RouteRequest, siteId: string): Promise<HttpResult> => {
  allow(request, 'edit-site');
  const values = formValuesOf(request.body);
  const creating = request.params.siteId === undefined;
  const existing = siteId === '' ? undefined : await ports.sites.getSite(siteId);
  try {
    if (creating && existing) {
      throw new ValidationError([
        {
          path: 'siteId',
          message: 'A site with this id already exists: open it from the sites list to edit it.',
        },
      ]);
    }
    const { site, created } = await putSite(ports, siteId, siteBodyOf(values));
    return afterChange(
      request,
      ports,
      links.site(site.siteId),
      { tone: 'done', text: created ? `Site ${site.name} was created.` : `Site ${site.name} was saved.` },
      siteViewOf(site),
    );
  } catch (error) {
    if (!(error instanceof ValidationError) || request.headers.accept?.includes('application/json'))
      throw error;
    const view: SitePageView = {
      ...(existing && !creating ? { site: siteViewOf(existing) } : {}),
      form: { values, errors: error.details },
    };
    return pageAnswer(request, ports, view, renderSitePage, { statusCode: 400 });
  }
};

/** Sites: the list, one site, and its create and edit forms (coordinators). */
export const siteRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/sites': async (request) => {
    allow(request, 'read');
    const summaries = await ports.sites.listSites();
    const sites = await Promise.all(summaries.map((summary) => ports.sites.getSite(summary.siteId)));
    const view: SitesListView = {
      sites: sites
        .filter((site): site is Site => site !== undefined)
        .map((site) => ({
          siteId: site.siteId,
          name: site.name,
          adminEmails: site.adminEmails,
          requirementCount: site.requirements.length,
          verification: siteVerification(site),
        })),
    };
    return pageAnswer(request, ports, view, renderSitesPage);
  },
  'GET /console/sites/new': async (request) => {
    allow(request, 'edit-site');
    return pageAnswer(request, ports, {} satisfies SitePageView, renderSitePage);
  },
  'POST /console/sites': async (request) => saveSite(ports, request, formText(request.body, 'siteId') ?? ''),
  'GET /console/sites/{siteId}': async (request) => {
    allow(request, 'read');
    const site = await getSite(ports, request.params.siteId ?? '');
    return pageAnswer(request, ports, { site: siteViewOf(site) } satisfies SitePageView, renderSitePage);
  },
  'POST /console/sites/{siteId}': async (request) => saveSite(ports, request, request.params.siteId ?? ''),
});
