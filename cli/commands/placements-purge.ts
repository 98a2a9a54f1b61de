/** `placements purge ID [--reason TEXT]`: deletes a student's documents and personal data for one placement. */
import type { PlacementView, PurgeRecord } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { printable } from '../printable-text.js';
import { argument, type Command } from './command.js';

/** What `POST /placements/{placementId}/purge` answers. */
export interface PurgeResponse {
  placement: PlacementView;
  purge: PurgeRecord;
}

const documents = (count: number) => `${count} document${count === 1 ? '' : 's'}`;

export const placementsPurge: Command = {
  words: ['placements', 'purge'],
  arguments: ['ID'],
  options: [{ name: 'reason', value: 'TEXT' }],
  summary:
    "Delete a placement's documents and the student's personal data (stops it first); safe to repeat.\n" +
    '      The reason is kept in the audit record: keep personal data out of it.',
  async run(input, context) {
    const reason = input.options.get('reason');
    const api = await context.api();
    const { body } = await api.send<PurgeResponse>({
      method: 'POST',
      path: apiPath('placements', argument(input, 0), 'purge'),
      body: reason === undefined ? {} : { reason },
    });
    if (context.json) {
      context.printJson(body);
      return 0;
    }
    const { placement, purge } = body;
    context.print(`Placement ${purge.placementId} was purged at ${purge.purgedAt}.`);
    context.print(
      `Deleted: ${documents(purge.documentsDeleted)} (files and records), the student's name, email and id, ` +
        'reasons and history details, and its portal and review links.',
    );
    context.print(
      `Kept: site ${placement.siteId}, program, dates, requirement statuses and status ${placement.status}.`,
    );
    if (purge.reason) context.print(`Reason: ${printable(purge.reason)}`);
    if (purge.requestedBy) context.print(`Requested by: ${purge.requestedBy}`);
    return 0;
  },
};
