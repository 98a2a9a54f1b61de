import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import { seeOtherResponse } from '../../http/http-response.js';
import type { RouteTable } from '../../http/route-table.js';
import { recordDocumentDisclosure } from '../../use-cases/record-document-disclosure.js';
import { allow, type ConsolePorts } from '../console-request.js';

/**
 * The console's one way to a student's document (every role reads): the view is recorded on the
 * placement's disclosure log first (`via: 'console'`, by the staff member's email), then the browser
 * is sent to a storage URL that works for 60 seconds. Pages link here, never to storage.
 */
export const documentRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/placements/{placementId}/documents/{documentId}': async (request) => {
    const staff = allow(request, 'read');
    const { url } = await recordDocumentDisclosure(ports, {
      placementId: request.params.placementId ?? '',
      documentId: request.params.documentId ?? '',
      by: staff.email,
      via: 'console',
    });
    return seeOtherResponse(url);
  },
});
