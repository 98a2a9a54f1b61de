import { systemClock } from '../adapters/system-clock.js';
import { appConfig } from '../composition/app-config.js';
import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readEnvironment } from '../config/environment.js';
import { parseTaskEvent } from '../events/task-event.js';
import { requestSiteApproval } from '../use-cases/request-site-approval.js';

const env = readEnvironment(['TABLE_NAME']);
const ports = {
  ...tablePorts(env.TABLE_NAME, systemClock),
  mailer: mailPort(),
  workflow: workflowPort(),
  clock: systemClock,
  config: appConfig(),
};

/** RequestSiteApproval callback task: store the token, email each site admin their review link. */
export const handler = async (event: unknown): Promise<void> => {
  const task = parseTaskEvent(event, { needsToken: true });
  await requestSiteApproval(ports, {
    placementId: task.placementId,
    taskToken: task.taskToken ?? '',
    // Back here through the Catch on States.Timeout: the site has not answered yet.
    reminder: task.input.timedOut !== undefined,
  });
};
