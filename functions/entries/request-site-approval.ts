import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readCallbackTaskConfig } from '../config/function-config.js';
import { createRequestSiteApprovalHandler } from '../handlers/request-site-approval.js';

/** request-site-approval's composition root: its configuration, read once at cold start, and its ports. */
const config = readCallbackTaskConfig();
const { clock } = config.local;

export const handler = createRequestSiteApprovalHandler({
  ...tablePorts(config.tableName, clock),
  mailer: mailPort(config.mail),
  workflow: workflowPort(config.stateMachineArn),
  clock,
  config: { publicBaseUrl: config.publicBaseUrl },
});
