import { SESClient } from '@aws-sdk/client-ses';
import { SesMailer } from '../adapters/ses-mailer.js';
import { readEnvironment } from '../config/environment.js';

/** The mailer of a function granted SES: its sender, reply-to and configuration set come with the grant. */
export const mailPort = (client = new SESClient({})) => {
  const env = readEnvironment(['SENDER_EMAIL'], ['REPLY_TO_EMAIL', 'SES_CONFIGURATION_SET']);
  return new SesMailer(client, {
    senderEmail: env.SENDER_EMAIL,
    ...(env.REPLY_TO_EMAIL ? { replyToEmail: env.REPLY_TO_EMAIL } : {}),
    ...(env.SES_CONFIGURATION_SET ? { configurationSet: env.SES_CONFIGURATION_SET } : {}),
  });
};
