import middy from '@middy/core';
import type { Ports, TablePorts } from '../core/ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { requestSiteApproval } from '../use-cases/request-site-approval.js';

/** What a callback task works with: the table, mail, the workflow (to resume it) and the links' origin. */
export type RequestSiteApprovalPorts = TablePorts & Pick<Ports, 'mailer' | 'workflow' | 'clock' | 'config'>;

/** RequestSiteApproval callback task: store the token, email each site admin their review link. */
export const createRequestSiteApprovalHandler = (ports: RequestSiteApprovalPorts) =>
  middy<unknown, void>()
    .use(logContext())
    .handler(async (event) => {
      const task = parseTaskEvent(event, { needsToken: true });
      correlateWithPlacement(task.placementId);
      await requestSiteApproval(ports, {
        placementId: task.placementId,
        taskToken: task.taskToken ?? '',
        // Back here through the Catch on States.Timeout: the site has not answered yet.
        reminder: task.input.timedOut !== undefined,
      });
    });
