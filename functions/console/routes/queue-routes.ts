import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import { AlreadyDecidedError, ConflictError, ValidationError } from '../../core/errors.js';
import { REQUIREMENT_CODES } from '../../core/model/requirement-code.js';
import { toPlacementView } from '../../core/placement-view.js';
import { REQUIREMENT_CATALOGUE } from '../../core/requirement-catalogue.js';
import type { HttpResult } from '../../http/http-response.js';
import type { RouteRequest, RouteTable } from '../../http/route-table.js';
import { decideDocumentVerification } from '../../use-cases/decide-document-verification.js';
import { listVerificationQueue } from '../../use-cases/list-verification-queue.js';
import { sendSentBackNotice } from '../../use-cases/send-sent-back-notice.js';
import {
  nextInQueue,
  type QueueFilters,
  showVerificationItem,
  type VerificationItem,
} from '../../use-cases/show-verification-item.js';
import type { FlashMessage } from '../../web/console/console-layout.js';
import { consoleLinks, queryString } from '../../web/console/console-links.js';
import {
  renderVerificationItemPage,
  type VerificationItemView,
} from '../../web/console/verification-item-page.js';
import {
  renderVerificationQueuePage,
  type VerificationQueueView,
} from '../../web/console/verification-queue-page.js';
import { sentBackEmail } from '../../web/emails/sent-back-email.js';
import {
  afterChange,
  allow,
  CONSOLE_BASE_PATH,
  type ConsolePorts,
  changedBy,
  formText,
  pageAnswer,
} from '../console-request.js';

const HOUR_MS = 3_600_000;
const links = consoleLinks(CONSOLE_BASE_PATH);
/** The decision form's fields the decision route reads (`_csrf` and `next` are the console's own). */
const DECISION_FIELDS = ['decision', 'reasonCode', 'note', 'issuedOn', 'expiresOn'] as const;

const requirementOptions = REQUIREMENT_CODES.map((code) => ({
  code,
  title: REQUIREMENT_CATALOGUE[code].title,
}));

/** The queue filters a page carries on (site and requirement), blank ones left out. */
const filtersOf = (query: RouteRequest['query']): Record<string, string | undefined> => ({
  siteId: query.siteId || undefined,
  requirementCode: query.requirementCode || undefined,
});

const itemLink = (
  placementId: string,
  documentId: string,
  filters: QueueFilters | Record<string, string | undefined>,
) => `${links.queueItem(placementId, documentId)}${queryString({ ...filters })}`;

/** A `next` the decision form may send: one of the queue's own item pages (never another site). */
const QUEUE_ITEM_PATH = /^\/console\/queue\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+(\?[A-Za-z0-9_=&%.-]*)?$/;

/** The posted form as the decision route reads it: its decision fields, blank ones left out. */
const decisionBody = (body: unknown): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const name of DECISION_FIELDS) {
    const value = formText(body, name);
    if (value !== undefined && value.trim() !== '') fields[name] = value;
  }
  return fields;
};

const itemView = async (
  ports: ConsolePorts,
  item: VerificationItem,
  form?: VerificationItemView['form'],
): Promise<VerificationItemView> => {
  const { placement, document, requirement } = item;
  return {
    placementId: placement.placementId,
    documentId: document.documentId,
    requirementCode: document.requirementCode,
    requirementTitle: requirement.title,
    rule: requirement.rule,
    student: placement.student,
    siteName: placement.siteName,
    program: placement.program,
    startDate: placement.startDate,
    endDate: placement.endDate,
    submittedAt: document.submittedAt ?? document.createdAt,
    ...(document.issuedOn ? { issuedOn: document.issuedOn } : {}),
    ...(document.expiresOn ? { expiresOn: document.expiresOn } : {}),
    document: { fileName: document.fileName, contentType: document.contentType },
    storageOrigin: await ports.storage.uploadOrigin(),
    ...(item.next ? { next: { placementId: item.next.placementId, documentId: item.next.documentId } } : {}),
    remaining: item.remaining,
    ...(form ? { form } : {}),
  };
};

