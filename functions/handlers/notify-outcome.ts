import middy from '@middy/core';
import { systemClock } from '../adapters/system-clock.js';
import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readEnvironment } from '../config/environment.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { notifyOutcome } from '../use-cases/notify-outcome.js';

const env = readEnvironment(['TABLE_NAME']);
const ports = { ...tablePorts(env.TABLE_NAME, systemClock), mailer: mailPort(), clock: systemClock };

/** NotifyOutcome task: emails the student, the coordinator and the site, each once. */
export const handler = middy<unknown, { sent: number }>()
  .use(logContext())
  .handler(async (event) => {
    const { placementId } = parseTaskEvent(event);
    correlateWithPlacement(placementId);
    return notifyOutcome(ports, placementId);
  });
