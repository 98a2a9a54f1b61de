import type { ConsoleRouteKey } from '../../contract/route-keys.js';
import { ConflictError, ValidationError } from '../../core/errors.js';
import type { Placement } from '../../core/model/placement.js';
import { placementVerification } from '../../core/model/placement.js';
import { toPlacementView } from '../../core/placement-view.js';
import { waitingOnOf } from '../../core/waiting-on.js';
import type { HttpResult } from '../../http/http-response.js';
import type { RouteRequest, RouteTable } from '../../http/route-table.js';
import type { ConsoleAction } from '../../staff-auth/console-permissions.js';
import { cancelPlacement } from '../../use-cases/cancel-placement.js';
import { getPlacement } from '../../use-cases/get-placement.js';
import { listPlacements } from '../../use-cases/list-placements.js';
import { purgePlacement } from '../../use-cases/purge-placement.js';
import { resendPortalLink } from '../../use-cases/resend-portal-link.js';
import { retryPlacement } from '../../use-cases/retry-placement.js';
import { waiveRequirement } from '../../use-cases/waive-requirement.js';
import { consoleLinks, type PlacementAction } from '../../web/console/console-links.js';
import {
  type PlacementActionForm,
  type PlacementDetailView,
  renderPlacementPage,
} from '../../web/console/placement-page.js';
import { type PlacementsListView, renderPlacementsPage } from '../../web/console/placements-page.js';
import {
  afterChange,
  allow,
  CONSOLE_BASE_PATH,
  type ConsolePorts,
  changedBy,
  formText,
  pageAnswer,
  wantsJson,
} from '../console-request.js';

const links = consoleLinks(CONSOLE_BASE_PATH);
const FILTERS = ['status', 'siteId', 'program', 'startFrom', 'startTo', 'q'] as const;

/** The programs the filter offers: those the dashboard counters know (bounded by sites × programs). */
const programsOf = (counters: ReadonlyMap<string, number>): string[] => {
  const programs = new Set<string>();
  for (const name of counters.keys()) {
    const match = /^site#[^#]+#program#([^#]+)#status#/.exec(name);
    if (match?.[1]) programs.add(match[1]);
  }
  return [...programs].sort();
};

/** The placement as the detail page shows it (the history's staff member by email). */
export const placementDetailView = (
  placement: Placement,
  form?: PlacementActionForm,
): PlacementDetailView => {
  const waitingOn = waitingOnOf(placement);
  return {
    placementId: placement.placementId,
    status: placement.status,
    ...(waitingOn ? { waitingOn } : {}),
    student: placement.student,
    siteId: placement.siteId,
    siteName: placement.siteName,
    program: placement.program,
    startDate: placement.startDate,
    endDate: placement.endDate,
    documentsDueDate: placement.documentsDueDate,
    coordinatorEmail: placement.coordinatorEmail,
    requirements: placement.requirements.map((requirement) => ({
      code: requirement.code,
      title: requirement.title,
      status: requirement.status,
      ...(requirement.reason ? { reason: requirement.reason } : {}),
      ...(requirement.documentId ? { documentId: requirement.documentId } : {}),
      ...(requirement.status === 'ACCEPTED'
        ? { verification: requirement.verification ?? placementVerification(placement) }
        : {}),
      ...(requirement.verifiedBy ? { verifiedBy: requirement.verifiedBy } : {}),
      ...(requirement.verifiedAt ? { verifiedAt: requirement.verifiedAt } : {}),
    })),
    history: placement.history.map((entry) => ({
      at: entry.at,
      type: entry.type,
      ...(entry.detail ? { detail: entry.detail } : {}),
      ...(entry.by ? { by: entry.by.email } : {}),
    })),
    disclosures: (placement.disclosures ?? []).map((disclosure) => ({ ...disclosure })),
    ...(placement.purge ? { purged: true } : {}),
    ...(form ? { form } : {}),
  };
};

/** The posted fields an action takes (the form token and empty fields left out). */
const actionFields = (body: unknown, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    names.flatMap((name) => {
      const value = formText(body, name);
      return value === undefined || value.trim() === '' ? [] : [[name, value]];
    }),
  );

const ACTIONS: Readonly<
  Record<
    PlacementAction,
    {
      permission: ConsoleAction;
      fields: readonly string[];
      done: string;
      run: (ports: ConsolePorts, request: RouteRequest, fields: Record<string, string>) => Promise<Placement>;
    }
  >
