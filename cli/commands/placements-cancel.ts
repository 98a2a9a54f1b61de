/** `placements cancel ID [--reason TEXT]`. */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { argument, type Command } from './command.js';

export const placementsCancel: Command = {
  words: ['placements', 'cancel'],
  arguments: ['ID'],
  options: [{ name: 'reason', value: 'TEXT' }],
  summary: 'Cancel a placement (stops its workflow).',
  async run(input, context) {
    const reason = input.options.get('reason');
    const api = await context.api();
    const { body: placement } = await api.send<PlacementView>({
      method: 'POST',
      path: apiPath('placements', argument(input, 0), 'cancel'),
      body: reason === undefined ? {} : { reason },
    });
    if (context.json) {
      context.printJson(placement);
    } else {
      context.print(`Placement ${placement.placementId} is ${placement.status}.`);
      context.print(formatPlacement(placement));
    }
    return 0;
  },
};
