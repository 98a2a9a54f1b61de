import type { Placement } from '../core/model/placement.js';
import { toRequirementView } from '../core/placement-view.js';
import type { Ports } from '../core/ports.js';
import { dateFieldFor, requirementCodeOf, resolveRequirement } from '../core/requirement-catalogue.js';
import { openLink } from './open-link.js';

/** What the student's portal shows: their rotation and, per requirement, its status and what to upload. */
export const showPortal = async (ports: Pick<Ports, 'links' | 'placements' | 'clock'>, token: string) => {
  const { placement } = await openLink(ports, token, 'portal');
  return {
    placement,
    requirements: placement.requirements.map((requirement) => {
      const spec =
        placement.rules.find((rule) => requirementCodeOf(rule) === requirement.code) ?? requirement.code;
      return {
        ...toRequirementView(requirement),
        evidence: resolveRequirement(spec).evidence,
        dateField: dateFieldFor(requirement.code),
      };
    }),
  };
};

/** The JSON the portal page polls: `{placementId, status, requirements}`. */
export const portalStatus = async (ports: Pick<Ports, 'links' | 'placements' | 'clock'>, token: string) => {
  const { placement } = await openLink(ports, token, 'portal');
  return statusOf(placement);
};

const statusOf = (placement: Placement) => ({
  placementId: placement.placementId,
  status: placement.status,
  requirements: placement.requirements.map(toRequirementView),
});
