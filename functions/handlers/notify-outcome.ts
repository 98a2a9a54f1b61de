import middy from '@middy/core';
import type { Ports, TablePorts } from '../core/ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { notifyOutcome } from '../use-cases/notify-outcome.js';

export type NotifyOutcomePorts = TablePorts & Pick<Ports, 'mailer' | 'clock'>;

/** NotifyOutcome task: emails the student, the coordinator and the site, each once. */
export const createNotifyOutcomeHandler = (ports: NotifyOutcomePorts) =>
  middy<unknown, { sent: number }>()
    .use(logContext())
    .handler(async (event) => {
      const { placementId } = parseTaskEvent(event);
      correlateWithPlacement(placementId);
      return notifyOutcome(ports, placementId);
    });
