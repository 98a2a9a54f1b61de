import { callbackTaskPorts } from '../composition/callback-task-ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { collectDocuments } from '../use-cases/collect-documents.js';

const ports = callbackTaskPorts();

/** CollectDocuments callback task: store the token, email the student, return (the workflow waits). */
export const handler = async (event: unknown): Promise<void> => {
  const task = parseTaskEvent(event, { needsToken: true });
  await collectDocuments(ports, {
    placementId: task.placementId,
    taskToken: task.taskToken ?? '',
    reminder: task.input.reminder === true,
  });
};
