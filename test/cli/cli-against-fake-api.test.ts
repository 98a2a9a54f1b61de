/**
 * The CLI end to end against an in-process fake of the coordinator API: in-process through
 * runCli for most checks, and as a child process through cli/bin.js to prove the bin works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './captured-io.js';
import { type FakeCoordinatorApi, startFakeCoordinatorApi } from './fake-coordinator-api.js';

const HEADER = 'studentId,studentName,studentEmail,siteId,program,startDate,endDate,coordinatorEmail';

interface CsvRow {
  studentId: string;
  studentName: string;
  studentEmail: string;
  siteId: string;
  program: string;
  startDate: string;
  endDate: string;
  coordinatorEmail: string;
}

const csvRow = (index: number, overrides: Partial<CsvRow> = {}): string => {
  const row: CsvRow = {
    studentId: `C-${1000 + index}`,
    studentName: `Student ${index}`,
    studentEmail: `student${index}@students.example.edu`,
    siteId: 'demo-hospital',
    program: 'BSc Nursing, year 3',
    startDate: '2027-02-01',
    endDate: '2027-03-12',
    coordinatorEmail: 'coordinator@example.edu',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => {
      const value = row[column as keyof CsvRow];
      return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
};

/** 200 placements; row N of the file is data index N - 2. */
const BAD_ROWS: Record<number, Partial<CsvRow>> = {
  17: { studentEmail: 'student15-at-example' },
  88: { endDate: '2027-01-15' },
  150: { studentName: '' },
};
const placementsCsv = (withBadRows: boolean) =>
  `\uFEFF${[
    HEADER,
    ...Array.from({ length: 200 }, (_, index) => csvRow(index, withBadRows ? BAD_ROWS[index + 2] : {})),
  ].join('\r\n')}\r\n\r\n`;

const runBin = (args: string[]) =>
  new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/bin.js', ...args], {
      cwd: process.cwd(),
      env: { ...process.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });

