import { systemClock } from '../adapters/system-clock.js';
import { readEnvironment } from '../config/environment.js';
import { appConfig } from './app-config.js';
import { mailPort } from './mail-port.js';
import { tablePorts } from './table-ports.js';
import { workflowPort } from './workflow-port.js';

/** What the two callback tasks (CollectDocuments, RequestSiteApproval) work with: table, mail, workflow, links. */
export const callbackTaskPorts = () => ({
  ...tablePorts(readEnvironment(['TABLE_NAME']).TABLE_NAME, systemClock),
  mailer: mailPort(),
  workflow: workflowPort(),
  clock: systemClock,
  config: appConfig(),
});
