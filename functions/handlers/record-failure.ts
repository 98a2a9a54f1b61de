import middy from '@middy/core';
import type { Ports, TablePorts } from '../core/ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement, logger } from '../observability/logger.js';
import { recordFailure } from '../use-cases/record-failure.js';

export type RecordFailurePorts = TablePorts & Pick<Ports, 'mailer' | 'clock'>;

/** RecordFailure task: the placement becomes FAILED, the error is kept, the coordinator is told. */
export const createRecordFailureHandler = (ports: RecordFailurePorts) =>
  middy<unknown, void>()
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
