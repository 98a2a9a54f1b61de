import middy from '@middy/core';
import type { Ports, TablePorts } from '../core/ports.js';
import { parseTaskEvent } from '../events/task-event.js';
import { logContext } from '../middleware/log-context.js';
import { correlateWithPlacement } from '../observability/logger.js';
import { type ComplianceStep, checkCompliance } from '../use-cases/check-compliance.js';

export type CheckCompliancePorts = TablePorts & Pick<Ports, 'clock'>;

/** CheckCompliance task: evaluates evidence and tells the state machine where to go next. */
export const createCheckComplianceHandler = (ports: CheckCompliancePorts) =>
  middy<unknown, ComplianceStep>()
    .use(logContext())
    .handler(async (event) => {
      const task = parseTaskEvent(event);
      correlateWithPlacement(task.placementId);
      // A collection timeout means a reminder is due; a site-approval timeout that preceded a
      // request-changes decision (the state still carries `approval`) does not.
      const afterCollectionTimeout = task.input.timedOut !== undefined && task.input.approval === undefined;
      return checkCompliance(ports, task.placementId, afterCollectionTimeout);
    });