/** The item page again, with the decision's problems (400 at its fields, 409 as a message). */
const refusedDecision = async (
  request: RouteRequest,
  ports: ConsolePorts,
  error: ValidationError | ConflictError | AlreadyDecidedError,
): Promise<HttpResult> => {
  const { placementId = '', documentId = '' } = request.params;
  const filters = filtersOf(request.query);
  const item = await showVerificationItem(ports, placementId, documentId, filters);
  const posted = decisionBody(request.body);
  const decision = posted.decision === 'reject' ? 'reject' : 'verify';
  if (error instanceof ValidationError) {
    const view = await itemView(ports, item, { decision, values: posted, errors: error.details });
    return pageAnswer(request, ports, view, renderVerificationItemPage, { statusCode: 400 });
  }
  const flash: FlashMessage = { tone: 'problem', text: `The decision was not recorded: ${error.message}` };
  return pageAnswer(request, ports, await itemView(ports, item), renderVerificationItemPage, {
    statusCode: 409,
    flash: [flash],
  });
};

/**
 * The verification queue (reviewers and coordinators): the list, oldest first; one document beside
 * the student's dates and the rule; the decision, after which the reviewer goes straight to the next
 * document (the form's `next`), never back to the list. A viewer gets 403 FORBIDDEN on each.
 */
export const queueRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/queue': async (request) => {
    allow(request, 'verify-document');
    const [page, sites] = await Promise.all([
      listVerificationQueue(ports, request.query),
      ports.sites.listSites(),
    ]);
    const siteNames = new Map(sites.map((site) => [site.siteId, site.name]));
    const now = ports.clock.now().getTime();
    const view: VerificationQueueView = {
      filters: filtersOf(request.query),
      sites,
      requirements: requirementOptions,
      items: page.items.map((item) => ({
        placementId: item.placementId,
        documentId: item.documentId,
        requirementCode: item.requirementCode,
        requirementTitle: REQUIREMENT_CATALOGUE[item.requirementCode].title,
        studentName: item.student.name,
        studentId: item.student.id,
        siteName: siteNames.get(item.siteId) ?? item.siteId,
        startDate: item.startDate,
        submittedAt: item.submittedAt,
        ageHours: Math.max(0, Math.floor((now - Date.parse(item.submittedAt)) / HOUR_MS)),
      })),
      ...(page.cursor ? { nextCursor: page.cursor } : {}),
      paged: Boolean(request.query.cursor),
    };
    return pageAnswer(request, ports, view, renderVerificationQueuePage);
  },

  'GET /console/queue/{placementId}/{documentId}': async (request) => {
    allow(request, 'verify-document');
    const { placementId = '', documentId = '' } = request.params;
    const filters = filtersOf(request.query);
    const item = await showVerificationItem(ports, placementId, documentId, filters);
    if (!item.waiting) {
      // Decided meanwhile (another reviewer) or no longer needed: on to the next one.
      const location = item.next
        ? itemLink(item.next.placementId, item.next.documentId, filters)
        : links.queue;
      return afterChange(
        request,
        ports,
        location,
        { tone: 'info', text: 'That document was already decided or is no longer waiting.' },
        await itemView(ports, item),
      );
    }
    return pageAnswer(request, ports, await itemView(ports, item), renderVerificationItemPage);
  },

  'POST /console/placements/{placementId}/documents/{documentId}/verification': async (request) => {
    const body = decisionBody(request.body);
    const staff = allow(request, body.decision === 'reject' ? 'reject-document' : 'verify-document');
    const { placementId = '', documentId = '' } = request.params;
    let result: Awaited<ReturnType<typeof decideDocumentVerification>>;
    try {
      result = await decideDocumentVerification(ports, placementId, documentId, body, changedBy(staff));
    } catch (error) {
      const refused =
        error instanceof ValidationError ||
        error instanceof ConflictError ||
        error instanceof AlreadyDecidedError;
      if (!refused || request.headers.accept?.includes('application/json')) throw error;
      return refusedDecision(request, ports, error);
    }
    if (result.sentBack) await sendSentBackNotice(ports, placementId, sentBackEmail);
    const posted = formText(request.body, 'next');
    let location = posted !== undefined && QUEUE_ITEM_PATH.test(posted) ? posted : undefined;
    if (location === undefined) {
      const { next } = await nextInQueue(ports, filtersOf(request.query), documentId);
      location = next ? links.queueItem(next.placementId, next.documentId) : links.queue;
    }
    const verb = result.decision.decision === 'verify' ? 'Verified' : 'Sent back';
    const title = result.placement.requirements.find((entry) => entry.documentId === documentId)?.title;
    return afterChange(
      request,
      ports,
      location,
      { tone: 'done', text: `${verb} ${title ?? 'the document'} for ${result.placement.student.name}.` },
      toPlacementView(result.placement),
    );
  },
});
