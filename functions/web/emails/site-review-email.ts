import { placementFactRows } from '../placement-facts.js';
import { type EmailBlock, type RenderedEmail, renderEmail } from './email-layout.js';

export interface SiteReviewEmailView {
  /** The site admin this email (and its personal review link) goes to. */
  adminEmail: string;
  studentName: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  /** `{publicBaseUrl}/review/{token}`. */
  reviewUrl: string;
  /** 0 for the first request, then 1, 2, … for reminders. */
  reminderNumber: number;
  /** The placement coordinator is copied (after two reminders). */
  escalated: boolean;
}

/** To a site administrator: a complete packet is waiting for their decision. */
export const siteReviewEmail = (view: SiteReviewEmailView): RenderedEmail => {
  const isReminder = view.reminderNumber > 0;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: 'Hello,' },
    {
      kind: 'paragraph',
      text: isReminder
        ? `${view.studentName}’s documents for their placement at ${view.siteName} are still waiting for a decision (reminder ${view.reminderNumber}). Please approve, decline or ask for changes.`
        : `${view.studentName}’s documents for their placement at ${view.siteName} are complete. Please review them, then approve, decline or ask for changes to named documents.`,
    },
    { kind: 'facts', rows: placementFactRows(view) },
    { kind: 'action', label: 'Review the documents', url: view.reviewUrl },
    ...(view.escalated
      ? [
          {
            kind: 'paragraph',
            text: 'The placement coordinator is copied on this reminder because the review is overdue.',
          } as const,
        ]
      : []),
    {
      kind: 'note',
      text: `This link is just for you (${view.adminEmail}), and your decision is recorded under that address, so please do not forward it. The first decision made by any administrator of the site is final.`,
    },
  ];
  return renderEmail({
    subject: isReminder
      ? `Reminder: ${view.studentName}’s placement documents are waiting for your review`
      : `Please review ${view.studentName}’s placement documents`,
    heading: isReminder
      ? 'A placement is still waiting for your decision'
      : 'A placement is ready for your review',
    preview: `${view.studentName}, ${view.program}, at ${view.siteName}.`,
    blocks,
    footer: `You are getting this email because you are listed as an administrator of ${view.siteName}.`,
  });
};
