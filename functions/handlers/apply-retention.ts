import middy from '@middy/core';
import type { ObjectDeletion, Ports, TablePorts } from '../core/ports.js';
import { logContext } from '../middleware/log-context.js';
import { applyRetention } from '../use-cases/apply-retention.js';

export type ApplyRetentionPorts = TablePorts & Pick<Ports, 'clock'> & { storage: ObjectDeletion };

/**
 * The daily retention sweep (an EventBridge schedule): deletes the documents of placements whose
 * rotation ended more than `retentionDays` ago. The event carries nothing it needs.
 */
export const createApplyRetentionHandler = (
  ports: ApplyRetentionPorts,
  settings: { retentionDays: number },
) =>
  middy<unknown, void>()
    .use(logContext())
    .handler(async () => {
      await applyRetention(ports, settings.retentionDays);
    });
