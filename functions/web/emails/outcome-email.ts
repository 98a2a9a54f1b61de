import { displayDate } from '../display-date.js';
import { placementFactRows } from '../placement-facts.js';
import { type EmailBlock, type RenderedEmail, renderEmail } from './email-layout.js';

export type OutcomeAudience = 'student' | 'coordinator' | 'site';
export type Outcome = 'CLEARED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED';

export interface OutcomeEmailView {
  audience: OutcomeAudience;
  outcome: Outcome;
  studentName: string;
  siteName: string;
  program: string;
  startDate: string;
  endDate: string;
  /** The site's reason (DECLINED) or the coordinator's (CANCELLED). */
  reason?: string;
  /** The site admin who decided (CLEARED, DECLINED). */
  decidedBy?: string;
  /** Titles of what was still missing (EXPIRED). */
  outstanding?: readonly string[];
}

interface OutcomeText {
  subject: string;
  heading: string;
  /** What happened and what happens next, in order. */
  paragraphs: string[];
  /** Show the reason (when there is one) to this reader. */
  showReason: boolean;
  /** Show what was still missing (EXPIRED) to this reader. */
  showOutstanding: boolean;
}

const FOOTERS: Readonly<Record<OutcomeAudience, (siteName: string) => string>> = {
  student: (siteName) =>
    `You are getting this email because you have a placement at ${siteName}. Questions? Contact your placement coordinator.`,
  coordinator: () => 'You are getting this email because you coordinate this placement.',
  site: (siteName) => `You are getting this email because you are listed as an administrator of ${siteName}.`,
};

const outcomeText = (view: OutcomeEmailView): OutcomeText => {
  const { studentName: student, siteName: site } = view;
  const starts = displayDate(view.startDate);
  const by = view.decidedBy ? ` (decided by ${view.decidedBy})` : '';
  const key = `${view.outcome}/${view.audience}` as const;
  switch (key) {
    case 'CLEARED/student':
      return {
        subject: `You are cleared for your placement at ${site}`,
        heading: 'You are cleared for your placement',
        paragraphs: [
          `${site} approved your documents. You are all set to start on ${starts}.`,
          'Your placement coordinator will send any first-day details. There is nothing more to upload.',
        ],
        showReason: false,
        showOutstanding: false,
      };
    case 'CLEARED/coordinator':
      return {
        subject: `${student} is cleared for ${site}`,
        heading: `${student} is cleared`,
        paragraphs: [
          `${site} approved ${student}’s documents${by}. The student is cleared to start on ${starts}.`,
          'No action is needed.',
        ],
        showReason: false,
        showOutstanding: false,
      };
    case 'CLEARED/site':
      return {
        subject: `${student} is cleared to start on ${starts}`,
        heading: `${student} is cleared to start`,
        paragraphs: [
          `${student}’s onboarding is complete${by}. They are expected to start their placement on ${starts}.`,
        ],
        showReason: false,
        showOutstanding: false,
      };
    case 'DECLINED/student':
      return {
        subject: `Your placement at ${site} will not go ahead`,
        heading: 'Your placement will not go ahead',
        paragraphs: [
          `${site} reviewed your documents and declined this placement.`,
          'Your placement coordinator will contact you about next steps.',
        ],
        showReason: true,
        showOutstanding: false,
      };
    case 'DECLINED/coordinator':
      return {
        subject: `${site} declined ${student}’s placement`,
        heading: `${site} declined the placement`,
        paragraphs: [
          `${site} declined ${student}’s placement${by}. The student has been told.`,
          'Please contact the student about next steps.',
        ],
        showReason: true,
        showOutstanding: false,
      };
    case 'DECLINED/site':
      return {
        subject: `${student}’s placement was declined`,
        heading: 'The placement was declined',
        paragraphs: [
          `${student}’s placement at ${site} was declined${by}. The student and the placement coordinator have been told.`,
        ],
        showReason: true,
        showOutstanding: false,
      };
    case 'EXPIRED/student':
      return {
        subject: `Your documents for ${site} were not completed in time`,
        heading: 'Your documents were not completed in time',
        paragraphs: [
          `The due date passed before all your documents were in, so your placement at ${site} cannot go ahead as planned.`,
          'Contact your placement coordinator to find out what happens next.',
        ],
        showReason: false,
        showOutstanding: true,
      };
    case 'EXPIRED/coordinator':
      return {
        subject: `${student}’s onboarding for ${site} expired`,
        heading: 'Onboarding expired with documents missing',
        paragraphs: [
          `The documents due date passed before ${student} completed their onboarding for ${site}. The placement is now marked expired.`,
          'Please contact the student and the site about next steps.',
        ],
        showReason: false,
        showOutstanding: true,
      };
    case 'EXPIRED/site':
      return {
        subject: `${student}’s placement will not go ahead as planned`,
        heading: 'A placement will not go ahead as planned',
        paragraphs: [
          `${student} did not complete their onboarding documents in time, so their placement starting ${starts} will not go ahead as planned.`,
          'The placement coordinator will be in touch if anything changes.',
        ],
        showReason: false,
        showOutstanding: false,
      };
    case 'CANCELLED/student':
      return {
        subject: `Your placement at ${site} was cancelled`,
        heading: 'Your placement was cancelled',
        paragraphs: [
          `Your placement at ${site} was cancelled. There is nothing more to upload.`,
          'If you did not expect this, contact your placement coordinator.',
        ],
        showReason: true,
        showOutstanding: false,
      };
    case 'CANCELLED/coordinator':
      return {
        subject: `${student}’s placement at ${site} was cancelled`,
        heading: 'The placement was cancelled',
        paragraphs: [
          `${student}’s placement at ${site} was cancelled and its onboarding stopped. The student and the site have been told.`,
        ],
        showReason: true,
        showOutstanding: false,
      };
    case 'CANCELLED/site':
      return {
        subject: `${student}’s placement was cancelled`,
        heading: 'A placement was cancelled',
        paragraphs: [
          `The school cancelled ${student}’s placement at ${site}, starting ${starts}. No review is needed, and any review link you have for it no longer works.`,
        ],
        showReason: false,
        showOutstanding: false,
      };
  }
};

/**
 * The outcome of a placement, for one reader. The site is not told the school's reason for a
 * cancellation or which documents were missing (it need not know; it may be personal).
 */
export const outcomeEmail = (view: OutcomeEmailView): RenderedEmail => {
  const text = outcomeText(view);
  const outstanding = view.outstanding ?? [];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: view.audience === 'student' ? `Hi ${view.studentName},` : 'Hello,' },
    ...text.paragraphs.slice(0, 1).map((paragraph): EmailBlock => ({ kind: 'paragraph', text: paragraph })),
    ...(text.showReason && view.reason
      ? [{ kind: 'paragraph', text: `Reason given: ${view.reason}` } as const]
      : []),
    ...(text.showOutstanding && outstanding.length > 0
      ? [
          { kind: 'paragraph', text: 'Still missing at the due date:' } as const,
          { kind: 'list', items: outstanding } as const,
        ]
      : []),
    ...text.paragraphs.slice(1).map((paragraph): EmailBlock => ({ kind: 'paragraph', text: paragraph })),
    {
      kind: 'facts',
      rows: placementFactRows(
        view.audience === 'student'
          ? {
              siteName: view.siteName,
              program: view.program,
              startDate: view.startDate,
              endDate: view.endDate,
            }
          : view,
      ),
    },
  ];
  return renderEmail({
    subject: text.subject,
    heading: text.heading,
    preview: text.paragraphs[0] ?? text.heading,
    blocks,
    footer: FOOTERS[view.audience](view.siteName),
  });
};
