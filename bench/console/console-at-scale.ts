import { request } from 'node:http';
import { mapConcurrently } from '../../functions/contract/task-limiter.js';
import type { CloudHost } from '../cloud/cloud-host-client.js';
import { usageBetween } from '../cloud/meter-snapshot.js';
import { percentile, round } from '../statistics.js';
import { cloudTableSeeder } from './cloud-table-seeder.js';
import { seededPlacement, seededSites } from './seeded-placements.js';

export const CONSOLE_P95_BUDGET_MS = 100;

export interface ConsoleLatencyRow {
  target: string;
  accept: 'html' | 'json';
  samples: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
}

export interface DashboardUnits {
  placements: number;
  accept: 'html' | 'json';
  readUnits: number;
  writeUnits: number;
}

export interface CompressionRow {
  target: string;
  accept: 'html' | 'json';
  status: number;
  contentEncoding: string;
  bytesOnWire: number;
  bytesUncompressed: number;
}

export interface ConsoleAtScaleResult {
  seeding: string;
  seedSeconds: { first: number; rest: number };
  dashboardUnits: DashboardUnits[];
  latency: ConsoleLatencyRow[];
  compression: CompressionRow[];
  overBudget: string[];
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  ms: number;
}

/** One GET with node:http (no automatic decompression: the bytes counted are the bytes sent). */
const rawGet = (url: string, headers: Record<string, string>): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes,
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const ACCEPT = { html: 'text/html', json: 'application/json' } as const;

/**
 * The console at scale: placements written straight into the metered local cloud's table (100, then
 * 10,000), the dashboard's read units at each, p95 of every console page and JSON answer at 10,000.
 */
export async function measureConsoleAtScale(
  host: CloudHost,
  options: { placements: number; samples: number; concurrency: number; log: (line: string) => void },
): Promise<ConsoleAtScaleResult> {
  const { log } = options;
  const seeder = await cloudTableSeeder(host);
  const now = new Date();
  const sites = seededSites(now);
  for (const site of sites) await seeder.saveSite(site);
  const cookie = await seeder.createStaffSession(
    { sub: 'bench-coordinator', email: 'bench@school.example', role: 'coordinator' },
    now,
  );
  const consoleUrl = host.endpoints.console;
  const get = (path: string, accept: 'html' | 'json', extra: Record<string, string> = {}) =>
    rawGet(`${consoleUrl}${path}`, { cookie, accept: ACCEPT[accept], ...extra });

  const seed = async (from: number, to: number) => {
    const started = performance.now();
    await mapConcurrently(
      Array.from({ length: to - from }, (_, offset) => from + offset),
      options.concurrency,
      async (index) => {
        await seeder.createPlacement(seededPlacement(index, sites, now));
        if ((index + 1) % 1000 === 0) log(`  seeded ${index + 1} placements`);
      },
    );
    return round((performance.now() - started) / 1000, 1);
  };

  const dashboardUnits: DashboardUnits[] = [];
  const measureDashboard = async (placements: number) => {
    for (const accept of ['json', 'html'] as const) {
      await get('', accept); // warm: the first request also writes the session's lastSeenAt
      const before = await host.snapshot();
      const answer = await get('', accept);
      const usage = usageBetween(before, await host.snapshot());
      if (answer.status !== 200) throw new Error(`GET /console (${accept}) answered ${answer.status}`);
      dashboardUnits.push({
        placements,
        accept,
        readUnits: round(usage.dynamodb?.readUnits ?? Number.NaN, 1),
        writeUnits: round(usage.dynamodb?.writeUnits ?? Number.NaN, 1),
      });
    }
  };

  const firstBatch = Math.min(100, options.placements);
  log(`Console: seeding ${firstBatch} placements straight into the table (PlacementTable + CounterTable)…`);
  const first = await seed(0, firstBatch);
  await measureDashboard(firstBatch);
  log(`Console: seeding up to ${options.placements} placements…`);
  const rest = await seed(firstBatch, options.placements);
  await measureDashboard(options.placements);

  const sample = seededPlacement(7, sites, now);
  const site = sites[0]?.siteId ?? '';
  const targets: readonly string[] = [
    '',
    '/placements',
    '/placements?status=AWAITING_DOCUMENTS',
    `/placements?siteId=${site}&program=${encodeURIComponent('Nursing BSN')}`,
    `/placements?startFrom=${sample.startDate}&startTo=${sample.endDate}`,
    '/placements?q=nguyen',
    `/placements/${sample.placementId}`,
    '/sites',
    `/sites/${site}`,
    '/queue',
    '/reports',
  ];
  const latency: ConsoleLatencyRow[] = [];
  for (const target of targets) {
    for (const accept of ['html', 'json'] as const) {
      for (let warm = 0; warm < 3; warm++) await get(target, accept);
      const durations: number[] = [];
      let errors = 0;
      for (let index = 0; index < options.samples; index++) {
        const answer = await get(target, accept);
        durations.push(answer.ms);
        if (answer.status !== 200) errors++;
      }
      latency.push({
        target: `GET /console${target}`,
        accept,
        samples: durations.length,
        p50Ms: round(percentile(durations, 50), 1),
        p95Ms: round(percentile(durations, 95), 1),
        errors,
      });
    }
  }

  const compression: CompressionRow[] = [];
  for (const target of targets) {
    for (const accept of ['html', 'json'] as const) {
      const plain = await get(target, accept, { 'accept-encoding': 'identity' });
      const encoded = await get(target, accept, { 'accept-encoding': 'gzip, deflate, br' });
      compression.push({
        target: `GET /console${target}`,
        accept,
        status: encoded.status,
        contentEncoding: String(encoded.headers['content-encoding'] ?? 'none'),
        bytesOnWire: encoded.bytes,
        bytesUncompressed: plain.bytes,
      });
    }
  }

  const atSmall = dashboardUnits.filter((row) => row.placements === firstBatch);
  const atLarge = dashboardUnits.filter((row) => row.placements === options.placements);
  const overBudget = [
    ...atLarge.flatMap((row) => {
      const small = atSmall.find((other) => other.accept === row.accept);
      return small && row.readUnits > small.readUnits
        ? [
            `dashboard (${row.accept}): ${row.readUnits} read units at ${row.placements} placements > ${small.readUnits} at ${small.placements}`,
          ]
        : [];
    }),
    ...latency
      .filter((row) => row.p95Ms > CONSOLE_P95_BUDGET_MS || row.errors > 0)
      .map(
        (row) =>
          `${row.target} (${row.accept}): p95 ${row.p95Ms} ms${row.errors ? `, ${row.errors} errors` : ''} (budget ${CONSOLE_P95_BUDGET_MS} ms)`,
      ),
    ...compression
      .filter((row) => row.bytesUncompressed > 1024 && row.contentEncoding === 'none')
      .map((row) => `${row.target} (${row.accept}): ${row.bytesUncompressed} bytes sent uncompressed`),
  ];
  return {
    seeding:
      `placements written straight into the local cloud's table through PlacementTable.createPlacement with the CounterTable ` +
      `(items, dashboard counters, search entries and index keys as the app writes them), ${options.concurrency} at a time, ` +
      `${sites.length} sites, 4 programs, every status, start dates from about 120 days ago to 180 days ahead; no workflow runs ` +
      `for them (creating 10,000 through the workflow would take hours here); the session is written through StaffSessionTable ` +
      `and its cookie sent, rather than signing in through the provider's page`,
    seedSeconds: { first, rest },
    dashboardUnits,
    latency,
    compression,
    overBudget,
  };
}
