import { putSite } from '../../functions/use-cases/put-site.js';
import { InMemoryWorld } from './in-memory-ports.js';

export const GENERAL_HOSPITAL = 'general-hospital';

/** A fresh in-memory world with one site stored: General Hospital, with the given admins, requirements and rules. */
export const worldWithGeneralHospital = async (site: Record<string, unknown>): Promise<InMemoryWorld> => {
  const world = new InMemoryWorld();
  await putSite(world.ports, GENERAL_HOSPITAL, { name: 'General Hospital', ...site });
  return world;
};

/** A create-placement body: the student's BSc Nursing rotation at General Hospital, 2026-03-02 to 2026-04-24. */
export const generalHospitalPlacement = (
  student: { id: string; name: string; email: string },
  overrides: Record<string, unknown> = {},
) => ({
  student,
  siteId: GENERAL_HOSPITAL,
  program: 'BSc Nursing',
  startDate: '2026-03-02',
  endDate: '2026-04-24',
  coordinatorEmail: 'coordinator@school.test',
  ...overrides,
});
