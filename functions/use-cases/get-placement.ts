import { NotFoundError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import type { Ports } from '../core/ports.js';

export const getPlacement = async (
  ports: Pick<Ports, 'placements'>,
  placementId: string,
): Promise<Placement> => {
  const placement = await ports.placements.getPlacement(placementId);
  if (!placement) throw new NotFoundError(`No placement ${placementId}.`);
  return placement;
};
