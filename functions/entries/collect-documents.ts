import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readCallbackTaskConfig } from '../config/function-config.js';
import { createCollectDocumentsHandler } from '../handlers/collect-documents.js';

/** collect-documents's composition root: its configuration, read once at cold start, and its ports. */
const config = readCallbackTaskConfig();
const { clock } = config.local;

export const handler = createCollectDocumentsHandler({
  ...tablePorts(config.tableName, clock),
  mailer: mailPort(config.mail),
  workflow: workflowPort(config.stateMachineArn),
  clock,
  config: { publicBaseUrl: config.publicBaseUrl },
});
