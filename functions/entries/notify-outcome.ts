import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readMailingTaskConfig } from '../config/function-config.js';
import { createNotifyOutcomeHandler } from '../handlers/notify-outcome.js';

/** notify-outcome's composition root: its configuration, read once at cold start, and its ports. */
const config = readMailingTaskConfig();
const { clock } = config.local;

export const handler = createNotifyOutcomeHandler({
  ...tablePorts(config.tableName, clock),
  mailer: mailPort(config.mail),
  clock,
});
