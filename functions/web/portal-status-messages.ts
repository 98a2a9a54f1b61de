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

/** Statuses in which the student can still upload. */
export const UPLOAD_OPEN_STATUSES: readonly PlacementStatus[] = ['CHECKING', 'AWAITING_DOCUMENTS'];
