import middy from '@middy/core';
import type { PortalRouteKey } from '../contract/route-keys.js';
import { LinkExpiredError, NotFoundError } from '../core/errors.js';
import { hasSettled } from '../core/placement-status.js';
import type { Ports, TablePorts, UploadForms } from '../core/ports.js';
import { htmlResponse, jsonResponse } from '../http/http-response.js';
import { dispatch, type RouteTable } from '../http/route-table.js';
import { httpBody, type ParsedHttpEvent } from '../middleware/http-body.js';
import { httpCompression } from '../middleware/http-compression.js';
import { httpErrors } from '../middleware/http-errors.js';
import { logContext } from '../middleware/log-context.js';
import { sameOriginPosts } from '../middleware/same-origin-posts.js';
import { requestUpload } from '../use-cases/request-upload.js';
import { portalStatus, showPortal } from '../use-cases/show-portal.js';
import { renderPortalClosedPage, renderPortalPage } from '../web/portal-page.js';

export type PortalPorts = TablePorts &
  Pick<Ports, 'clock'> & {
    /** Upload forms only: the portal never reads or deletes a document. */
    storage: UploadForms;
  };

/** The student's portal: the checklist page, its status JSON, and upload requests. */
const portalRoutes = (ports: PortalPorts): RouteTable<PortalRouteKey> => ({
  'GET /portal/{token}': async ({ params }) => {
    try {
      const { placement, requirements } = await showPortal(ports, params.token ?? '');
      if (hasSettled(placement.status)) {
        const page = renderPortalClosedPage('finished', {
          siteName: placement.siteName,
          program: placement.program,
          startDate: placement.startDate,
          endDate: placement.endDate,
          outcome: placement.status,
          coordinatorEmail: placement.coordinatorEmail,
        });
        return htmlResponse(page.statusCode, page.html, page.headers);
      }
      const page = renderPortalPage({
        studentName: placement.student.name,
        siteName: placement.siteName,
        program: placement.program,
        startDate: placement.startDate,
        endDate: placement.endDate,
        documentsDueDate: placement.documentsDueDate,
        status: placement.status,
        requirements,
        storageOrigin: await ports.storage.uploadOrigin(),
      });
      return htmlResponse(200, page.html, page.headers);
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof LinkExpiredError)) throw error;
      const page = renderPortalClosedPage(error instanceof NotFoundError ? 'not-found' : 'expired');
      return htmlResponse(page.statusCode, page.html, page.headers);
    }
  },
  'GET /portal/{token}/status': async ({ params }) =>
    jsonResponse(200, await portalStatus(ports, params.token ?? '')),
  'POST /portal/{token}/uploads': async ({ params, body }) =>
    jsonResponse(201, await requestUpload(ports, params.token ?? '', body)),
});

/** `publicBaseUrl`: the origin of the emailed links; upload requests from any other are refused. */
export const createPortalHandler = (ports: PortalPorts, settings: { publicBaseUrl: string }) => {
  const routes = portalRoutes(ports);
  return middy<ParsedHttpEvent>()
    .use(logContext())
    .use(httpCompression())
    .use(httpErrors())
    .use(sameOriginPosts({ publicBaseUrl: settings.publicBaseUrl, paths: /^\/portal\/[^/]+\/uploads\/?$/ }))
    .use(httpBody())
    .handler((event) => dispatch(routes, event));
};
