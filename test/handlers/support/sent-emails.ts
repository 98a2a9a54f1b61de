import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { AwsClientStub } from 'aws-sdk-client-mock';

export interface SentEmail {
  from: string | undefined;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
}

/** Every SendEmail the mocked SES client received, in order. */
export const sentEmails = (ses: AwsClientStub<SESClient>): SentEmail[] =>
  ses.commandCalls(SendEmailCommand).map((call) => {
    const input = call.args[0].input;
    return {
      from: input.Source,
      to: input.Destination?.ToAddresses ?? [],
      cc: input.Destination?.CcAddresses ?? [],
      subject: input.Message?.Subject?.Data ?? '',
      html: input.Message?.Body?.Html?.Data ?? '',
      text: input.Message?.Body?.Text?.Data ?? '',
    };
  });

/** The link tokens of `{base}/{kind}/{token}` links in a text. */
export const linkTokensIn = (text: string, base: string, kind: 'portal' | 'review'): string[] => [
  ...new Set(
    [
      ...text.matchAll(
        new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${kind}/([A-Za-z0-9_-]+)`, 'g'),
      ),
    ].map((match) => match[1] ?? ''),
  ),
];
