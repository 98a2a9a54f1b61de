/**
 * The plain-language explanation of each reason a staff verifier may give for sending a document
 * back. Each is written for the student and says what to upload instead; the verifier's note, when
 * there is one, follows it.
 */
import type { RejectionReasonCode } from './model/rejection-reason-code.js';

export const REJECTION_EXPLANATIONS: Readonly<Record<RejectionReasonCode, string>> = {
  ILLEGIBLE:
    'We could not read the document. Upload a sharper scan or photo, taken in good light, with the whole page in view.',
  WRONG_DOCUMENT:
    'This is not the document this requirement asks for. Check what the requirement needs and upload that document.',
  NAME_MISMATCH:
    'The name on the document is not yours, or not written as the school has it. Upload a document in your name, or ask your coordinator to update your name.',
  DATES_DO_NOT_MATCH:
    'The dates on the document do not match the dates you entered. Upload it again and enter the dates exactly as printed on it.',
  INCOMPLETE:
    'Part of the document is missing (a page, the back of a card, or the result). Upload every page and both sides.',
  NOT_SIGNED:
    'The document is not signed, or not signed by the person it needs to be signed by. Upload a signed copy.',
  EXPIRED: 'The document has expired, or will expire before your placement ends. Upload a current one.',
  OTHER: 'The school could not accept this document.',
};

/** The reason a rejected requirement shows the student: the code's explanation, then the verifier's note. */
export const rejectionReasonText = (code: RejectionReasonCode, note?: string): string =>
  note === undefined || note === ''
    ? REJECTION_EXPLANATIONS[code]
    : `${REJECTION_EXPLANATIONS[code]} Note from the school: ${note}`;
