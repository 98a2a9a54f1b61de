/** `placements show ID`. */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { argument, type Command } from './command.js';

export const placementsShow: Command = {
  words: ['placements', 'show'],
  arguments: ['ID'],
  summary: 'Show a placement: its fields, requirements and history.',
  async run(input, context) {
    const api = await context.api();
    const { body: placement } = await api.send<PlacementView>({
      method: 'GET',
      path: apiPath('placements', argument(input, 0)),
    });
    if (context.json) context.printJson(placement);
    else context.print(formatPlacement(placement));
    return 0;
  },
};
