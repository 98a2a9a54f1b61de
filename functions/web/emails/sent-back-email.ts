import type { SentBackNoticeView } from '../../use-cases/send-sent-back-notice.js';
import { displayDate } from '../display-date.js';
import { displayMessage } from '../display-message.js';
import { placementFactRows } from '../placement-facts.js';
import { type EmailBlock, type RenderedEmail, renderEmail } from './email-layout.js';

const itemsCount = (count: number): string => (count === 1 ? 'a document' : `${count} documents`);

/**
 * To the student, once per reviewing sitting (`functions/core/sent-back-batch.ts`): every item the
 * school's verifiers sent back, each with the reason's plain-language explanation and the verifier's
 * note (both in the item's `reason`), anything else still missing, and the portal link.
 */
export const sentBackEmail = (view: SentBackNoticeView): RenderedEmail => {
  const due = displayDate(view.documentsDueDate);
  const count = view.sentBack.length;
  const sentBackCodes = new Set(view.sentBack.map((item) => item.code));
  const stillMissing = view.outstanding.filter((item) => !sentBackCodes.has(item.code));
  const sentBack: EmailBlock = {
    kind: 'list',
    items: view.sentBack.map((item) =>
      item.reason ? `${item.title}: ${displayMessage(item.reason)}` : `${item.title}: not accepted`,
    ),
  };
  const missing: EmailBlock[] =
    stillMissing.length > 0
      ? [
          { kind: 'paragraph', text: 'Also still needed:' },
          { kind: 'list', items: stillMissing.map((item) => `${item.title}: ${item.evidence}`) },
        ]
      : [];
  return renderEmail({
    subject: `Please replace ${itemsCount(count)} for ${view.siteName} by ${due}`,
    heading: count === 1 ? 'A document was sent back' : `${count} documents were sent back`,
    preview: `The school checked your documents and needs ${count === 1 ? 'one' : count} replaced.`,
    blocks: [
      { kind: 'paragraph', text: `Hi ${view.studentName},` },
      {
        kind: 'paragraph',
        text: `A person at the school checked the documents you uploaded for your placement at ${view.siteName}. Please upload a new version of ${count === 1 ? 'this one' : 'these'} by ${due}:`,
      },
      sentBack,
      ...missing,
      { kind: 'action', label: 'Upload your documents', url: view.portalUrl },
      {
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
      },
      {
        kind: 'note',
        text: `The link is just for you, so please do not forward it; it works until ${due}.`,
      },
    ],
    footer: `You are getting this email because you have a placement at ${view.siteName}. Questions? Contact your placement coordinator.`,
  });
};
