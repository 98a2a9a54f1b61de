import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import type { RouteTable } from '../../http/route-table.js';
import { readDashboard } from '../../use-cases/read-dashboard.js';
import { renderDashboardPage } from '../../web/console/dashboard-page.js';
import { allow, type ConsolePorts, pageAnswer } from '../console-request.js';

/** The dashboard: counters kept with each placement write, never a scan (read-dashboard.ts). */
export const dashboardRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console': async (request) => {
    allow(request, 'read');
    return pageAnswer(request, ports, await readDashboard(ports), renderDashboardPage);
  },
});
