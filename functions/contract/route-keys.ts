/**
 * The HTTP API's routes, as API Gateway writes a route key: `METHOD /path/{param}`. Defined once: the
 * API construct (infra/constructs/onboarding-api.ts) adds exactly these, and each function's route
 * table is typed by its list, so a route in one and not the other fails the type check.
 */

/** Coordinator routes: IAM-signed requests (SigV4) only; served by coordinator-api. */
export const COORDINATOR_ROUTES = [
  'PUT /sites/{siteId}',
  'GET /sites/{siteId}',
  'POST /placements',
  'GET /placements',
  'GET /placements/{placementId}',
  'POST /placements/{placementId}/waivers',
  'POST /placements/{placementId}/cancel',
  'POST /placements/{placementId}/purge',
  'POST /placements/{placementId}/retry',
  'POST /placements/{placementId}/documents/{documentId}/verification',
  'GET /verification-queue',
] as const;

/** The student's emailed link: public, the token in the path is the only key; served by portal. */
export const PORTAL_ROUTES = [
  'GET /portal/{token}',
  'GET /portal/{token}/status',
  'POST /portal/{token}/uploads',
] as const;

/** The site administrator's emailed link: public, the token is the key; served by review. */
export const REVIEW_ROUTES = [
  'GET /review/{token}',
  'POST /review/{token}',
  // A document of the packet: records the disclosure, then redirects to a short-lived storage URL.
  'GET /review/{token}/documents/{documentId}',
] as const;

/**
 * The staff console's pages and forms: open on the API (no authorizer), the console's own session
 * cookie is the credential (checked by the console function on every route but sign-in). Every GET
 * answers HTML, or the page's view model as JSON when the request sends `Accept: application/json`.
 */
export const CONSOLE_ROUTES = [
  'GET /console',
  'GET /console/auth/sign-in',
  'GET /console/auth/callback',
  'POST /console/auth/sign-out',
  'GET /console/signed-out',
  'GET /console/placements',
  'GET /console/placements/{placementId}',
  'POST /console/placements/{placementId}/waivers',
  'POST /console/placements/{placementId}/cancel',
  'POST /console/placements/{placementId}/retry',
  'POST /console/placements/{placementId}/purge',
  'POST /console/placements/{placementId}/resend-link',
  'GET /console/sites',
  'GET /console/sites/new',
  'POST /console/sites',
  'GET /console/sites/{siteId}',
  'POST /console/sites/{siteId}',
  // The verification queue, document views, CSV import and reports.
  'GET /console/queue',
  'GET /console/queue/{placementId}/{documentId}',
  'POST /console/placements/{placementId}/documents/{documentId}/verification',
  'GET /console/placements/{placementId}/documents/{documentId}',
  'GET /console/import',
  'POST /console/import',
  'GET /console/import/{importId}',
  'POST /console/import/{importId}',
  'GET /console/reports',
] as const;

export type CoordinatorRouteKey = (typeof COORDINATOR_ROUTES)[number];
export type PortalRouteKey = (typeof PORTAL_ROUTES)[number];
export type ReviewRouteKey = (typeof REVIEW_ROUTES)[number];
export type ConsoleRouteKey = (typeof CONSOLE_ROUTES)[number];
export type RouteKey = CoordinatorRouteKey | PortalRouteKey | ReviewRouteKey | ConsoleRouteKey;

/** A route key's method and path: `GET /sites/{siteId}` → `['GET', '/sites/{siteId}']`. */
export const routeKeyParts = (routeKey: RouteKey): { method: string; path: string } => {
  const [method = '', path = ''] = routeKey.split(' ');
  return { method, path };
};
