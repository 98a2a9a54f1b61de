import middy from '@middy/core';
import type { ReviewRouteKey } from '../contract/route-keys.js';
import { AlreadyDecidedError, LinkExpiredError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import { toPlacementView } from '../core/placement-view.js';
import type { Ports, TablePorts } from '../core/ports.js';
import { toHttpError } from '../http/error-response.js';
import { isFormPost } from '../http/form-post.js';
import { htmlResponse, jsonResponse, seeOtherResponse } from '../http/http-response.js';
import { dispatch, type RouteRequest, type RouteTable } from '../http/route-table.js';
import { httpBody, type ParsedHttpEvent } from '../middleware/http-body.js';
import { httpCompression } from '../middleware/http-compression.js';
import { httpErrors } from '../middleware/http-errors.js';
import { logContext } from '../middleware/log-context.js';
import { sameOriginPosts } from '../middleware/same-origin-posts.js';
import { describeError, logger } from '../observability/logger.js';
import { decideReview } from '../use-cases/decide-review.js';
import { recordReviewDocumentDisclosure } from '../use-cases/record-document-disclosure.js';
import { type ReviewPacket, showReview } from '../use-cases/show-review.js';
import {
  type ReviewFormState,
  renderReviewClosedPage,
  renderReviewConfirmation,
  renderReviewPage,
} from '../web/review-page.js';

export type ReviewPorts = TablePorts & Pick<Ports, 'storage' | 'workflow' | 'clock' | 'config'>;

const wantsJson = (request: RouteRequest) => (request.headers.accept ?? '').includes('application/json');

const reviewPage = (packet: ReviewPacket, statusCode = 200, form?: ReviewFormState) => {
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
    ...(form ? { form } : {}),
  });
  return htmlResponse(statusCode, page.html, page.headers);
};

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The decision form as posted (a parsed urlencoded body), to show it again with its problems. */
const postedForm = (body: unknown, error: ValidationError): ReviewFormState => {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const codes = fields.requirementCodes;
  const requirementCodes = (Array.isArray(codes) ? codes : [codes]).flatMap((code) => textOf(code) ?? []);
  const decision = textOf(fields.decision);
  const reason = textOf(fields.reason);
  return {
    ...(decision === undefined ? {} : { decision }),
    ...(reason === undefined ? {} : { reason }),
    requirementCodes,
    errors: error.details,
  };
};

/**
 * Link errors as pages: unknown → 404, expired or replaced → 410; a retry-able failure on our side
 * (the API's 503) → the try-again page with the same Retry-After.
 */
const closedPage = (error: unknown) => {
  if (error instanceof NotFoundError) return renderReviewClosedPage('not-found');
  if (error instanceof LinkExpiredError) {
    return renderReviewClosedPage(/replaced/.test(error.message) ? 'superseded' : 'expired');
  }
  const { status, retryAfterSeconds } = toHttpError(error);
  if (status === 503) {
    logger.warn('Request deferred: try again', describeError(error));
    const page = renderReviewClosedPage('try-again');
    const retryAfter: Record<string, string> =
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
    return { ...page, headers: { ...page.headers, ...retryAfter } };
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
const reviewRoutes = (ports: ReviewPorts): RouteTable<ReviewRouteKey> => ({
  'GET /review/{token}': async ({ params }) => {
    try {
      return reviewPage(await showReview(ports, params.token ?? ''));
    } catch (error) {
      const page = closedPage(error);
      if (!page) throw error;
      return htmlResponse(page.statusCode, page.html, page.headers);
    }
  },
  // Every document view is recorded on the placement before the short-lived storage URL is handed out.
  'GET /review/{token}/documents/{documentId}': async ({ params }) => {
    try {
      const { url } = await recordReviewDocumentDisclosure(
        ports,
        params.token ?? '',
        params.documentId ?? '',
      );
      return seeOtherResponse(url);
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
      // A form that is not valid comes back with what was typed and each problem next to its field.
      if (error instanceof ValidationError && isFormPost(request.headers)) {
        return reviewPage(await showReview(ports, token), 400, postedForm(request.body, error));
      }
      throw error;
    }
  },
});

/** `publicBaseUrl`: the origin of the emailed links; a form posted from any other is refused. */
export const createReviewHandler = (ports: ReviewPorts, settings: { publicBaseUrl: string }) => {
  const routes = reviewRoutes(ports);
  return middy<ParsedHttpEvent>()
    .use(logContext())
    .use(httpCompression())
    .use(httpErrors())
    .use(
      sameOriginPosts({
        publicBaseUrl: settings.publicBaseUrl,
        paths: /^\/review\/[^/]+\/?$/,
        refusedFormPage: () => {
          const page = renderReviewClosedPage('cross-site');
          return htmlResponse(page.statusCode, page.html, page.headers);
        },
      }),
    )
    .use(httpBody())
    .handler((event) => dispatch(routes, event));
};
