import { storagePort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readReviewConfig } from '../config/function-config.js';
import { createReviewHandler } from '../handlers/review.js';

/** review's composition root: its configuration, read once at cold start, and its ports. */
const config = readReviewConfig();
const { clock, documentVersions } = config.local;

export const handler = createReviewHandler(
  {
    ...tablePorts(config.tableName, clock),
    storage: storagePort(config.documentsBucket, documentVersions),
    workflow: workflowPort(config.stateMachineArn),
    clock,
    config: { publicBaseUrl: config.publicBaseUrl },
  },
  { publicBaseUrl: config.publicBaseUrl },
);
