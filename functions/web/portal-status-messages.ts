import type { PlacementStatus } from '../core/model/placement.js';

/** The kind of notice a placement status gets on the portal page (and its CSS modifier). */
export type NoticeTone = 'warning' | 'done' | 'problem' | 'info';

export interface PortalStatusMessage {
  tone: NoticeTone;
  text: string;
}

/**
 * What the student reads about their placement's status. `AWAITING_DOCUMENTS` is not here:
 * its message names the due date, so the page builds it. The portal script uses the same
 * messages when a status update arrives.
 */
export const PORTAL_STATUS_MESSAGES: Readonly<
  Record<Exclude<PlacementStatus, 'AWAITING_DOCUMENTS'>, PortalStatusMessage>
> = {
  CHECKING: { tone: 'info', text: 'We are checking your documents against the site’s requirements.' },
  AWAITING_SITE_APPROVAL: {
    tone: 'done',
    text: 'All your documents are in. The site is reviewing them now, and we will email you their decision.',
  },
  CLEARED: { tone: 'done', text: 'You are cleared for this placement. Nothing more to do.' },
  DECLINED: {
    tone: 'problem',
    text: 'The site declined this placement. Your placement coordinator will contact you about next steps.',
  },
  EXPIRED: {
    tone: 'problem',
    text: 'The due date passed before all documents were in. Contact your placement coordinator.',
  },
  CANCELLED: { tone: 'problem', text: 'This placement was cancelled. Nothing more to do here.' },
  FAILED: {
    tone: 'info',
    text: 'Something went wrong on our side. Our team is fixing it; you do not need to do anything.',
  },
};

/** Nothing left to upload, and the school's verifiers still have some of it (staff verification). */
export const SCHOOL_CHECKING_MESSAGE: PortalStatusMessage = {
  tone: 'info',
  text: 'All your documents are in. A person at the school is checking them; we will email you if anything needs replacing.',
};

/**
 * The status the portal's notice describes, for the page and the script alike: while the placement
 * awaits documents and nothing is left for the student, `SUBMITTED` when the school's verifiers still
 * have some (`SCHOOL_CHECKING_MESSAGE`), else `CHECKING` (everything in, the workflow moving on).
 */
export const shownPortalStatus = (
  status: string,
  requirements: ReadonlyArray<{ status: string }>,
): string => {
  if (status !== 'AWAITING_DOCUMENTS') return status;
  if (
    requirements.some((requirement) => requirement.status === 'MISSING' || requirement.status === 'REJECTED')
  )
    return status;
  return requirements.some((requirement) => requirement.status === 'SUBMITTED') ? 'SUBMITTED' : 'CHECKING';
};

/** The notice's message for a shown status; undefined for AWAITING_DOCUMENTS (the page names the due date). */
export const portalStatusMessage = (shown: string): PortalStatusMessage | undefined => {
  if (shown === 'SUBMITTED') return SCHOOL_CHECKING_MESSAGE;
  return Object.hasOwn(PORTAL_STATUS_MESSAGES, shown)
    ? PORTAL_STATUS_MESSAGES[shown as keyof typeof PORTAL_STATUS_MESSAGES]
    : undefined;
};

/** Statuses in which the student can still upload. */
export const UPLOAD_OPEN_STATUSES: readonly PlacementStatus[] = ['CHECKING', 'AWAITING_DOCUMENTS'];
