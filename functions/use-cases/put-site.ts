import { ConcurrentUpdateError } from '../core/errors.js';
import type { Site } from '../core/model/site.js';
import type { Ports } from '../core/ports.js';
import { parseSiteInput } from '../core/validation/site-input.js';

/** Creates or replaces a site's profile. Running placements keep the rules they started with. */
export const putSite = async (
  ports: Pick<Ports, 'sites' | 'clock'>,
  siteId: string,
  body: unknown,
): Promise<{ site: Site; created: boolean }> => {
  const input = parseSiteInput(siteId, body);
  for (let attempt = 1; ; attempt++) {
    const existing = await ports.sites.getSite(input.siteId);
    const now = ports.clock.now().toISOString();
    const site: Site = {
      ...input,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    try {
      await ports.sites.saveSite(site, existing?.version);
      return { site, created: !existing };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= 3) throw error;
    }
  }
};
