/**
 * A tiny in-process stand-in for the coordinator HTTP API (docs/design.md, "HTTP API"), enough for
 * the CLI's integration tests: PUT/GET sites, POST/GET placements with the API's idempotency
 * (same student.id + siteId + startDate → 200 with the existing placement), waivers and
 * cancel and retry, the verification queue and staff decisions (`submitDocument` puts a document in
 * the queue as an upload at a staff site would). Bodies are validated with the API's own parsers, errors use its error shape.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unknownSiteMessage } from '../../functions/contract/placement-import-rows.js';
import { ValidationError } from '../../functions/core/errors.js';
import type { Site } from '../../functions/core/model/site.js';
import type { PlacementView } from '../../functions/core/placement-view.js';
import {
  REQUIREMENT_CATALOGUE,
  requirementCodeOf,
  resolveRequirement,
} from '../../functions/core/requirement-catalogue.js';
import { parseListQuery } from '../../functions/core/validation/list-query.js';
import { parseOptionalReasonInput } from '../../functions/core/validation/optional-reason-input.js';
import { parsePlacementInput } from '../../functions/core/validation/placement-input.js';
import { parseSiteInput } from '../../functions/core/validation/site-input.js';
import { parseVerificationDecisionInput } from '../../functions/core/validation/verification-decision-input.js';
import { parseVerificationQueueQuery } from '../../functions/core/validation/verification-queue-query.js';
import { parseWaiverInput } from '../../functions/core/validation/waiver-input.js';
import type { VerificationQueueItem } from '../../functions/core/verification-queue-item.js';

type SiteView = Omit<Site, 'version'>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FakeCoordinatorApi {
  url: string;
  sites: Map<string, SiteView>;
  placements: PlacementView[];
  requests: RecordedRequest[];
  /** Marks a placement's requirement SUBMITTED with this document, and queues it. */
  submitDocument(placementId: string, requirementCode: string, documentId: string): void;
  /** The decisions received, in order: the verifier CLI's bodies as the API parsed them. */
  decisions: Array<{ placementId: string; documentId: string; decision: unknown }>;
  /** The next `count` POST /placements answer 503 without creating anything. */
  failNextPlacementPosts(count: number): void;
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const NOW = '2026-11-02T09:00:00.000Z';