describe('the CLI against a fake coordinator API', () => {
  let api: FakeCoordinatorApi;
  let directory: string;
  const cli = (...args: string[]) => runCliCaptured([...args, '--api', api.url]);
  const file = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };
  const placementPosts = () =>
    api.requests.filter((request) => request.method === 'POST' && request.path === '/placements').length;

  beforeAll(async () => {
    api = await startFakeCoordinatorApi();
    directory = mkdtempSync(join(tmpdir(), 'onboarding-cli-'));
  });
  afterAll(async () => {
    await api.close();
  });

  it('sites put stores the example site and sites show prints it', async () => {
    const put = await cli('sites', 'put', 'examples/site.json');
    expect(put.stderr).toBe('');
    expect(put.exitCode).toBe(0);
    expect(put.stdout).toContain('Saved site demo-hospital.');
    expect(api.sites.get('demo-hospital')?.requirements).toContainEqual({ code: 'TB', months: 6 });

    const show = await cli('sites', 'show', 'demo-hospital');
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain('Name           Demo General Hospital');
    expect(show.stdout).toContain('TB (6 months)');
    expect(api.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  it('imports nothing from a 200-row CSV with 3 bad rows, and names each bad row', async () => {
    const run = await cli('placements', 'import', file('with-errors.csv', placementsCsv(true)));
    expect(run.exitCode).not.toBe(0);
    expect(placementPosts()).toBe(0);
    const reported = run.stderr.split('\n').filter((line) => line.startsWith('row '));
    expect(reported).toEqual([
      expect.stringMatching(/^row 17, studentEmail \(student\.email\): \S/),
      expect.stringMatching(/^row 88, endDate: Must be on or after the start date/),
      expect.stringMatching(/^row 150, studentName \(student\.name\): \S/),
    ]);
    expect(run.stderr).toContain('3 rows are not valid; nothing was created.');
  });

  it('refuses a well-formed CSV one of whose rows names an unknown site, in --dry-run and for real, creating nothing', async () => {
    const csv = [
      HEADER,
      csvRow(900),
      csvRow(901, { siteId: 'no-such-site' }),
      csvRow(902),
      csvRow(903, { siteId: 'no-such-site', startDate: '2027-02-08' }),
    ].join('\n');
    const path = file('unknown-site.csv', csv);
    const siteLookups = () => api.requests.filter((request) => request.path.startsWith('/sites/')).length;

    for (const extra of [['--dry-run'], []]) {
      const lookupsBefore = siteLookups();
      const run = await cli('placements', 'import', path, ...extra);
      expect(run.exitCode).toBe(1);
      expect(run.stderr.split('\n').filter((line) => line.startsWith('row '))).toEqual([
        'row 3, siteId: no site "no-such-site" exists; create it first',
        'row 5, siteId: no site "no-such-site" exists; create it first',
      ]);
      expect(run.stderr).toContain('2 rows are not valid; nothing was created.');
      // Each distinct site is asked for once: demo-hospital and no-such-site.
      expect(siteLookups() - lookupsBefore).toBe(2);
    }
    expect(placementPosts()).toBe(0);
    expect(api.placements).toHaveLength(0);

    const json = await cli('placements', 'import', path, '--json');
    expect(JSON.parse(json.stdout).invalid).toEqual([
      { row: 3, column: 'siteId', path: 'siteId', message: 'no site "no-such-site" exists; create it first' },
      { row: 5, column: 'siteId', path: 'siteId', message: 'no site "no-such-site" exists; create it first' },
    ]);
  });

  it('creates all 200 placements from the fixed CSV, with plain progress lines when stderr is not a terminal', async () => {
    const run = await cli('placements', 'import', file('fixed.csv', placementsCsv(false)));
    expect(run.stderr).not.toContain('error');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Created 200, already existed 0, failed 0.');
    expect(run.stderr).toContain('progress: 200/200 (created 200, existed 0, failed 0)');
    expect(api.placements).toHaveLength(200);
  });

  it('creates nothing when the same CSV is imported again', async () => {
    const run = await cli('placements', 'import', join(directory, 'fixed.csv'), '--concurrency', '16');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Created 0, already existed 200, failed 0.');
    expect(api.placements).toHaveLength(200);
  });

  it('lists every placement by following cursors with --all', async () => {
    const run = await cli(
      'placements',
      'list',
      '--site',
      'demo-hospital',
      '--limit',
      '30',
      '--all',
      '--json',
    );
    expect(run.exitCode).toBe(0);
    const { items } = JSON.parse(run.stdout) as { items: { placementId: string }[] };
    expect(new Set(items.map((item) => item.placementId)).size).toBe(200);
  });

  it('lists one page as a table and says how to get the next', async () => {
    const run = await cli('placements', 'list', '--status', 'awaiting_documents', '--limit', '2');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^ID\s+STUDENT\s+SITE\s+STATUS\s+START\s+OUTSTANDING$/),
      expect.stringMatching(/^-+/),
      expect.stringMatching(/^pl-0001\s+Student 0\s+demo-hospital\s+AWAITING_DOCUMENTS\s+2027-02-01\s+9$/),
      expect.stringMatching(/^pl-0002\s+Student 1\s/),
      '',
    ]);
    expect(run.stderr).toMatch(/^More placements follow: add --cursor \S+ or use --all\.\n$/);
  });

  it('shows, waives and cancels a placement', async () => {
    const show = await cli('placements', 'show', 'pl-0001');
    expect(show.exitCode).toBe(0);
    expect(show.stdout).toContain('Student        Student 0 <student0@students.example.edu> (id C-1000)');
    expect(show.stdout).toMatch(/INFLUENZA\s+MISSING/);

    const waive = await cli('placements', 'waive', 'pl-0001', 'influenza', '--reason', 'Medical exemption');
    expect(waive.exitCode).toBe(0);
    expect(waive.stdout).toContain('Waived INFLUENZA on placement pl-0001.');
    expect(waive.stdout).toMatch(/INFLUENZA\s+WAIVED\s+.*Medical exemption/);

    const cancel = await cli('placements', 'cancel', 'pl-0001', '--reason', 'Student withdrew', '--json');
    expect(cancel.exitCode).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({ placementId: 'pl-0001', status: 'CANCELLED' });
  });

  it('retries a FAILED placement with one POST, and exits 1 naming the status of one that is not', async () => {
    const failed = api.placements.find((placement) => placement.placementId === 'pl-0002');
    if (!failed) throw new Error('pl-0002 was not imported');
    failed.status = 'FAILED';

    const retry = await cli('placements', 'retry', 'pl-0002');
    expect(retry.stderr).toBe('');
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).toContain('Placement pl-0002 is CHECKING again, in a new execution.');
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/placements/pl-0002/retry' });

    const again = await cli('placements', 'retry', 'pl-0002');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('CONFLICT');
    expect(again.stderr).toContain('CHECKING');
  });

  it('creates one placement from flags, then reports the existing one for the same key', async () => {
    const flags = [
      ...['--student-id', 'S-9000', '--student-name', 'Riley Park', '--student-email', 'riley@example.edu'],
      ...['--site', 'demo-hospital', '--program', 'Nursing', '--start', '2027-05-03', '--end', '2027-06-11'],
      ...['--coordinator', 'coordinator@example.edu'],
    ];
    const first = await cli('placements', 'create', ...flags);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^Created placement pl-0201\./);
    const again = await cli('placements', 'create', ...flags);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/^Placement pl-0201 already existed/);
  });

  it('fails with one line showing the API error code, message and each detail path', async () => {
    const run = await cli(
      ...['placements', 'create', '--student-id', 'S-1', '--student-name', 'A', '--student-email', 'nope'],
      ...['--site', 'demo-hospital', '--program', 'P', '--start', '2027-05-03', '--end', '2027-05-01'],
      ...['--coordinator', 'coordinator@example.edu'],
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^error: VALIDATION_FAILED \(HTTP 400\): .*\[student\.email: .+\] \[endDate: .+\]$/m,
    );
  });

  it('fails on an unknown placement with the NOT_FOUND code', async () => {
    const run = await cli('placements', 'show', 'pl-missing');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('error: NOT_FOUND (HTTP 404): No placement pl-missing.\n');
  });

  it('retries placements the API answers 503 for, and creates them', async () => {
    const rows = Array.from({ length: 6 }, (_, index) => csvRow(500 + index));
    api.failNextPlacementPosts(4);
    const run = await cli(
      'placements',
      'import',
      file('flaky.csv', [HEADER, ...rows].join('\n')),
      '--concurrency',
      '4',
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Created 6, already existed 0, failed 0.');
    expect(placementPosts()).toBeGreaterThanOrEqual(10);
  });

  it('reports a row the API still refuses at creation (503 on every attempt) by its row number, creates the others and exits non-zero', async () => {
    const rows = [csvRow(600), csvRow(601), csvRow(602)];
    const path = file('one-refused.csv', [HEADER, ...rows].join('\n'));
    api.failNextPlacementPosts(3); // the first row's three attempts
    const run = await cli('placements', 'import', path, '--concurrency', '1');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Created 2, already existed 0, failed 1.');
    expect(run.stderr).toContain('row 2: SERVICE_UNAVAILABLE (HTTP 503): Try again.');

    const json = await cli('placements', 'import', path, '--json');
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      created: 1,
      existed: 2,
      failed: [],
      placements: [
        { row: 2, result: 'created' },
        { row: 3, result: 'existed' },
        { row: 4, result: 'existed' },
      ],
    });
  });

  it('runs as the package bin: node cli/bin.js imports the example CSV and exits 0', async () => {
    const run = await runBin(['placements', 'import', 'examples/placements.csv', '--api', api.url]);
    expect(run.stderr).not.toContain('error');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('Created 12, already existed 0, failed 0.\n');
    expect(api.placements.filter((placement) => /^S-10\d\d$/.test(placement.student.id))).toHaveLength(12);
  });

  it('exits non-zero through the bin on a usage error and on an API error', async () => {
    const usage = await runBin(['placements', 'create', '--student-id', 'S-1']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('error: Missing --student-name');

    const missing = await runBin(['sites', 'show', 'no-such-site', '--api', api.url]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe('error: NOT_FOUND (HTTP 404): No site no-such-site.\n');
  });
});
