import { systemClock } from '../adapters/system-clock.js';
import { mailPort } from '../composition/mail-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readEnvironment } from '../config/environment.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logger } from '../observability/logger.js';
import { recordFailure } from '../use-cases/record-failure.js';

const env = readEnvironment(['TABLE_NAME']);
const ports = { ...tablePorts(env.TABLE_NAME, systemClock), mailer: mailPort(), clock: systemClock };

/** RecordFailure task: the placement becomes FAILED, the error is kept, the coordinator is told. */
export const handler = async (event: unknown): Promise<void> => {
  const task = parseTaskEvent(event);
  logger.error('Onboarding workflow failed', { placementId: task.placementId, errorName: task.error });
  await recordFailure(ports, {
    placementId: task.placementId,
    ...(task.error ? { error: task.error } : {}),
    ...(task.cause ? { cause: task.cause } : {}),
  });
};
