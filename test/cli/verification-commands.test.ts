/** The reviewer's commands (`queue`, `documents verify`, `documents reject`) against the fake API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './captured-io.js';
import { type FakeCoordinatorApi, startFakeCoordinatorApi } from './fake-coordinator-api.js';

let api: FakeCoordinatorApi;
const cli = (...args: string[]) => runCliCaptured([...args, '--api', api.url]);

const SITE = {
  name: 'Demo Hospital',
  adminEmails: ['admin@site.example'],
  requirements: ['BLS', 'MMR'],
  verification: 'staff',
};

const placementBody = (id: string) => ({
  student: { id, name: `Student ${id}`, email: `${id}@students.example` },
  siteId: 'demo-hospital',
  program: 'Nursing',
  startDate: '2027-02-01',
  endDate: '2027-03-12',
  coordinatorEmail: 'coordinator@example.edu',
});

beforeAll(async () => {
  api = await startFakeCoordinatorApi();
});
afterAll(async () => {
  await api.close();
});

const createPlacement = async (id: string): Promise<string> => {
  const response = await fetch(`${api.url}/placements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(placementBody(id)),
  });
  return ((await response.json()) as { placementId: string }).placementId;
};

describe('the reviewer commands', () => {
  it('queue lists what waits, filtered by site and requirement; verify and reject decide one document each', async () => {
    await fetch(`${api.url}/sites/demo-hospital`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SITE),
    });
    const placementId = await createPlacement('S-1');
    api.submitDocument(placementId, 'BLS', 'doc_bls1');
    api.submitDocument(placementId, 'MMR', 'doc_mmr1');

    const all = await cli('queue');
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toContain('doc_bls1');
    expect(all.stdout).toContain('doc_mmr1');
    const onlyMmr = await cli('queue', '--site', 'demo-hospital', '--requirement', 'mmr', '--json');
    expect(JSON.parse(onlyMmr.stdout).items.map((item: { documentId: string }) => item.documentId)).toEqual([
      'doc_mmr1',
    ]);

    const verified = await cli('documents', 'verify', placementId, 'doc_bls1', '--expires-on', '2028-01-31');
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toContain(`Verified BLS (doc_bls1) on placement ${placementId}.`);
    const rejected = await cli(
      'documents',
      'reject',
      placementId,
      'doc_mmr1',
      '--reason-code',
      'illegible',
      '--note',
      'The photo is blurred.',
    );
    expect(rejected.exitCode).toBe(0);
    expect(rejected.stdout).toContain('Sent back MMR (doc_mmr1)');
    expect(api.decisions.map((entry) => entry.decision)).toEqual([
      { decision: 'verify', expiresOn: '2028-01-31' },
      { decision: 'reject', reasonCode: 'ILLEGIBLE', note: 'The photo is blurred.' },
    ]);
    expect((await cli('queue')).stdout).toContain('Nothing is waiting for verification.');
  });

  it('reject without --reason-code is a usage error; OTHER without a note is the API’s 400 naming note', async () => {
    const placementId = await createPlacement('S-2');
    api.submitDocument(placementId, 'BLS', 'doc_bls2');
    const noCode = await cli('documents', 'reject', placementId, 'doc_bls2');
    expect(noCode.exitCode).toBe(2);
    expect(noCode.stderr).toContain('--reason-code');
    const noNote = await cli('documents', 'reject', placementId, 'doc_bls2', '--reason-code', 'OTHER');
    expect(noNote.exitCode).toBe(1);
    expect(noNote.stderr).toContain('note');
  });

  it('a second decision on the same document reports ALREADY_DECIDED', async () => {
    const placementId = await createPlacement('S-3');
    api.submitDocument(placementId, 'BLS', 'doc_bls3');
    expect((await cli('documents', 'verify', placementId, 'doc_bls3')).exitCode).toBe(0);
    const again = await cli('documents', 'verify', placementId, 'doc_bls3');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already decided');
  });

  it('the usage text lists the reviewer commands', async () => {
    const help = await runCliCaptured(['help']);
    expect(help.stdout).toContain('queue [--site SITE_ID] [--requirement CODE]');
    expect(help.stdout).toContain('documents verify PLACEMENT_ID DOCUMENT_ID');
    expect(help.stdout).toContain('documents reject PLACEMENT_ID DOCUMENT_ID --reason-code CODE');
  });
});
