import middy from '@middy/core';
import type { CoordinatorRouteKey } from '../contract/route-keys.js';
import { toPlacementView } from '../core/placement-view.js';
import type { ObjectDeletion, Ports, TablePorts } from '../core/ports.js';
import { openSentBackItems } from '../core/sent-back-batch.js';
import { jsonResponse } from '../http/http-response.js';
import { dispatch, type RouteTable } from '../http/route-table.js';
import { httpBody, type ParsedHttpEvent } from '../middleware/http-body.js';
import { httpErrors } from '../middleware/http-errors.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { cancelPlacement } from '../use-cases/cancel-placement.js';
import { createPlacement } from '../use-cases/create-placement.js';
import { decideDocumentVerification } from '../use-cases/decide-document-verification.js';
import { getPlacement } from '../use-cases/get-placement.js';
import { getSite } from '../use-cases/get-site.js';
import { listPlacements } from '../use-cases/list-placements.js';
import { listVerificationQueue } from '../use-cases/list-verification-queue.js';
import { purgePlacement } from '../use-cases/purge-placement.js';
import { putSite } from '../use-cases/put-site.js';
import { retryPlacement } from '../use-cases/retry-placement.js';
import { sendSentBackNotice } from '../use-cases/send-sent-back-notice.js';
import { waiveRequirement } from '../use-cases/waive-requirement.js';
import { sentBackEmail } from '../web/emails/sent-back-email.js';

export type CoordinatorApiPorts = TablePorts &
  Pick<Ports, 'verificationQueue' | 'workflow' | 'mailer' | 'clock' | 'config'> & {
    /** A purge deletes a placement's documents, and nothing else of S3. */
    storage: ObjectDeletion;
  };

const siteView = ({ version: _version, ...site }: Awaited<ReturnType<typeof getSite>>) => site;

/** Who signed the request (API Gateway's IAM authorizer); the local API gateway stands in a local caller. */
const iamCaller = (event: ParsedHttpEvent): string | undefined => {
  const context = event.requestContext as { authorizer?: { iam?: { userArn?: unknown } } } | undefined;
  const userArn = context?.authorizer?.iam?.userArn;
  return typeof userArn === 'string' && userArn !== '' ? userArn : undefined;
};

/** The coordinator routes (IAM-signed on AWS); a `{placementId}` route's log lines carry that id. */
const coordinatorRoutes = (ports: CoordinatorApiPorts): RouteTable<CoordinatorRouteKey> => ({
  'PUT /sites/{siteId}': async ({ params, body }) => {
    const { site } = await putSite(ports, params.siteId ?? '', body);
    return jsonResponse(200, siteView(site));
  },
  'GET /sites/{siteId}': async ({ params }) =>
    jsonResponse(200, siteView(await getSite(ports, params.siteId ?? ''))),
  'POST /placements': async ({ body }) => {
    const { placement, created } = await createPlacement(ports, body);
    correlateWithPlacement(placement.placementId);
    return jsonResponse(created ? 201 : 200, toPlacementView(placement));
  },
  'GET /placements': async ({ query }) => {
    const page = await listPlacements(ports, query);
    return jsonResponse(200, {
      items: page.items.map(toPlacementView),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
  },
  'GET /placements/{placementId}': async ({ params }) =>
    jsonResponse(200, toPlacementView(await getPlacement(ports, params.placementId ?? ''))),
  'POST /placements/{placementId}/waivers': async ({ params, body }) =>
    jsonResponse(200, toPlacementView(await waiveRequirement(ports, params.placementId ?? '', body))),
  'POST /placements/{placementId}/cancel': async ({ params, body }) =>
    jsonResponse(200, toPlacementView(await cancelPlacement(ports, params.placementId ?? '', body ?? {}))),
  'POST /placements/{placementId}/purge': async ({ params, body, event }) => {
    const { placement, purge } = await purgePlacement(
      ports,
      params.placementId ?? '',
      body,
      iamCaller(event),
    );
    return jsonResponse(200, { placement: toPlacementView(placement), purge });
  },
  'POST /placements/{placementId}/retry': async ({ params }) =>
    jsonResponse(200, toPlacementView(await retryPlacement(ports, params.placementId ?? ''))),
  'POST /placements/{placementId}/documents/{documentId}/verification': async ({ params, body, event }) => {
    const iam = iamCaller(event);
    const { placement, sentBack } = await decideDocumentVerification(
      ports,
      params.placementId ?? '',
      params.documentId ?? '',
      body,
      iam ? { iam } : {},
    );
    // One email per reviewing sitting (sent-back-batch.ts): a rejection, or any decision while items
    // sent back are not yet told, may close the batch; sendSentBackNotice sends only once it is closed.
    if (!sentBack && openSentBackItems(placement).length === 0)
      return jsonResponse(200, toPlacementView(placement));
    const { sent } = await sendSentBackNotice(ports, placement.placementId, sentBackEmail);
    const answered = sent ? await ports.placements.getPlacement(placement.placementId) : undefined;
    return jsonResponse(200, toPlacementView(answered ?? placement));
  },
  'GET /verification-queue': async ({ query }) =>
    jsonResponse(200, await listVerificationQueue(ports, query)),
});

export const createCoordinatorApiHandler = (ports: CoordinatorApiPorts) => {
  const routes = coordinatorRoutes(ports);
  return middy<ParsedHttpEvent>()
    .use(logContext())
    .use(httpErrors())
    .use(httpBody())
    .handler((event) => dispatch(routes, event));
};
