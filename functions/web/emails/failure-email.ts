import { type RenderedEmail, renderEmail } from './email-layout.js';

export interface FailureEmailView {
  studentName: string;
  siteName: string;
  placementId: string;
}

/** To the coordinator: onboarding of a placement stopped on an error; operations is on it. */
export const failureEmail = (view: FailureEmailView): RenderedEmail =>
  renderEmail({
    subject: `Problem with ${view.studentName}’s onboarding for ${view.siteName}`,
    heading: 'Onboarding stopped because of an error',
    preview: 'The operations team has been alerted. You do not need to do anything now.',
    blocks: [
      { kind: 'paragraph', text: 'Hello,' },
      {
        kind: 'paragraph',
        text: `Onboarding for ${view.studentName}’s placement at ${view.siteName} stopped because something went wrong on our side. The operations team has been alerted and is working on it.`,
      },
      {
        kind: 'paragraph',
        text: 'You do not need to do anything now. If the student asks, tell them there is nothing they need to do. Operations will let you know when onboarding is running again.',
      },
      {
        kind: 'facts',
        rows: [
          ['Student', view.studentName],
          ['Site', view.siteName],
          ['Placement ID', view.placementId],
        ],
      },
      { kind: 'note', text: 'Quote the placement ID if you contact the operations team about this.' },
    ],
    footer: 'You are getting this email because you coordinate this placement.',
  });
