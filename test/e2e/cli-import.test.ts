import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { runCliCaptured } from '../cli/captured-io.js';
import { newScenario } from './support/scenario.js';
import { TestCloud } from './support/test-cloud.js';

const HEADER = 'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';
const ROWS = 200;
/** Data rows whose number in the file (the header is row 1) is this are broken in the first file. */
const BAD_ROWS = new Set([5, 101, 200]);

let cloud: TestCloud;
let directory: string;

beforeAll(async () => {
  cloud = await TestCloud.start();
  directory = await mkdtemp(join(tmpdir(), 'onboarding-cli-'));
});

afterAll(async () => {
  await cloud?.stop();
});

describe('the coordinator CLI against the local cloud', () => {
  it('imports a 200-row CSV: nothing from a file with 3 bad rows, everything from the fixed one, nothing twice on a re-run', async () => {
    const scenario = newScenario('import');
    expect((await cloud.putSite(scenario.siteId, { ...scenario.site, requirements: ['BLS'] })).status).toBe(
      200,
    );
    const { startDate, endDate } = scenario.rotation;
    const row = (n: number, broken: boolean) =>
      [
        `import-${process.pid}-${n}`,
        `"Student ${n}, Jr."`,
        broken && n === 5 ? 'not-an-email' : `student${n}@students.test`,
        scenario.siteId,
        'BSc Nursing',
        broken && n === 101 ? '2027-02-30' : startDate,
        broken && n === 200 ? '' : endDate,
        scenario.coordinatorEmail,
      ].join(',');
    const csv = (broken: boolean) =>
      [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 2, broken && BAD_ROWS.has(i + 2)))].join(
        '\n',
      );
    const badFile = join(directory, 'bad.csv');
    const goodFile = join(directory, 'good.csv');
    await writeFile(badFile, csv(true));
    await writeFile(goodFile, csv(false));
    const env = { ONBOARDING_API_URL: cloud.api };

    const bad = await runCliCaptured(['placements', 'import', badFile], { env });
    expect(bad.exitCode).not.toBe(0);
    for (const n of BAD_ROWS) expect(bad.stderr).toMatch(new RegExp(`row ${n}\\b`));
    const afterBad = await requestJson<{ items: unknown[] }>(
      `${cloud.api}/placements?siteId=${scenario.siteId}`,
    );
    expect(afterBad.body.items).toHaveLength(0);

    const good = await runCliCaptured(['placements', 'import', goodFile, '--json'], { env });
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ created: ROWS, existed: 0 });

    const again = await runCliCaptured(['placements', 'import', goodFile, '--json'], { env });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, existed: ROWS });

    let cursor: string | undefined;
    let listed = 0;
    do {
      const page = await requestJson<{ items: unknown[]; cursor?: string }>(
        `${cloud.api}/placements?siteId=${scenario.siteId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      listed += page.body.items.length;
      cursor = page.body.cursor;
    } while (cursor);
    expect(listed).toBe(ROWS);
  }, 240_000);
});
