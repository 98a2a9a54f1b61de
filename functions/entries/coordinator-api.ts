import { mailPort } from '../composition/mail-port.js';
import { objectDeletionPort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readCoordinatorApiConfig } from '../config/function-config.js';
import { createCoordinatorApiHandler } from '../handlers/coordinator-api.js';

/** coordinator-api's composition root: its configuration, read once at cold start, and its ports. */
const config = readCoordinatorApiConfig();
const { clock, documentVersions } = config.local;

export const handler = createCoordinatorApiHandler({
  ...tablePorts(config.tableName, clock),
  workflow: workflowPort(config.stateMachineArn),
  storage: objectDeletionPort(config.documentsBucket, documentVersions),
  mailer: mailPort(config.mail),
  clock,
  config: { publicBaseUrl: config.publicBaseUrl },
});
