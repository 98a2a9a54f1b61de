import { CONSOLE_ROUTES, type ConsoleRouteKey } from '../contract/route-keys.js';
import type { RouteTable } from '../http/route-table.js';
import type { ConsolePorts } from './console-request.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { importRoutes } from './routes/import-routes.js';
import { placementRoutes } from './routes/placement-routes.js';
import { queueRoutes } from './routes/queue-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { signInRoutes } from './routes/sign-in-routes.js';
import { siteRoutes } from './routes/site-routes.js';

/**
 * The console's routes, composed from one module per area. A route key of CONSOLE_ROUTES that no
 * module serves stops the function at cold start (and its handler test). Within a module, literal
 * paths (`/sites/new`) come before the `{param}` ones they would otherwise match.
 */
export const consoleRoutes = (ports: ConsolePorts): RouteTable<ConsoleRouteKey> => {
  const table: Partial<RouteTable<ConsoleRouteKey>> = {
    ...signInRoutes(ports),
    ...dashboardRoutes(ports),
    ...placementRoutes(ports),
    ...siteRoutes(ports),
    ...queueRoutes(ports),
    ...documentRoutes(ports),
    ...importRoutes(ports),
    ...reportRoutes(ports),
  };
  const missing = CONSOLE_ROUTES.filter((routeKey) => table[routeKey] === undefined);
  if (missing.length > 0) throw new Error(`No console module serves ${missing.join(', ')}.`);
  return table as RouteTable<ConsoleRouteKey>;
};

/** The routes a browser reaches without a session: signing in and the signed-out page. */
export const PUBLIC_CONSOLE_ROUTES: ReadonlySet<string> = new Set<ConsoleRouteKey>([
  'GET /console/auth/sign-in',
  'GET /console/auth/callback',
  'GET /console/signed-out',
]);
