import { beforeEach, describe, expect, it } from 'vitest';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { requestSiteApproval } from '../../functions/use-cases/request-site-approval.js';
import { waiveRequirement } from '../../functions/use-cases/waive-requirement.js';
import { generalHospitalPlacement, worldWithGeneralHospital } from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';

const STUDENT = { id: 'S-1', name: 'Ada Student', email: 'ada@student.test' };
const ADMINS = ['ward-admin@hospital.test', 'nurse-manager@hospital.test'];
const COORDINATOR = 'coordinator@school.test';

let world: InMemoryWorld;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    // Today's behaviour: uploads that pass the file checks are accepted without a staff verifier.
    verification: 'automatic',
    adminEmails: ADMINS,
    requirements: ['BLS'],
  });
});

const newPlacement = async () => {
  const { placement } = await createPlacement(
    world.ports,
    generalHospitalPlacement(STUDENT, { coordinatorEmail: COORDINATOR }),
  );
  await checkCompliance(world.ports, placement.placementId, false);
  return placement.placementId;
};

/** A placement whose packet went to the site admins (each got a review link). */
const placementUnderReview = async () => {
  const placementId = await newPlacement();
  await waiveRequirement(world.ports, placementId, { requirementCode: 'BLS', reason: 'Card seen in person' });
  await checkCompliance(world.ports, placementId, false);
  await requestSiteApproval(world.ports, { placementId, taskToken: 'token-1', reminder: false });
  world.outbox.length = 0;
  return placementId;
};

const recipients = () => world.outbox.map((message) => message.to);

describe('cancelling a placement tells the people waiting on it', () => {
  it('emails the student alone, with the reason, when the site was never asked to review', async () => {
    const placementId = await newPlacement();
    world.outbox.length = 0;

    const cancelled = await cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' });

    expect(recipients()).toEqual([[STUDENT.email]]);
    expect(world.outbox[0]?.subject).toBe('Your placement at General Hospital was cancelled');
    expect(world.outbox[0]?.text).toContain('Reason given: Student withdrew');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toMatchObject({
      type: 'OUTCOME_NOTIFIED',
      detail: 'CANCELLED: student',
    });
  });

  it('also emails each site admin who had been asked to review, one email each, without the reason', async () => {
    const placementId = await placementUnderReview();

    await cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' });

    expect(recipients()).toEqual([[STUDENT.email], [ADMINS[0]], [ADMINS[1]]]);
    for (const toSite of world.outbox.slice(1)) {
      expect(toSite.subject).toBe('Ada Student’s placement was cancelled');
      expect(toSite.text).not.toContain('Student withdrew');
    }
    expect(recipients().flat()).not.toContain(COORDINATOR);
  });

  it('sends nothing twice when cancelled twice, even concurrently', async () => {
    const placementId = await placementUnderReview();

    await Promise.all([
      cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' }),
      cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' }),
    ]);
    await cancelPlacement(world.ports, placementId, {});

    expect(recipients()).toHaveLength(3);
    expect(new Set(recipients().flat()).size).toBe(3);
  });

  it('sends on a repeated cancel what a failed send left out, and only that', async () => {
    const placementId = await placementUnderReview();
    world.failNextSends = 2;

    await expect(cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' })).rejects.toThrow(
      'Rate exceeded',
    );
    expect(world.placementsById.get(placementId)?.status).toBe('CANCELLED');
    expect(recipients()).toEqual([]);

    await expect(cancelPlacement(world.ports, placementId, {})).rejects.toThrow('Rate exceeded');
    await cancelPlacement(world.ports, placementId, {});

    expect(recipients()).toEqual([[STUDENT.email], [ADMINS[0]], [ADMINS[1]]]);
    expect(world.outbox[0]?.text).toContain('Reason given: Student withdrew');
  });
});
