/** `placements waive ID CODE --reason TEXT`. */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacement } from '../placement-output.js';
import { argument, type Command, requiredOption } from './command.js';

export const placementsWaive: Command = {
  words: ['placements', 'waive'],
  arguments: ['ID', 'CODE'],
  options: [{ name: 'reason', value: 'TEXT', required: true }],
  summary: 'Waive one requirement of a placement (CODE as in the catalogue, e.g. INFLUENZA).',
  async run(input, context) {
    const placementId = argument(input, 0);
    const requirementCode = argument(input, 1).toUpperCase();
    const api = await context.api();
    const { body: placement } = await api.send<PlacementView>({
      method: 'POST',
      path: apiPath('placements', placementId, 'waivers'),
      body: { requirementCode, reason: requiredOption(input, 'reason') },
    });
    if (context.json) {
      context.printJson(placement);
    } else {
      context.print(`Waived ${requirementCode} on placement ${placement.placementId}.`);
      context.print(formatPlacement(placement));
    }
    return 0;
  },
};
