/** `sites put FILE.json`: creates or replaces a site from a file holding `siteId` and the PUT body. */
import { apiPath } from '../api-client.js';
import { readInputFile } from '../read-input-file.js';
import { formatSite, type SiteView } from '../site-output.js';
import { argument, type Command } from './command.js';

export const sitesPut: Command = {
  words: ['sites', 'put'],
  arguments: ['FILE.json'],
  summary:
    'Create or replace a site from a JSON file ({"siteId", "name", "adminEmails", "requirements", ...}).',
  async run(input, context) {
    const file = argument(input, 0);
    const text = await readInputFile(context.io.cwd, file);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      throw new Error(`${file} must hold a JSON object with "siteId" and the site's fields.`);
    }
    const { siteId, ...body } = definition as Record<string, unknown>;
    if (typeof siteId !== 'string' || siteId.trim() === '') {
      throw new Error(`${file} has no "siteId" (a non-empty string).`);
    }

    const api = await context.api();
    const { body: site } = await api.send<SiteView>({
      method: 'PUT',
      path: apiPath('sites', siteId.trim()),
      body,
    });
    if (context.json) {
      context.printJson(site);
    } else {
      context.print(`Saved site ${site.siteId}.`);
      context.print(formatSite(site));
    }
    return 0;
  },
};
