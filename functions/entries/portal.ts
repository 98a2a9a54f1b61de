import { uploadFormsPort } from '../composition/storage-port.js';
import { tablePorts } from '../composition/table-ports.js';
import { readPortalConfig } from '../config/function-config.js';
import { createPortalHandler } from '../handlers/portal.js';

/** portal's composition root: its configuration, read once at cold start, and its ports. */
const config = readPortalConfig();
const { clock } = config.local;

export const handler = createPortalHandler(
  { ...tablePorts(config.tableName, clock), storage: uploadFormsPort(config.documentsBucket), clock },
  { publicBaseUrl: config.publicBaseUrl },
);
