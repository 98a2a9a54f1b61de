import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { newScenario } from './support/scenario.js';
import { createScenarioPlacement } from './support/scenario-placement.js';
import { storedKeys } from './support/stored-documents.js';

/**
 * Virtual time runs 200,000 times faster: a virtual day passes in 0.43 s, so a rotation that starts in
 * 60 days, lasts one, and is kept for the dev stage's 30 retention days is due in about 40 s.
 */
const TIME_SCALE = 200_000;

const cloud = cloudForFile({ timeScale: TIME_SCALE });

const retentionFunction = () => {
  const fn = cloud.cloud.model.functions.find((candidate) =>
    candidate.logicalId.startsWith('ApplyRetention'),
  );
  if (!fn) throw new Error('the template has no retention function');
  return fn;
};

describe('the retention sweep through the local cloud', () => {
  it('runs the template’s daily retention schedule locally', () => {
    expect(cloud.cloud.schedules).toContainEqual(
      expect.objectContaining({
        ruleId: expect.stringMatching(/^RetentionSchedule/),
        expression: 'cron(15 3 * * ? *)',
        functionNames: [retentionFunction().functionName],
      }),
    );
  });

  it('deletes a placement’s documents once its rotation ended the retention days ago, not before', async () => {
    const scenario = newScenario('retention', { startInDays: 60, lengthDays: 1 });
    const placementId = await createScenarioPlacement(cloud, scenario);
    const student = await cloud.studentFor(scenario.studentEmail);
    await student.upload('BLS', scenario.validDates('BLS'));
    await waitUntil('the upload accepted', async () =>
      (await storedKeys(cloud, placementId)).length === 1 ? true : undefined,
    );
    const cancelled = await requestJson(`${cloud.api}/placements/${placementId}/cancel`, {
      method: 'POST',
      body: {},
    });
    expect(cancelled.status).toBe(200);

    const sweep = () => cloud.cloud.invoke(retentionFunction().functionName, { source: 'aws.events' });
    expect((await sweep()).ok).toBe(true);
    expect(await storedKeys(cloud, placementId)).toHaveLength(1);

    // Virtual time passes the rotation's end plus the retention days; the local cloud's daily run of the
    // RetentionSchedule rule clears it, with no invocation from here.
    await waitUntil(
      'the scheduled sweep to delete the documents',
      async () => ((await storedKeys(cloud, placementId)).length === 0 ? true : undefined),
      90_000,
    );
    const placement = await cloud.placement(placementId);
    expect(placement.history.at(-1)).toMatchObject({ type: 'DOCUMENTS_DELETED' });
  }, 120_000);
});
