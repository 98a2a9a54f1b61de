import { createRequire } from 'node:module';
import { mailboxStore, type StoredEmail } from './mailbox-store.js';

interface FormRequest {
  body: Record<string, unknown>;
}
interface Response {
  status(code: number): { send(body: unknown): void };
}
type Handler = (request: FormRequest, response: Response) => void;

const require = createRequire(import.meta.url);
let installed = false;

/** The values of `Prefix.member.1`, `Prefix.member.2`… in the order of their index. */
function memberList(body: Record<string, unknown>, prefix: string): string[] {
  return Object.keys(body)
    .filter((key) => key.startsWith(prefix))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map((key) => String(body[key]));
}

/**
 * aws-ses-v2-local 2.10 keeps only the first address of each list of an SES v1 SendEmail (To, Cc,
 * Bcc, Reply-To): its request schema drops `member.2` and up. This puts in its place a handler
 * that keeps every address and stores the email exactly as the original does. The server reads
 * the handler from its module at each request, so replacing the export is enough.
 */
export function keepEverySesV1Address(): void {
  if (installed) return;
  installed = true;
  const sendEmail = require('aws-ses-v2-local/dist/v1/sendEmail.js') as { default: Handler };
  // Through the module at each email, as the package's own senders do (mailbox-store.ts wraps it).
  const saveEmail = (email: StoredEmail) => mailboxStore().saveEmail(email);
  const { getMessageId, getCurrentTimestamp } = require('aws-ses-v2-local/dist/util.js') as {
    getMessageId: () => string;
    getCurrentTimestamp: () => number;
  };
  sendEmail.default = (request, response) => {
    const body = request.body;
    const text = body['Message.Body.Text.Data'];
    const html = body['Message.Body.Html.Data'];
    const subject = body['Message.Subject.Data'];
    if (typeof body.Source !== 'string' || typeof subject !== 'string' || !subject) {
      response
        .status(400)
        .send({ message: 'Bad Request Exception', detail: 'A Source and a subject are required.' });
      return;
    }
    if (typeof text !== 'string' && typeof html !== 'string') {
      response
        .status(400)
        .send({ message: 'Bad Request Exception', detail: 'Must have either a HTML or Text body.' });
      return;
    }
    const messageId = getMessageId();
    saveEmail({
      messageId,
      from: body.Source,
      replyTo: memberList(body, 'ReplyToAddresses.member.'),
      destination: {
        to: memberList(body, 'Destination.ToAddresses.member.'),
        cc: memberList(body, 'Destination.CcAddresses.member.'),
        bcc: memberList(body, 'Destination.BccAddresses.member.'),
      },
      subject,
      body: {
        text: typeof text === 'string' ? text : undefined,
        html: typeof html === 'string' ? html : undefined,
      },
      attachments: [],
      at: getCurrentTimestamp(),
    });
    response
      .status(200)
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendEmailResult><MessageId>${messageId}</MessageId></SendEmailResult></SendEmailResponse>`,
      );
  };
}
