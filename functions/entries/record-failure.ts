import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readMailingTaskConfig } from '../config/function-config.js';
import { createRecordFailureHandler } from '../handlers/record-failure.js';

/** record-failure's composition root: its configuration, read once at cold start, and its ports. */
const config = readMailingTaskConfig();
const { clock } = config.local;

export const handler = createRecordFailureHandler({
  ...tablePorts(config.tableName, clock),
  mailer: mailPort(config.mail),
  clock,
});
