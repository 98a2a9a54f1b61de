import { unknownSiteMessage } from '../contract/placement-import-rows.js';
import { addDays } from '../core/calendar-date.js';
import { ValidationError } from '../core/errors.js';
import type { ChangedBy, Placement } from '../core/model/placement.js';
import { siteVerification } from '../core/model/site.js';
import { placementIdFor } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';
import { resolveRequirement } from '../core/requirement-catalogue.js';
import { parsePlacementInput } from '../core/validation/placement-input.js';

/**
 * Creates a placement and starts its workflow. The id is derived from student, site and
 * start date, so the same placement posted twice (or concurrently, or by a re-run import)
 * is one placement; a repeat also re-starts a workflow that never got going. A console import passes
 * `by` (the staff member) and `source` (the file and row), kept in the CREATED history entry.
 */
export const createPlacement = async (
  ports: Pick<Ports, 'sites' | 'placements' | 'retention' | 'workflow' | 'clock'>,
  body: unknown,
  options: { readonly by?: ChangedBy; readonly source?: string } = {},
): Promise<{ placement: Placement; created: boolean }> => {
  const input = parsePlacementInput(body);
  const placementId = placementIdFor(input.student.id, input.siteId, input.startDate);

  const existing = await ports.placements.getPlacement(placementId);
  if (existing) return { placement: await ensureStarted(ports, existing), created: false };

  const site = await ports.sites.getSite(input.siteId);
  if (!site) throw new ValidationError([{ path: 'siteId', message: unknownSiteMessage(input.siteId) }]);

  const now = ports.clock.now().toISOString();
  const placement: Placement = {
    placementId,
    status: 'CHECKING',
    student: input.student,
    siteId: input.siteId,
    program: input.program,
    startDate: input.startDate,
    endDate: input.endDate,
    documentsDueDate: addDays(input.startDate, -site.documentsDueDays),
    coordinatorEmail: input.coordinatorEmail,
    requirements: site.requirements.map((spec) => {
      const requirement = resolveRequirement(spec);
      return { code: requirement.code, title: requirement.title, status: 'MISSING' as const };
    }),
    history: [
      {
        at: now,
        type: 'CREATED',
        detail: `Placement at ${site.name} created${options.source ? ` (${options.source})` : ''}.`,
        ...(options.by ? { by: { sub: options.by.sub, email: options.by.email } } : {}),
      },
    ],
    createdAt: now,
    updatedAt: now,
    version: 1,
    rules: site.requirements,
    adminEmails: site.adminEmails,
    siteName: site.name,
    verification: siteVerification(site),
    reminderIntervalHours: site.reminderIntervalHours,
    siteReminderIntervalHours: site.siteReminderIntervalHours,
    executionName: placementId,
    approvalRound: 0,
    remindersSent: 0,
  };

  // Filed first, so no placement escapes the retention sweep; an entry whose create lost is ignored there.
  await ports.retention.fileForRetention(placement);
  if (!(await ports.placements.createPlacement(placement))) {
    const winner = await ports.placements.getPlacement(placementId);
    if (winner) return { placement: await ensureStarted(ports, winner), created: false };
  }
  await ports.workflow.start(placementId, { placementId });
  return { placement, created: true };
};

/**
 * StartExecution is idempotent by name: safe to repeat for a placement still waiting to be checked.
 * The name is the placement's current execution: a retried placement runs in `…-retry-N`, not in the
 * failed first execution.
 */
const ensureStarted = async (ports: Pick<Ports, 'workflow'>, placement: Placement): Promise<Placement> => {
  if (placement.status === 'CHECKING') {
    await ports.workflow.start(placement.executionName ?? placement.placementId, {
      placementId: placement.placementId,
    });
  }
  return placement;
};
