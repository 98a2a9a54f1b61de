/**
 * The console's own URLs, built from its base path (`/console`, or `/prod/console` behind an API
 * stage). Pages link and post only to these; every path segment taken from data is URL-encoded.
 */

const segment = encodeURIComponent;

/** A query string from the values that are set (empty strings and undefined are left out). */
export const queryString = (params: Readonly<Record<string, string | undefined>>): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

/** The console's routes under one base path. */
export interface ConsoleLinks {
  readonly dashboard: string;
  readonly placements: string;
  readonly queue: string;
  readonly sites: string;
  readonly newSite: string;
  readonly importPlacements: string;
  readonly reports: string;
  readonly signIn: string;
  readonly signOut: string;
  placement(placementId: string): string;
  /** The recorded document view: records the disclosure, then redirects to a short-lived storage URL. */
  document(placementId: string, documentId: string): string;
  /** A placement action's POST target: `waivers`, `cancel`, `retry`, `purge`, `resend-link`. */
  placementAction(placementId: string, action: PlacementAction): string;
  /** One document of the queue, shown with its decision form. */
  queueItem(placementId: string, documentId: string): string;
  /** The decision form's POST target. */
  verification(placementId: string, documentId: string): string;
  site(siteId: string): string;
  /** The import run's progress page. */
  importRun(importId: string): string;
}

export type PlacementAction = 'waivers' | 'cancel' | 'retry' | 'purge' | 'resend-link';

/** The console's links under `basePath` (no trailing slash), e.g. `/console`. */
export const consoleLinks = (basePath: string): ConsoleLinks => {
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(basePath)) {
    throw new Error(`The console's base path must look like /console, not ${basePath}`);
  }
  const placement = (placementId: string) => `${basePath}/placements/${segment(placementId)}`;
  return {
    dashboard: basePath,
    placements: `${basePath}/placements`,
    queue: `${basePath}/queue`,
    sites: `${basePath}/sites`,
    newSite: `${basePath}/sites/new`,
    importPlacements: `${basePath}/import`,
    reports: `${basePath}/reports`,
    signIn: `${basePath}/auth/sign-in`,
    signOut: `${basePath}/auth/sign-out`,
    placement,
    document: (placementId, documentId) => `${placement(placementId)}/documents/${segment(documentId)}`,
    placementAction: (placementId, action) => `${placement(placementId)}/${action}`,
    queueItem: (placementId, documentId) =>
      `${basePath}/queue/${segment(placementId)}/${segment(documentId)}`,
    verification: (placementId, documentId) =>
      `${placement(placementId)}/documents/${segment(documentId)}/verification`,
    site: (siteId) => `${basePath}/sites/${segment(siteId)}`,
    importRun: (importId) => `${basePath}/import/${segment(importId)}`,
  };
};
