import { NotFoundError } from '../core/errors.js';
import type { Site } from '../core/model/site.js';
import type { Ports } from '../core/ports.js';
import { checkIdentifier } from '../core/validation/field-checks.js';

export const getSite = async (ports: Pick<Ports, 'sites'>, siteId: string): Promise<Site> => {
  // A site id no PUT could have created is not looked up.
  const valid = checkIdentifier([], siteId, 'siteId') !== undefined;
  const site = valid ? await ports.sites.getSite(siteId) : undefined;
  if (!site) throw new NotFoundError('No such site.');
  return site;
};
