import { NotFoundError } from '../core/errors.js';
import type { Site } from '../core/model/site.js';
import type { Ports } from '../core/ports.js';

export const getSite = async (ports: Pick<Ports, 'sites'>, siteId: string): Promise<Site> => {
  const site = await ports.sites.getSite(siteId);
  if (!site) throw new NotFoundError(`No site ${siteId}.`);
  return site;
};
