import middy from '@middy/core';
import { callbackTaskPorts } from '../composition/callback-task-ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { collectDocuments } from '../use-cases/collect-documents.js';

const ports = callbackTaskPorts();

/** CollectDocuments callback task: store the token, email the student, return (the workflow waits). */
export const handler = middy<unknown, void>()
  .use(logContext())
  .handler(async (event) => {
    const task = parseTaskEvent(event, { needsToken: true });
    correlateWithPlacement(task.placementId);
    await collectDocuments(ports, {
      placementId: task.placementId,
      taskToken: task.taskToken ?? '',
      reminder: task.input.reminder === true,
    });
  });
