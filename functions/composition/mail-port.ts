import { SESClient } from '@aws-sdk/client-ses';
import { SesMailer } from '../adapters/ses-mailer.js';
import type { MailSettings } from '../config/function-config.js';

/** The mailer of a function granted SES: its sender, reply-to and configuration set come with the grant. */
export const mailPort = (settings: MailSettings, client = new SESClient({})) =>
  new SesMailer(client, settings);