> = {
  waivers: {
    permission: 'waive-requirement',
    fields: ['requirementCode', 'reason'],
    done: 'The requirement was waived.',
    run: (ports, request, fields) =>
      waiveRequirement(ports, request.params.placementId ?? '', fields, changedBy(allow(request, 'read'))),
  },
  cancel: {
    permission: 'cancel-placement',
    fields: ['reason'],
    done: 'The placement was cancelled; the student and the site are told.',
    run: (ports, request, fields) =>
      cancelPlacement(ports, request.params.placementId ?? '', fields, changedBy(allow(request, 'read'))),
  },
  retry: {
    permission: 'retry-placement',
    fields: [],
    done: 'The placement was started again.',
    run: (ports, request) =>
      retryPlacement(ports, request.params.placementId ?? '', changedBy(allow(request, 'read'))),
  },
  purge: {
    permission: 'purge-placement',
    fields: ['reason', 'confirm'],
    done: 'The student’s documents and personal data were purged.',
    run: async (ports, request, { confirm, ...fields }) => {
      if (confirm !== 'yes') {
        throw new ValidationError([
          { path: 'confirm', message: 'Tick the box to confirm the purge: it cannot be undone.' },
        ]);
      }
      const staff = allow(request, 'read');
      const { placement } = await purgePlacement(
        ports,
        request.params.placementId ?? '',
        fields,
        staff.email,
        changedBy(staff),
      );
      return placement;
    },
  },
  'resend-link': {
    permission: 'resend-link',
    fields: [],
    done: 'The student’s link was emailed again.',
    run: (ports, request) =>
      resendPortalLink(ports, request.params.placementId ?? '', changedBy(allow(request, 'read'))),
  },
};

/**
 * One placement action form: the role checked first (403), then the use case with the staff member
 * recorded; 303 back to the placement with a message. A refused form is shown again with its
 * errors (400), a change the placement's state does not allow with the reason (409).
 */
const actionRoute =
  (ports: ConsolePorts, action: PlacementAction) =>
  async (request: RouteRequest): Promise<HttpResult> => {
    const spec = ACTIONS[action];
    allow(request, spec.permission);
    const placementId = request.params.placementId ?? '';
    const fields = actionFields(request.body, spec.fields);
    try {
      const placement = await spec.run(ports, request, fields);
      return afterChange(
        request,
        ports,
        links.placement(placementId),
        { tone: 'done', text: spec.done },
        toPlacementView(placement),
      );
    } catch (error) {
      if (wantsJson(request.headers)) throw error;
      if (error instanceof ValidationError) {
        const placement = await getPlacement(ports, placementId);
        const form = { action, values: fields, errors: error.details };
        return pageAnswer(request, ports, placementDetailView(placement, form), renderPlacementPage, {
          statusCode: 400,
        });
      }
      if (error instanceof ConflictError) {
        const placement = await getPlacement(ports, placementId);
        return pageAnswer(request, ports, placementDetailView(placement), renderPlacementPage, {
          statusCode: 409,
          flash: [{ tone: 'problem', text: `Nothing was changed: ${error.message}` }],
        });
      }
      throw error;
    }
  };

/** Placements: the filtered, paged list, one placement's whole story, and the actions on it. */
export const placementRoutes = (ports: ConsolePorts): Partial<RouteTable<ConsoleRouteKey>> => ({
  'GET /console/placements': async (request) => {
    allow(request, 'read');
    const filters = Object.fromEntries(
      FILTERS.flatMap((name) => {
        const value = request.query[name];
        return value === undefined || value === '' ? [] : [[name, value]];
      }),
    );
    const [sites, counters] = await Promise.all([ports.sites.listSites(), ports.counters.readCounters()]);
    const base = {
      filters,
      sites: sites.map(({ siteId, name }) => ({ siteId, name })),
      programs: programsOf(counters),
      paged: request.query.cursor !== undefined && request.query.cursor !== '',
    };
    const { q, ...rest } = filters;
    try {
      const page = await listPlacements(ports, {
        ...rest,
        ...(q ? { search: q } : {}),
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        limit: '25',
      });
      const view: PlacementsListView = {
        ...base,
        items: page.items.map((placement) => {
          const waitingOn = waitingOnOf(placement);
          return {
            placementId: placement.placementId,
            studentId: placement.student.id,
            studentName: placement.student.name,
            studentEmail: placement.student.email,
            siteName: placement.siteName,
            program: placement.program,
            startDate: placement.startDate,
            endDate: placement.endDate,
            status: placement.status,
            ...(waitingOn ? { waitingOn } : {}),
          };
        }),
        ...(page.cursor ? { nextCursor: page.cursor } : {}),
      };
      return pageAnswer(request, ports, view, renderPlacementsPage);
    } catch (error) {
      if (!(error instanceof ValidationError) || wantsJson(request.headers)) throw error;
      const details = error.details.map((detail) =>
        detail.path === 'search' ? { ...detail, path: 'q' } : detail,
      );
      return pageAnswer(request, ports, { ...base, items: [], errors: details }, renderPlacementsPage, {
        statusCode: 400,
      });
    }
  },
  'GET /console/placements/{placementId}': async (request) => {
    allow(request, 'read');
    const placement = await getPlacement(ports, request.params.placementId ?? '');
    return pageAnswer(request, ports, placementDetailView(placement), renderPlacementPage);
  },
  'POST /console/placements/{placementId}/waivers': actionRoute(ports, 'waivers'),
  'POST /console/placements/{placementId}/cancel': actionRoute(ports, 'cancel'),
  'POST /console/placements/{placementId}/retry': actionRoute(ports, 'retry'),
  'POST /console/placements/{placementId}/purge': actionRoute(ports, 'purge'),
  'POST /console/placements/{placementId}/resend-link': actionRoute(ports, 'resend-link'),
});
