import middy from '@middy/core';
import type { Ports, TablePorts } from '../core/ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { collectDocuments } from '../use-cases/collect-documents.js';

/** What a callback task works with: the table, mail, the workflow (to resume it) and the links' origin. */
export type CollectDocumentsPorts = TablePorts & Pick<Ports, 'mailer' | 'workflow' | 'clock' | 'config'>;

/** CollectDocuments callback task: store the token, email the student, return (the workflow waits). */
export const createCollectDocumentsHandler = (ports: CollectDocumentsPorts) =>
  middy<unknown, void>()
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
