import { NotFoundError } from '../core/errors.js';
import type { Placement } from '../core/model/placement.js';
import { isPlacementId } from '../core/placement-id.js';
import type { Ports } from '../core/ports.js';

export const getPlacement = async (
  ports: Pick<Ports, 'placements'>,
  placementId: string,
): Promise<Placement> => {
  // Ids this API never issues are not looked up (a key over 2 KB is an error in DynamoDB itself).
  const placement = isPlacementId(placementId) ? await ports.placements.getPlacement(placementId) : undefined;
  if (!placement) throw new NotFoundError('No such placement.');
  return placement;
};
