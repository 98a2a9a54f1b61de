import type { RequirementStatus } from '../core/model/placement.js';

/** The words a status badge shows (status is never shown by colour alone). */
export const REQUIREMENT_STATUS_LABELS: Readonly<Record<RequirementStatus, string>> = {
  MISSING: 'Missing',
  SUBMITTED: 'Being checked by the school',
  ACCEPTED: 'Accepted',
  REJECTED: 'Not accepted',
  WAIVED: 'Waived',
};

/** The badge shown while an uploaded document is being checked (portal script only). */
export const CHECKING_LABEL = 'Checking';

export const requirementStatusLabel = (status: string): string =>
  REQUIREMENT_STATUS_LABELS[status as RequirementStatus] ?? status;

/** The CSS modifier of a status badge. */
export const requirementStatusClass = (status: string): string => {
  switch (status) {
    case 'ACCEPTED':
      return 'badge badge--done';
    case 'WAIVED':
      return 'badge badge--waived';
    case 'REJECTED':
      return 'badge badge--problem';
    default:
      return 'badge badge--todo';
  }
};
