import { objectDeletionPort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readApplyRetentionConfig } from '../config/function-config.js';
import { createApplyRetentionHandler } from '../handlers/apply-retention.js';

/** apply-retention's composition root: its configuration, read once at cold start, and its ports. */
const config = readApplyRetentionConfig();
const { clock, documentVersions } = config.local;

export const handler = createApplyRetentionHandler(
  {
    ...tablePorts(config.tableName, clock),
    storage: objectDeletionPort(config.documentsBucket, documentVersions),
    clock,
  },
  { retentionDays: config.retentionDays },
);
