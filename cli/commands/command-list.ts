/** Every command, in the order the usage text lists them. */
import type { Command } from './command.js';
import { documentsReject, documentsVerify } from './document-decision.js';
import { events } from './events.js';
import { placementsCancel } from './placements-cancel.js';
import { placementsCreate } from './placements-create.js';
import { placementsImport } from './placements-import.js';
import { placementsList } from './placements-list.js';
import { placementsPurge } from './placements-purge.js';
import { placementsRetry } from './placements-retry.js';
import { placementsShow } from './placements-show.js';
import { placementsWaive } from './placements-waive.js';
import { sitesPut } from './sites-put.js';
import { sitesShow } from './sites-show.js';
import { verificationQueue } from './verification-queue.js';

export const COMMANDS: readonly Command[] = [
  sitesPut,
  sitesShow,
  placementsCreate,
  placementsImport,
  placementsList,
  placementsShow,
  placementsWaive,
  placementsCancel,
  placementsPurge,
  placementsRetry,
  verificationQueue,
  documentsVerify,
  documentsReject,
  events,
];
