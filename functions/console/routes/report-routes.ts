import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import type { RouteTable } from '../../http/route-table.js';
import { buildPlacementReports } from '../../use-cases/build-placement-reports.js';
import type { ReportsView } from '../../web/console/reports-page.js';
import { renderReportsPage } from '../../web/console/reports-page.js';
import { allow, type ConsolePorts, pageAnswer } from '../console-request.js';

/**
 * The reports page (every role reads it: coordinators, viewers and reviewers): counts by status and
 * times to clearance and verification per site and program, why documents are sent back, and the
 * evidence lapsing within 30 days of a running rotation (`buildPlacementReports` says what serves each).
 */
export const reportRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/reports': async (request) => {
    allow(request, 'read');
    const reports = await buildPlacementReports(ports);
    const view: ReportsView = {
      rows: reports.rows,
      sentBack: reports.sentBack,
      lapsing: reports.lapsing,
      ...(reports.lapsingComplete ? {} : { lapsingIncomplete: true }),
    };
    return pageAnswer(request, ports, view, renderReportsPage);
  },
});
