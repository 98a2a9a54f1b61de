import middy from '@middy/core';
import { systemClock } from '../adapters/system-clock.js';
import { storagePort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readEnvironment } from '../config/environment.js';
import { AlreadyDecidedError, LinkExpiredError, NotFoundError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import { toPlacementView } from '../core/placement-view.js';
import { htmlResponse, jsonResponse } from '../http/http-response.js';
import { dispatch, type RouteRequest, type RouteTable } from '../http/route-table.js';
import { httpBody, type ParsedHttpEvent } from '../middleware/http-body.js';
import { httpErrors } from '../middleware/http-errors.js';
import { decideReview } from '../use-cases/decide-review.js';
import { type ReviewPacket, showReview } from '../use-cases/show-review.js';
import { renderReviewClosedPage, renderReviewConfirmation, renderReviewPage } from '../web/review-page.js';

const env = readEnvironment(['TABLE_NAME', 'DOCUMENTS_BUCKET', 'STATE_MACHINE_ARN']);
const ports = {
  ...tablePorts(env.TABLE_NAME, systemClock),
  storage: storagePort(),
  workflow: workflowPort(),
  clock: systemClock,
};

const wantsJson = (request: RouteRequest) => (request.headers.accept ?? '').includes('application/json');

const reviewPage = (packet: ReviewPacket, statusCode = 200) => {
  const { placement } = packet;
  const page = renderReviewPage({
    adminEmail: packet.adminEmail,
    studentName: placement.student.name,
    studentEmail: placement.student.email,
    siteName: placement.siteName,
    program: placement.program,
    startDate: placement.startDate,
    endDate: placement.endDate,
    requirements: packet.requirements as Parameters<typeof renderReviewPage>[0]['requirements'],
    ...(packet.decision ? { decision: packet.decision } : {}),
  });
  return htmlResponse(statusCode, page.html, page.headers);
};

/** Link errors as pages: unknown → 404, expired or replaced → 410. */
const closedPage = (error: unknown) => {
  if (error instanceof NotFoundError) return renderReviewClosedPage('not-found');
  if (error instanceof LinkExpiredError) {
    return renderReviewClosedPage(/replaced/.test(error.message) ? 'superseded' : 'expired');
  }
  return undefined;
};

const confirmation = (placement: Placement) => {
  const decision = placement.decision;
  if (!decision) throw new Error('decision missing after it was recorded');
  return renderReviewConfirmation({
    studentName: placement.student.name,
    siteName: placement.siteName,
    program: placement.program,
    startDate: placement.startDate,
    endDate: placement.endDate,
    decision,
    requirements: placement.requirements,
  });
};

/** The site administrator's review page: a GET only shows, the form's POST decides. */
const routes: RouteTable = {
  'GET /review/{token}': async ({ params }) => {
    try {
      return reviewPage(await showReview(ports, params.token ?? ''));
    } catch (error) {
      const page = closedPage(error);
      if (!page) throw error;
      return htmlResponse(page.statusCode, page.html, page.headers);
    }
  },
  'POST /review/{token}': async (request) => {
    const token = request.params.token ?? '';
    try {
      const { placement } = await decideReview(ports, token, request.body ?? {});
      if (wantsJson(request)) return jsonResponse(200, toPlacementView(placement));
      const page = confirmation(placement);
      return htmlResponse(200, page.html, page.headers);
    } catch (error) {
      if (wantsJson(request)) throw error;
      const page = closedPage(error);
      if (page) return htmlResponse(page.statusCode, page.html, page.headers);
      // A second decision: show who decided what and when.
      if (error instanceof AlreadyDecidedError) return reviewPage(await showReview(ports, token), 409);
      throw error;
    }
  },
};

export const handler = middy<ParsedHttpEvent>()
  .use(httpErrors())
  .use(httpBody())
  .handler((event) => dispatch(routes, event));
