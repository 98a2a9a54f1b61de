import middy from '@middy/core';
import { systemClock } from '../adapters/system-clock.js';
import { objectDeletionPort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { ConfigurationError, readEnvironment } from '../config/environment.js';
import { logContext } from '../middleware/log-context.js';
import { applyRetention } from '../use-cases/apply-retention.js';

const env = readEnvironment(['TABLE_NAME', 'DOCUMENTS_BUCKET', 'DOCUMENT_RETENTION_DAYS']);
const retentionDays = Number(env.DOCUMENT_RETENTION_DAYS);
if (!Number.isInteger(retentionDays) || retentionDays < 1) {
  throw new ConfigurationError('DOCUMENT_RETENTION_DAYS must be a whole number of days, at least 1');
}
const ports = {
  ...tablePorts(env.TABLE_NAME, systemClock),
  storage: objectDeletionPort(),
  clock: systemClock,
};

/**
 * The daily retention sweep (an EventBridge schedule): deletes the documents of placements whose
 * rotation ended more than DOCUMENT_RETENTION_DAYS ago. The event carries nothing it needs.
 */
export const handler = middy<unknown, void>()
  .use(logContext())
  .handler(async () => {
    await applyRetention(ports, retentionDays);
  });
