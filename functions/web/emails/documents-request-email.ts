import { displayDate } from '../display-date.js';
import { displayMessage } from '../display-message.js';
import { type PlacedStudent, placementFactRows } from '../placement-facts.js';
import { type EmailBlock, type RenderedEmail, renderEmail } from './email-layout.js';

export interface OutstandingRequirement {
  title: string;
  status: string;
  reason?: string;
  /** What to upload, in plain words; shown for items not uploaded yet. */
  evidence?: string;
}

export interface DocumentsRequestEmailView extends PlacedStudent {
  outstanding: readonly OutstandingRequirement[];
  /** `{publicBaseUrl}/portal/{token}`. */
  portalUrl: string;
  /** The first request, a reminder, or a request after the site asked for changes. */
  kind: 'first' | 'reminder' | 'changes-requested';
  /** The site's reason, for `changes-requested`. */
  changesReason?: string;
}

const outstandingLine = (item: OutstandingRequirement): string => {
  if (item.status !== 'REJECTED')
    return item.evidence ? `${item.title}: ${item.evidence}` : `${item.title}: not uploaded yet`;
  return item.reason
    ? `${item.title}: not accepted. ${displayMessage(item.reason)}`
    : `${item.title}: not accepted`;
};

const documentsCount = (count: number): string => (count === 1 ? '1 document' : `${count} documents`);

/** To the student: which documents are still needed, by when, and the link to their portal page. */
export const documentsRequestEmail = (view: DocumentsRequestEmailView): RenderedEmail => {
  const due = displayDate(view.documentsDueDate);
  const count = view.outstanding.length;
  const items: EmailBlock =
    count > 0
      ? { kind: 'list', items: view.outstanding.map(outstandingLine) }
      : {
          kind: 'paragraph',
          text: 'Nothing is outstanding right now: check the page to see where things stand.',
        };
  const facts: EmailBlock = {
    kind: 'facts',
    rows: [
      ...placementFactRows({
        siteName: view.siteName,
        program: view.program,
        startDate: view.startDate,
        endDate: view.endDate,
      }),
      ['Documents due', due],
    ],
  };
  const action: EmailBlock = { kind: 'action', label: 'Upload your documents', url: view.portalUrl };
  const help: EmailBlock = {
    kind: 'note',
    text: `The page shows exactly what each document must show and which date we need. You can upload a photo or a PDF from your phone or computer. The link is just for you, so please do not forward it; it works until ${due}.`,
  };
  const footer = `You are getting this email because you have a placement at ${view.siteName}. Questions? Contact your placement coordinator.`;
  const greeting: EmailBlock = { kind: 'paragraph', text: `Hi ${view.studentName},` };

  switch (view.kind) {
    case 'first':
      return renderEmail({
        subject: `Upload your documents for ${view.siteName} by ${due}`,
        heading: `Documents needed for your placement at ${view.siteName}`,
        preview: `${documentsCount(count)} needed by ${due}.`,
        blocks: [
          greeting,
          {
            kind: 'paragraph',
            text: `Before you can start your placement at ${view.siteName}, the site needs the following from you by ${due}:`,
          },
          items,
          action,
          facts,
          help,
        ],
        footer,
      });
    case 'reminder':
      return renderEmail({
        subject: `Reminder: ${documentsCount(count)} still needed for ${view.siteName} by ${due}`,
        heading: `Still needed: ${documentsCount(count)}`,
        preview: `Upload by ${due} so your placement can go ahead.`,
        blocks: [
          greeting,
          {
            kind: 'paragraph',
            text: `We still need the following for your placement at ${view.siteName}. Please upload by ${due}; after that date the placement cannot go ahead as planned.`,
          },
          items,
          action,
          facts,
          help,
        ],
        footer,
      });
    case 'changes-requested':
      return renderEmail({
        subject: `${view.siteName} asked you to replace ${count === 1 ? 'a document' : 'some documents'}`,
        heading: `Please replace ${count === 1 ? 'a document' : `${count} documents`}`,
        preview: `${view.siteName} reviewed your documents and asked for changes.`,
        blocks: [
          greeting,
          { kind: 'paragraph', text: `${view.siteName} reviewed your documents and asked for changes.` },
          ...(view.changesReason
            ? [{ kind: 'paragraph', text: `What the site said: ${view.changesReason}` } as const]
            : []),
          { kind: 'paragraph', text: `Please upload new versions of these by ${due}:` },
          items,
          action,
          facts,
          help,
        ],
        footer,
      });
  }
};
