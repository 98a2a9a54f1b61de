/** `sites show ID`. */
import { apiPath } from '../api-client.js';
import { formatSite, type SiteView } from '../site-output.js';
import { argument, type Command } from './command.js';

export const sitesShow: Command = {
  words: ['sites', 'show'],
  arguments: ['ID'],
  summary: 'Show a site and its requirements.',
  async run(input, context) {
    const api = await context.api();
    const { body: site } = await api.send<SiteView>({
      method: 'GET',
      path: apiPath('sites', argument(input, 0)),
    });
    if (context.json) context.printJson(site);
    else context.print(formatSite(site));
    return 0;
  },
};
