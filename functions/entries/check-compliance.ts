import { tablePorts } from '../composition/table-ports.js';
import { readCheckComplianceConfig } from '../config/function-config.js';
import { createCheckComplianceHandler } from '../handlers/check-compliance.js';

/** check-compliance's composition root: its configuration, read once at cold start, and its ports. */
const config = readCheckComplianceConfig();
const { clock } = config.local;

export const handler = createCheckComplianceHandler({ ...tablePorts(config.tableName, clock), clock });
