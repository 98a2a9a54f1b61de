import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../functions/core/errors.js';
import { cancelPlacement } from '../../functions/use-cases/cancel-placement.js';
import { checkCompliance } from '../../functions/use-cases/check-compliance.js';
import { collectDocuments } from '../../functions/use-cases/collect-documents.js';
import { createPlacement } from '../../functions/use-cases/create-placement.js';
import { recordFailure } from '../../functions/use-cases/record-failure.js';
import { retryPlacement } from '../../functions/use-cases/retry-placement.js';
import { generalHospitalPlacement, worldWithGeneralHospital } from '../support/general-hospital.js';
import type { InMemoryWorld } from '../support/in-memory-ports.js';

let world: InMemoryWorld;

beforeEach(async () => {
  world = await worldWithGeneralHospital({
    // Today's behaviour: uploads that pass the file checks are accepted without a staff verifier.
    verification: 'automatic',
    adminEmails: ['ward-admin@hospital.test'],
    requirements: ['BLS', 'HIPAA_TRAINING'],
  });
});

/** A placement whose first execution failed: checked once, then RecordFailure ran. */
const failedPlacement = async () => {
  const { placement } = await createPlacement(
    world.ports,
    generalHospitalPlacement({ id: 'S-1', name: 'Ada Student', email: 'ada@student.test' }),
  );
  await checkCompliance(world.ports, placement.placementId, false);
  await recordFailure(world.ports, { placementId: placement.placementId, error: 'TypeError' });
  expect(world.placementsById.get(placement.placementId)?.status).toBe('FAILED');
  return placement.placementId;
};

describe('retrying a FAILED placement', () => {
  it('moves it back to CHECKING with a history entry, and starts a new execution it remembers', async () => {
    const placementId = await failedPlacement();

    const retried = await retryPlacement(world.ports, placementId);

    expect(retried.status).toBe('CHECKING');
    expect(retried.failure).toBeUndefined();
    expect(retried.executionName).toBe(`${placementId}-retry-1`);
    expect(retried.history.at(-1)).toMatchObject({
      type: 'RETRIED',
      detail: `After TypeError; new execution ${placementId}-retry-1.`,
    });
    expect(world.started).toEqual([placementId, `${placementId}-retry-1`]);
    expect(world.placementsById.get(placementId)).toMatchObject({
      status: 'CHECKING',
      version: retried.version,
    });
    // The new execution's first task takes it on as usual.
    expect((await checkCompliance(world.ports, placementId, false)).next).toBe('COLLECT_DOCUMENTS');
  });

  it('names each further retry’s execution apart from the earlier ones', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);
    await recordFailure(world.ports, { placementId, error: 'TypeError' });

    const second = await retryPlacement(world.ports, placementId);

    expect(second.executionName).toBe(`${placementId}-retry-2`);
    expect(world.started).toEqual([placementId, `${placementId}-retry-1`, `${placementId}-retry-2`]);
  });

  it('lets cancel stop the execution of the retry, not the failed one', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);

    await cancelPlacement(world.ports, placementId, { reason: 'Student withdrew' });

    expect(world.stopped).toEqual([`${placementId}-retry-1`]);
  });

  it('retries once under a double call: one RETRIED entry, one new execution, the same answer twice', async () => {
    const placementId = await failedPlacement();

    const results = await Promise.all([
      retryPlacement(world.ports, placementId),
      retryPlacement(world.ports, placementId),
    ]);

    expect(results.map((placement) => placement.executionName)).toEqual([
      `${placementId}-retry-1`,
      `${placementId}-retry-1`,
    ]);
    const stored = world.placementsById.get(placementId);
    expect(stored?.history.filter((entry) => entry.type === 'RETRIED')).toHaveLength(1);
    expect(world.started).toEqual([placementId, `${placementId}-retry-1`]);
  });

  it('starts the recorded execution on a repeat when the first call stopped before StartExecution', async () => {
    const placementId = await failedPlacement();
    const start = world.ports.workflow.start;
    world.ports.workflow.start = async () => {
      throw new Error('Step Functions unavailable');
    };
    await expect(retryPlacement(world.ports, placementId)).rejects.toThrow('unavailable');
    world.ports.workflow.start = start;

    const repeated = await retryPlacement(world.ports, placementId);

    expect(repeated.executionName).toBe(`${placementId}-retry-1`);
    expect(world.started).toEqual([placementId, `${placementId}-retry-1`]);
  });

  it('refuses a placement that is not FAILED with a conflict naming its status, and starts nothing', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);
    await checkCompliance(world.ports, placementId, false);
    const before = world.placementsById.get(placementId);

    const refused = retryPlacement(world.ports, placementId);

    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow('The placement is AWAITING_DOCUMENTS');
    expect(world.placementsById.get(placementId)).toEqual(before);
    expect(world.started).toHaveLength(2);
  });

  it('answers NotFoundError for an unknown placement', async () => {
    await expect(retryPlacement(world.ports, 'pl_unknown')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('ignores a late RecordFailure from the execution the retry replaced: the new run keeps its state and task', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);
    await checkCompliance(world.ports, placementId, false);
    await collectDocuments(world.ports, { placementId, taskToken: 'token-of-retry-1', reminder: false });
    const before = world.placementsById.get(placementId);
    expect(before?.pendingTask?.token).toBe('token-of-retry-1');
    const emailsBefore = world.outbox.length;

    // The first execution's RecordFailure, still retrying, reports its failure again.
    await recordFailure(world.ports, { placementId, executionName: placementId, error: 'TypeError' });

    expect(world.placementsById.get(placementId)).toEqual(before);
    expect(world.outbox).toHaveLength(emailsBefore);
  });

  it('records a failure of the retry’s own execution', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);
    await checkCompliance(world.ports, placementId, false);

    await recordFailure(world.ports, {
      placementId,
      executionName: `${placementId}-retry-1`,
      error: 'TypeError',
    });

    const stored = world.placementsById.get(placementId);
    expect(stored?.status).toBe('FAILED');
    expect(stored?.failure).toEqual({ error: 'TypeError' });
  });
});

describe('re-importing a retried placement', () => {
  it('re-starts the execution of the retry, not the failed first one', async () => {
    const placementId = await failedPlacement();
    await retryPlacement(world.ports, placementId);
    const starts: string[] = [];
    const start = world.ports.workflow.start;
    world.ports.workflow.start = async (name, input) => {
      starts.push(name);
      await start(name, input);
    };

    const { placement, created } = await createPlacement(
      world.ports,
      generalHospitalPlacement({ id: 'S-1', name: 'Ada Student', email: 'ada@student.test' }),
    );

    expect(created).toBe(false);
    expect(placement.status).toBe('CHECKING');
    expect(starts).toEqual([`${placementId}-retry-1`]);
  });
});
