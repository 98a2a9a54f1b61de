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
export const REVIEW_ROUTES = ['GET /review/{token}', 'POST /review/{token}'] as const;

export type CoordinatorRouteKey = (typeof COORDINATOR_ROUTES)[number];
export type PortalRouteKey = (typeof PORTAL_ROUTES)[number];
export type ReviewRouteKey = (typeof REVIEW_ROUTES)[number];
export type RouteKey = CoordinatorRouteKey | PortalRouteKey | ReviewRouteKey;

/** A route key's method and path: `GET /sites/{siteId}` → `['GET', '/sites/{siteId}']`. */
export const routeKeyParts = (routeKey: RouteKey): { method: string; path: string } => {
  const [method = '', path = ''] = routeKey.split(' ');
  return { method, path };
};
