import { expect } from 'vitest';
import type { newScenario } from './scenario.js';
import type { TestCloud } from './test-cloud.js';

/** Stores the scenario's site (200) and creates its placement through the API (201); the placement's id. */
export const createScenarioPlacement = async (
  cloud: TestCloud,
  scenario: ReturnType<typeof newScenario>,
): Promise<string> => {
  expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
  const created = await cloud.createPlacement(scenario.placement());
  expect(created.status).toBe(201);
  return created.body.placementId;
};