export async function startFakeCoordinatorApi(): Promise<FakeCoordinatorApi> {
  const sites = new Map<string, SiteView>();
  const placements: PlacementView[] = [];
  const byKey = new Map<string, PlacementView>();
  const requests: RecordedRequest[] = [];
  const queue: VerificationQueueItem[] = [];
  const decisions: FakeCoordinatorApi['decisions'] = [];
  let failuresToInject = 0;

  const route = async (method: string, url: URL, body: unknown): Promise<[number, unknown]> => {
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [collection, id, action, documentId, documentAction] = segments;

    if (collection === 'verification-queue' && id === undefined && method === 'GET') {
      const query = parseVerificationQueueQuery(Object.fromEntries(url.searchParams));
      const items = queue.filter(
        (item) =>
          (query.siteId === undefined || item.siteId === query.siteId) &&
          (query.requirementCode === undefined || item.requirementCode === query.requirementCode),
      );
      return [200, { items: items.slice(0, query.limit) }];
    }

    if (collection === 'sites' && id !== undefined && action === undefined) {
      if (method === 'PUT') {
        const input = parseSiteInput(id, body);
        const site = { ...input, createdAt: sites.get(id)?.createdAt ?? NOW, updatedAt: NOW };
        sites.set(id, site);
        return [200, site];
      }
      if (method === 'GET') return [200, findSite(id)];
    }

    if (collection === 'placements' && id === undefined) {
      if (method === 'POST') {
        if (failuresToInject > 0) {
          failuresToInject--;
          throw new HttpFailure(503, 'SERVICE_UNAVAILABLE', 'Try again.');
        }
        const input = parsePlacementInput(body);
        const key = JSON.stringify([input.student.id, input.siteId, input.startDate]);
        const existing = byKey.get(key);
        if (existing) return [200, existing];
        // As the API: an unknown site is a 400 on the siteId field.
        const site = sites.get(input.siteId);
        if (!site) throw new ValidationError([{ path: 'siteId', message: unknownSiteMessage(input.siteId) }]);
        const placement: PlacementView = {
          placementId: `pl-${String(placements.length + 1).padStart(4, '0')}`,
          status: 'AWAITING_DOCUMENTS',
          ...input,
          documentsDueDate: input.startDate,
          requirements: site.requirements.map((spec) => {
            const code = requirementCodeOf(spec);
            return { code, title: REQUIREMENT_CATALOGUE[code].title, status: 'MISSING' as const };
          }),
          history: [{ at: NOW, type: 'CREATED' }],
          createdAt: NOW,
          updatedAt: NOW,
        };
        placements.push(placement);
        byKey.set(key, placement);
        return [201, placement];
      }
      if (method === 'GET') {
        const query = parseListQuery(Object.fromEntries(url.searchParams));
        const matching = placements.filter(
          (placement) =>
            (query.siteId === undefined || placement.siteId === query.siteId) &&
            (query.status === undefined || placement.status === query.status),
        );
        const offset =
          query.cursor === undefined ? 0 : Number(Buffer.from(query.cursor, 'base64url').toString());
        const items = matching.slice(offset, offset + query.limit);
        const next = offset + query.limit;
        const cursor = next < matching.length ? Buffer.from(String(next)).toString('base64url') : undefined;
        return [200, cursor === undefined ? { items } : { items, cursor }];
      }
    }

    if (collection === 'placements' && id !== undefined) {
      const placement = findPlacement(id);
      if (method === 'GET' && action === undefined) return [200, placement];
      if (method === 'POST' && action === 'waivers') {
        const waiver = parseWaiverInput(body);
        const requirement = placement.requirements.find(
          (candidate) => candidate.code === waiver.requirementCode,
        );
        if (!requirement) {
          throw new HttpFailure(400, 'VALIDATION_FAILED', 'The request is not valid.', [
            { path: 'requirementCode', message: `Not a requirement of this placement.` },
          ]);
        }
        requirement.status = 'WAIVED';
        requirement.reason = waiver.reason;
        placement.history.push({ at: NOW, type: 'REQUIREMENT_WAIVED', detail: waiver.requirementCode });
        return [200, placement];
      }
      if (method === 'POST' && action === 'cancel') {
        const cancel = parseOptionalReasonInput(body);
        placement.status = 'CANCELLED';
        placement.history.push({
          at: NOW,
          type: 'CANCELLED',
          ...(cancel.reason ? { detail: cancel.reason } : {}),
        });
        return [200, placement];
      }
      if (method === 'POST' && action === 'documents' && documentAction === 'verification') {
        const requirement = placement.requirements.find((candidate) => candidate.documentId === documentId);
        if (!requirement) throw new HttpFailure(404, 'NOT_FOUND', `No document ${documentId} on ${id}.`);
        const decision = parseVerificationDecisionInput(body, {
          requirement: resolveRequirement(requirement.code),
          rotation: placement,
          today: NOW.slice(0, 10),
        });
        if (requirement.status !== 'SUBMITTED') {
          throw new HttpFailure(409, 'ALREADY_DECIDED', 'This document was already decided.');
        }
        decisions.push({ placementId: id, documentId: documentId ?? '', decision });
        if (decision.decision === 'verify') {
          Object.assign(requirement, {
            status: 'ACCEPTED',
            verification: 'staff',
            verifiedBy: 'arn:aws:iam::123456789012:user/reviewer',
            verifiedAt: NOW,
          });
        } else {
          Object.assign(requirement, { status: 'REJECTED', reason: decision.note ?? decision.reasonCode });
        }
        queue.splice(
          queue.findIndex((item) => item.documentId === documentId),
          1,
        );
        return [200, placement];
      }
      if (method === 'POST' && action === 'retry') {
        if (placement.status !== 'FAILED') {
          throw new HttpFailure(
            409,
            'CONFLICT',
            `The placement is ${placement.status}; only a FAILED placement can be retried.`,
          );
        }
        placement.status = 'CHECKING';
        placement.history.push({ at: NOW, type: 'RETRIED', detail: `new execution ${id}-retry-1` });
        return [200, placement];
      }
    }
    throw new HttpFailure(404, 'NOT_FOUND', `No route ${method} ${url.pathname}.`);
  };

  const findSite = (siteId: string): SiteView => {
    const site = sites.get(siteId);
    if (!site) throw new HttpFailure(404, 'NOT_FOUND', `No site ${siteId}.`);
    return site;
  };
  const findPlacement = (placementId: string): PlacementView => {
    const placement = placements.find((candidate) => candidate.placementId === placementId);
    if (!placement) throw new HttpFailure(404, 'NOT_FOUND', `No placement ${placementId}.`);
    return placement;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers });
    let status: number;
    let payload: unknown;
    try {
      [status, payload] = await route(request.method ?? '', url, text === '' ? undefined : JSON.parse(text));
    } catch (error) {
      const failure =
        error instanceof ValidationError
          ? new HttpFailure(400, 'VALIDATION_FAILED', error.message, error.details)
          : error;
      if (!(failure instanceof HttpFailure)) throw failure;
      status = failure.status;
      payload = {
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.details.length > 0 ? { details: failure.details } : {}),
        },
      };
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'INTERNAL', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sites,
    placements,
    requests,
    decisions,
    submitDocument: (placementId, requirementCode, documentId) => {
      const placement = findPlacement(placementId);
      const requirement = placement.requirements.find((candidate) => candidate.code === requirementCode);
      if (!requirement) throw new Error(`No requirement ${requirementCode} on ${placementId}.`);
      Object.assign(requirement, { status: 'SUBMITTED', documentId, submittedAt: NOW });
      queue.push({
        placementId,
        documentId,
        requirementCode: requirement.code,
        student: placement.student,
        siteId: placement.siteId,
        startDate: placement.startDate,
        submittedAt: NOW,
      });
    },
    failNextPlacementPosts: (count) => {
      failuresToInject = count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
