import type { SentBackNoticeView } from '../../use-cases/send-sent-back-notice.js';
import { displayDate } from '../display-date.js';
import { displayMessage } from '../display-message.js';
import { placementFactRows } from '../placement-facts.js';
import { type RenderedEmail, renderEmail } from './email-layout.js';

/**
 * To the student, once per reviewing sitting: every item the school's verifiers sent back, each with
 * its plain-language reason and note, and the link to upload again. (A minimal version written with
 * the console's decision route; the verification work may replace its wording.)
 */
export const sentBackEmail = (view: SentBackNoticeView): RenderedEmail => {
  const due = displayDate(view.documentsDueDate);
  const count = view.sentBack.length;
  return renderEmail({
    subject: `Please upload ${count === 1 ? 'a document' : `${count} documents`} again for ${view.siteName}`,
    heading: `The school sent back ${count === 1 ? 'a document' : `${count} documents`}`,
    preview: `Upload new versions by ${due}.`,
    blocks: [
      { kind: 'paragraph', text: `Hi ${view.studentName},` },
      {
        kind: 'paragraph',
        text: `The school checked your documents for ${view.siteName} and could not accept these. Please upload new versions by ${due}:`,
      },
      {
        kind: 'list',
        items: view.sentBack.map((item) =>
          item.reason ? `${item.title}: ${displayMessage(item.reason)}` : item.title,
        ),
      },
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
    ],
    footer: `You are getting this email because you have a placement at ${view.siteName}. Questions? Contact your placement coordinator.`,
  });
};
