import { readEnvironment } from '../config/environment.js';
import type { AppConfig } from '../core/ports.js';

/** Configuration of the functions that build links for emails and pages. */
export const appConfig = (): AppConfig => {
  const env = readEnvironment(['PUBLIC_BASE_URL'], ['STAGE', 'SENDER_EMAIL', 'REPLY_TO_EMAIL']);
  return {
    stage: env.STAGE ?? 'dev',
    publicBaseUrl: env.PUBLIC_BASE_URL,
    senderEmail: env.SENDER_EMAIL ?? '',
    ...(env.REPLY_TO_EMAIL ? { replyToEmail: env.REPLY_TO_EMAIL } : {}),
  };
};
