import { describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { waitUntil } from '../../local/actors/wait-until.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { newScenario } from './support/scenario.js';
import { createScenarioPlacement } from './support/scenario-placement.js';
import { storedKeys } from './support/stored-documents.js';
import type { PlacementJson } from './support/test-cloud.js';

const cloud = cloudForFile();

interface PurgeJson {
  placement: PlacementJson & { student: { id: string; name: string; email: string } };
  purge: {
    placementId: string;
    purgedAt: string;
    documentsDeleted: number;
    reason?: string;
    requestedBy?: string;
  };
}

describe('purging a placement through the local cloud', () => {
  it('deletes its documents from storage, the student from the placement and its links, once', async () => {
    const scenario = newScenario('purge');
    const placementId = await createScenarioPlacement(cloud, scenario);
    const student = await cloud.studentFor(scenario.studentEmail);
    await student.upload('BLS', scenario.validDates('BLS'));
    await student.upload('TB', scenario.validDates('TB'));
    await waitUntil('both uploads accepted', async () => {
      const placement = await cloud.placement(placementId);
      const accepted = placement.requirements.filter((requirement) => requirement.status === 'ACCEPTED');
      return accepted.length === 2 ? placement : undefined;
    });
    expect(await storedKeys(cloud, placementId)).toHaveLength(2);

    const purge = await requestJson<PurgeJson>(`${cloud.api}/placements/${placementId}/purge`, {
      method: 'POST',
      body: { reason: 'Data deletion request #7' },
    });

    expect(purge.status).toBe(200);
    expect(purge.body.purge).toMatchObject({
      placementId,
      documentsDeleted: 2,
      reason: 'Data deletion request #7',
      // The local API gateway's stand-in for the IAM caller.
      requestedBy: expect.stringMatching(/^arn:aws:iam::\d{12}:user\/local-coordinator$/),
    });
    expect(purge.body.placement.status).toBe('CANCELLED');
    expect(await storedKeys(cloud, placementId)).toEqual([]);

    const shown = JSON.stringify(await cloud.placement(placementId));
    expect(shown).not.toContain('Robin Example');
    expect(shown).not.toContain(scenario.studentEmail);
    expect(shown).toContain('PURGED');

    expect((await student.status()).status).toBe(404);
    expect((await fetch(student.portalUrl)).status).toBe(404);

    const again = await requestJson<PurgeJson>(`${cloud.api}/placements/${placementId}/purge`, {
      method: 'POST',
      body: {},
    });
    expect(again.status).toBe(200);
    expect(again.body.purge).toEqual(purge.body.purge);
    expect(again.body.placement).toEqual(purge.body.placement);
  });

  it('answers 404 NOT_FOUND for an unknown placement', async () => {
    const unknown = await requestJson<{ error: { code: string } }>(
      `${cloud.api}/placements/pl_aaaaaaaaaaaaaaaaaaaaaaaaaa/purge`,
      { method: 'POST', body: {} },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
