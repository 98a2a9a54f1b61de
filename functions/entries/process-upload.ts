import { storagePort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { workflowPort } from '../composition/workflow-port.js';
import { readProcessUploadConfig } from '../config/function-config.js';
import { createProcessUploadHandler } from '../handlers/process-upload.js';

/** process-upload's composition root: its configuration, read once at cold start, and its ports. */
const config = readProcessUploadConfig();
const { clock, documentVersions } = config.local;

export const handler = createProcessUploadHandler(
  {
    ...tablePorts(config.tableName, clock),
    storage: storagePort(config.documentsBucket, documentVersions),
    workflow: workflowPort(config.stateMachineArn),
    clock,
  },
  { documentsBucket: config.documentsBucket },
);
