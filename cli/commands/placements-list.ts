/** `placements list`: one page, or every page with --all (following the API's cursors). */
import type { PlacementView } from '../../functions/contract/index.js';
import { apiPath } from '../api-client.js';
import { formatPlacementList } from '../placement-output.js';
import type { Command } from './command.js';

interface PlacementPage {
  items: PlacementView[];
  cursor?: string;
}

export const placementsList: Command = {
  words: ['placements', 'list'],
  arguments: [],
  options: [
    { name: 'site', value: 'SITE_ID' },
    { name: 'status', value: 'STATUS' },
    { name: 'limit', value: 'N' },
    { name: 'cursor', value: 'CURSOR' },
  ],
  switches: ['all'],
  summary: 'List placements, one page at a time; --all follows every page.',
  async run(input, context) {
    const api = await context.api();
    const status = input.options.get('status')?.toUpperCase();
    const fetchPage = async (cursor: string | undefined) =>
      (
        await api.send<PlacementPage>({
          method: 'GET',
          path: apiPath('placements'),
          query: { siteId: input.options.get('site'), status, limit: input.options.get('limit'), cursor },
        })
      ).body;

    const first = await fetchPage(input.options.get('cursor'));
    if (!input.switches.has('all')) {
      if (context.json) {
        context.printJson(first);
      } else {
        context.print(formatPlacementList(first.items));
        if (first.cursor) context.warn(`More placements follow: add --cursor ${first.cursor} or use --all.`);
      }
      return 0;
    }

    const items = [...first.items];
    const seen = new Set<string>();
    let cursor = first.cursor;
    while (cursor !== undefined) {
      if (seen.has(cursor)) throw new Error('The API returned the same cursor twice; stopping.');
      seen.add(cursor);
      const page = await fetchPage(cursor);
      items.push(...page.items);
      cursor = page.cursor;
    }
    if (context.json) context.printJson({ items });
    else context.print(formatPlacementList(items));
    return 0;
  },
};
