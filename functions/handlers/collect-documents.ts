import { systemClock } from '../adapters/system-clock.js';
import { appConfig } from '../composition/app-config.js';
import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readEnvironment } from '../config/environment.js';
import { parseTaskEvent } from '../events/task-event.js';
import { collectDocuments } from '../use-cases/collect-documents.js';

const env = readEnvironment(['TABLE_NAME']);
const ports = {
  ...tablePorts(env.TABLE_NAME, systemClock),
  mailer: mailPort(),
  workflow: workflowPort(),
  clock: systemClock,
  config: appConfig(),
};

/** CollectDocuments callback task: store the token, email the student, return (the workflow waits). */
export const handler = async (event: unknown): Promise<void> => {
  const task = parseTaskEvent(event, { needsToken: true });
  await collectDocuments(ports, {
    placementId: task.placementId,
    taskToken: task.taskToken ?? '',
    reminder: task.input.reminder === true,
  });
};
