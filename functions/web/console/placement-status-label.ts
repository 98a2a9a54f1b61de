import { requirementStatusClass, requirementStatusLabel } from '../requirement-status-label.js';

/** Placement statuses as staff read them (the console always spells the status out). */
export const PLACEMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  CHECKING: 'Checking',
  AWAITING_DOCUMENTS: 'Waiting for documents',
  AWAITING_SITE_APPROVAL: 'Waiting for the site',
  CLEARED: 'Cleared',
  DECLINED: 'Declined',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  FAILED: 'Failed',
};

export const placementStatusLabel = (status: string): string => PLACEMENT_STATUS_LABELS[status] ?? status;

/** The badge style of a placement status. */
export const placementStatusClass = (status: string): string => {
  switch (status) {
    case 'CLEARED':
      return 'badge badge--done';
    case 'DECLINED':
    case 'EXPIRED':
    case 'FAILED':
      return 'badge badge--problem';
    case 'CANCELLED':
      return 'badge badge--waived';
    default:
      return 'badge badge--todo';
  }
};

/** Who an open placement is waiting on. */
export type WaitingOn = 'student' | 'school' | 'site';

export const WAITING_ON_LABELS: Readonly<Record<WaitingOn, string>> = {
  student: 'Student',
  school: 'School (verification)',
  site: 'Site',
};

export const waitingOnLabel = (waitingOn: WaitingOn | undefined): string =>
  waitingOn === undefined ? 'Nobody (finished)' : WAITING_ON_LABELS[waitingOn];

/**
 * A requirement status as staff read it. `SUBMITTED` (uploaded, waiting for a verifier) is the
 * console's own wording; the others are the portal's.
 */
export const consoleRequirementStatusLabel = (status: string): string =>
  status === 'SUBMITTED' ? 'Waiting for verification' : requirementStatusLabel(status);

export const consoleRequirementStatusClass = (status: string): string =>
  status === 'SUBMITTED' ? 'badge badge--checking' : requirementStatusClass(status);
