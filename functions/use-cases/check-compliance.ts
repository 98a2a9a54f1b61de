import { latestCalendarDateOf, startOfDayAfter } from '../core/calendar-date.js';
import { evaluateCompliance, incompleteRequirements } from '../core/compliance.js';
import { type Placement, type PlacementStatus, placementVerification } from '../core/model/placement.js';
import { assertTransition, isTerminalStatus } from '../core/placement-status.js';
import type { Ports } from '../core/ports.js';
import { updatePlacement, withHistory } from './update-placement.js';
import { withdrawStaleSubmissions } from './withdraw-stale-submissions.js';

export type NextStep = 'COLLECT_DOCUMENTS' | 'REQUEST_SITE_APPROVAL' | 'NOTIFY_OUTCOME' | 'STOP';

/** What the state machine needs to choose its next state and how long to wait there. */
export interface ComplianceStep {
  placementId: string;
  next: NextStep;
  /** True when this check follows a collection timeout: the next email is a reminder. */
  reminder: boolean;
  documentsWaitSeconds: number;
  approvalWaitSeconds: number;
}

const OUTCOME_STATUSES: PlacementStatus[] = ['CLEARED', 'DECLINED', 'EXPIRED'];

/**
 * Evaluates the site's requirements against the student's evidence (their earlier accepted
 * documents count while valid) and moves the placement on: to collection, to the site, or,
 * past the documents due date with items outstanding, to EXPIRED.
 */
export const checkCompliance = async (
  ports: Pick<Ports, 'placements' | 'documents' | 'clock'>,
  placementId: string,
  afterTimeout: boolean,
): Promise<ComplianceStep> => {
  const initial = await ports.placements.getPlacement(placementId);
  const documents = initial ? await ports.documents.listStudentDocuments(initial.student.id) : [];
  let next: NextStep = 'STOP';
  const placement = await updatePlacement(ports, placementId, (current, now) => {
    if (isTerminalStatus(current.status)) {
      next = OUTCOME_STATUSES.includes(current.status) ? 'NOTIFY_OUTCOME' : 'STOP';
      return undefined;
    }
    const requirements = evaluateCompliance({
      rules: current.rules,
      current: current.requirements,
      documents,
      rotation: current,
      today: latestCalendarDateOf(now),
      verification: placementVerification(current),
    });
    // SUBMITTED items are not complete: the placement waits in collection (and still expires) for them.
    const outstanding = incompleteRequirements(requirements);
    let status: PlacementStatus;
    if (outstanding.length === 0) {
      status = 'AWAITING_SITE_APPROVAL';
      next = 'REQUEST_SITE_APPROVAL';
    } else if (now >= startOfDayAfter(current.documentsDueDate)) {
      status = 'EXPIRED';
      next = 'NOTIFY_OUTCOME';
    } else {
      status = 'AWAITING_DOCUMENTS';
      next = 'COLLECT_DOCUMENTS';
    }
    if (status === current.status && JSON.stringify(requirements) === JSON.stringify(current.requirements)) {
      return undefined;
    }
    assertTransition(current.status, status);
    const met = requirements.length - outstanding.length;
    const changed: Placement = {
      ...current,
      status,
      requirements,
      ...(status === current.status ? {} : { remindersSent: 0 }),
    };
    return withHistory(
      changed,
      now,
      status === 'EXPIRED' ? 'EXPIRED' : 'COMPLIANCE_CHECKED',
      `${met} of ${requirements.length} requirements met`,
    );
  });
  // An expired placement's uploads, or ones met by other evidence meanwhile, leave the verification queue.
  await withdrawStaleSubmissions(ports, placement, documents);
  const now = ports.clock.now();
  const secondsUntilDue = Math.ceil(
    (startOfDayAfter(placement.documentsDueDate).getTime() - now.getTime()) / 1000,
  );
  return {
    placementId,
    next,
    reminder: afterTimeout,
    documentsWaitSeconds: clampWait(Math.min(placement.reminderIntervalHours * 3600, secondsUntilDue)),
    approvalWaitSeconds: clampWait(placement.siteReminderIntervalHours * 3600),
  };
};

/** At least a second, at most 20 days: timers beyond ~24.8 days overflow in some runners. */
const clampWait = (seconds: number) => Math.max(1, Math.min(Math.floor(seconds), 20 * 86_400));
