import type { PlacementPage, Ports } from '../core/ports.js';
import { parseListQuery } from '../core/validation/list-query.js';

export const listPlacements = async (
  ports: Pick<Ports, 'placements'>,
  query: Record<string, string | undefined>,
): Promise<PlacementPage> => ports.placements.listPlacements(parseListQuery(query));
