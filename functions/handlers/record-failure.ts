import middy from '@middy/core';
import { systemClock } from '../adapters/system-clock.js';
import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readEnvironment } from '../config/environment.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement, logger } from '../observability/logger.js';
import { recordFailure } from '../use-cases/record-failure.js';

const env = readEnvironment(['TABLE_NAME']);
const ports = { ...tablePorts(env.TABLE_NAME, systemClock), mailer: mailPort(), clock: systemClock };

/** RecordFailure task: the placement becomes FAILED, the error is kept, the coordinator is told. */
export const handler = middy<unknown, void>()
  .use(logContext())
  .handler(async (event) => {
    const task = parseTaskEvent(event);
    correlateWithPlacement(task.placementId);
    logger.error('Onboarding workflow failed', { errorName: task.error });
    await recordFailure(ports, {
      placementId: task.placementId,
      ...(task.executionName ? { executionName: task.executionName } : {}),
      ...(task.error ? { error: task.error } : {}),
      ...(task.cause ? { cause: task.cause } : {}),
    });
  });
