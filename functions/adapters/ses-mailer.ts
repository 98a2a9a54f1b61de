import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { TransientDependencyError } from '../core/errors.js';
import type { EmailMessage, Mailer } from '../core/ports.js';

const TRANSIENT = new Set([
  'Throttling',
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalFailure',
  'TimeoutError',
]);

export interface SesMailerOptions {
  senderEmail: string;
  replyToEmail?: string;
  configurationSet?: string;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly options: SesMailerOptions,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    try {
      await this.client.send(
        new SendEmailCommand({
          Source: this.options.senderEmail,
          ...(this.options.replyToEmail ? { ReplyToAddresses: [this.options.replyToEmail] } : {}),
          ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
          Destination: {
            ToAddresses: message.to,
            ...(message.cc?.length ? { CcAddresses: message.cc } : {}),
          },
          Message: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: message.html, Charset: 'UTF-8' },
              Text: { Data: message.text, Charset: 'UTF-8' },
            },
          },
        }),
      );
    } catch (error) {
      const throttled =
        error instanceof Error &&
        (TRANSIENT.has(error.name) || /throttl|rate exceeded/i.test(error.message) || isServerFault(error));
      if (throttled)
        throw new TransientDependencyError(`SES did not accept the email (${error.name}).`, { cause: error });
      throw error;
    }
  }
}

const isServerFault = (error: Error) =>
  '$fault' in error && (error as { $fault?: string }).$fault === 'server';
