import { beforeEach, describe, expect, it } from 'vitest';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { recountCounters } from '../../functions/use-cases/recount-counters.js';
import { generalHospitalPlacement, worldWithGeneralHospital } from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';

let world: InMemoryWorld;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    verification: 'automatic',
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS'],
  });
});

const students = Array.from({ length: 5 }, (_, index) => ({
  id: `S-${index}`,
  name: `Student ${index}`,
  email: `student${index}@school.test`,
}));

const nonZero = (counters: ReadonlyMap<string, number>) =>
  new Map([...counters].filter(([, count]) => count !== 0));

describe('the dashboard counters', () => {
  it('move with every placement write, so they agree with the placements', async () => {
    const ids: string[] = [];
    for (const student of students) {
      const { placement } = await createPlacement(world.ports, generalHospitalPlacement(student));
      await checkCompliance(world.ports, placement.placementId, false);
      ids.push(placement.placementId);
    }
    await cancelPlacement(world.ports, ids[0] ?? '', { reason: 'Withdrew' });
    expect(world.counters.get('status#CANCELLED')).toBe(1);
    expect(world.counters.get('status#AWAITING_DOCUMENTS')).toBe(4);
    expect(world.counters.get('waiting#student')).toBe(4);
  });

  it('are rebuilt by a recount after an update was lost, and a recount of correct counters changes nothing', async () => {
    for (const student of students) {
      const { placement } = await createPlacement(world.ports, generalHospitalPlacement(student));
      await checkCompliance(world.ports, placement.placementId, false);
    }
    const correct = nonZero(world.counters);
    // A lost update: one counter is off, another was never written.
    world.counters.set('status#AWAITING_DOCUMENTS', 2);
    world.counters.delete('waiting#student');
    world.counters.set('status#CLEARED', 7);

    await expect(recountCounters(world.ports)).resolves.toBe(5);
    expect(nonZero(world.counters)).toEqual(correct);

    await recountCounters(world.ports);
    expect(nonZero(world.counters)).toEqual(correct);
  });
});
