/** `placements retry ID`. */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { argument, type Command } from './command.js';

export const placementsRetry: Command = {
  words: ['placements', 'retry'],
  arguments: ['ID'],
  summary: 'Start a FAILED placement over in a new workflow execution (once its cause is fixed).',
  async run(input, context) {
    const api = await context.api();
    const { body: placement } = await api.send<PlacementView>({
      method: 'POST',
      path: apiPath('placements', argument(input, 0), 'retry'),
      body: {},
    });
    if (context.json) {
      context.printJson(placement);
    } else {
      context.print(`Placement ${placement.placementId} is ${placement.status} again, in a new execution.`);
      context.print(formatPlacement(placement));
    }
    return 0;
  },
};
