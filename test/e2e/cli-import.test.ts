import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../local/actors/http-json.js';
import { runCliCaptured } from '../cli/captured-io.js';
import { cloudForFile } from './support/cloud-for-file.js';
import { newScenario } from './support/scenario.js';
import { createScenarioPlacement } from './support/scenario-placement.js';

const HEADER = 'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';
const ROWS = 200;
/** Data rows whose number in the file (the header is row 1) is this are broken in the first file. */
const BAD_ROWS = new Set([5, 101, 200]);

const cloud = cloudForFile();
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'onboarding-cli-'));
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

  it('creates nothing and emails no one, in --dry-run or for real, when one well-formed row names a site that does not exist', async () => {
    const scenario = newScenario('import-unknown-site');
    expect((await cloud.putSite(scenario.siteId, scenario.site)).status).toBe(200);
    const missingSite = `no-such-site-${process.pid}`;
    const studentEmail = (n: number) => `unknown-site-${process.pid}-${n}@students.test`;
    const row = (n: number, siteId: string) =>
      [
        `unknown-site-${process.pid}-${n}`,
        `Student ${n}`,
        studentEmail(n),
        siteId,
        'BSc Nursing',
        scenario.rotation.startDate,
        scenario.rotation.endDate,
        scenario.coordinatorEmail,
      ].join(',');
    const file = join(directory, 'unknown-site.csv');
    await writeFile(
      file,
      [HEADER, row(2, scenario.siteId), row(3, missingSite), row(4, scenario.siteId)].join('\n'),
    );
    const env = { ONBOARDING_API_URL: cloud.api };

    for (const extra of [['--dry-run'], []]) {
      const run = await runCliCaptured(['placements', 'import', file, ...extra], { env });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(`row 3, siteId: no site "${missingSite}" exists; create it first`);
      expect(run.stderr).toContain('1 row is not valid; nothing was created.');
    }
    const listed = await requestJson<{ items: unknown[] }>(
      `${cloud.api}/placements?siteId=${scenario.siteId}`,
    );
    expect(listed.body.items).toHaveLength(0);

    // A placement created after the refused import has had its portal email: mail is flowing, and
    // none went to the import's students.
    const control = newScenario('import-unknown-site-control');
    await createScenarioPlacement(cloud, control);
    await cloud.studentFor(control.studentEmail);
    const sentToImport = (await cloud.mailbox.all()).filter((email) =>
      [2, 3, 4].some((n) => email.destination.to.includes(studentEmail(n))),
    );
    expect(sentToImport).toEqual([]);
  }, 240_000);
});
