import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import type { CloudHost } from '../cloud/cloud-host-client.js';
import { cloudTableSeeder } from '../console/cloud-table-seeder.js';
import { seededPlacement, seededSites } from '../console/seeded-placements.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['accessibility', 'performance', 'best-practices'] as const;
/** Lighthouse budgets: accessibility 100, performance ≥ 95, best practices 100. */
export const LIGHTHOUSE_BUDGETS = { accessibility: 100, performance: 95, 'best-practices': 100 } as const;

export interface LighthouseRow {
  page: string;
  path: string;
  /** 0–100 per category; null when Lighthouse could not score it. */
  accessibility: number | null;
  performance: number | null;
  bestPractices: number | null;
  /** The page's HTTP status as Lighthouse loaded it. */
  status: number | null;
}

export interface LighthouseResult {
  lighthouse: string;
  method: string;
  pages: LighthouseRow[];
  overBudget: string[];
}

/** Debian's chromium with a DevTools port Lighthouse connects to (headless, as the browser tests run it). */
const startChromium = async (): Promise<{ port: number; stop: () => Promise<void> }> => {
  const profile = await mkdtemp(join(tmpdir(), 'onboarding-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${output}`)));
  });
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
};

/** Lighthouse (its default: a mobile device, simulated throttling) on the portal, review and console pages. */
export async function measureLighthouse(
  host: CloudHost,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  const seeder = await cloudTableSeeder(host);
  const now = new Date();
  const sites = seededSites(now);
  for (const site of sites) await seeder.saveSite(site);
  const placements = Array.from({ length: 40 }, (_, index) => seededPlacement(index, sites, now));
  for (const placement of placements) await seeder.createPlacement(placement);
  const collecting = placements.find((placement) => placement.status === 'AWAITING_DOCUMENTS');
  const approving = placements.find((placement) => placement.status === 'AWAITING_SITE_APPROVAL');
  if (!collecting || !approving) throw new Error('The seeded placements lack a status the pages need.');
  const portalToken = await seeder.createLink(collecting, 'portal', now);
  const reviewToken = await seeder.createLink(approving, 'review', now);
  const cookie = await seeder.createStaffSession(
    { sub: 'bench-coordinator', email: 'bench@school.example', role: 'coordinator' },
    now,
  );
  const api = host.endpoints.api;
  const pages: readonly { page: string; path: string; console: boolean }[] = [
    { page: 'portal', path: `/portal/${portalToken}`, console: false },
    { page: 'review', path: `/review/${reviewToken}`, console: false },
    { page: 'console dashboard', path: '/console', console: true },
    { page: 'console placements', path: '/console/placements', console: true },
    { page: 'console placement', path: `/console/placements/${collecting.placementId}`, console: true },
    { page: 'console sites', path: '/console/sites', console: true },
    { page: 'console queue', path: '/console/queue', console: true },
    { page: 'console reports', path: '/console/reports', console: true },
  ];
  const chromium = await startChromium();
  const rows: LighthouseRow[] = [];
  let version = '';
  try {
    for (const { page, path, console } of pages) {
      log(`  Lighthouse: ${page}…`);
      const result = await lighthouse(`${api}${path}`, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        ...(console ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const lhr = result?.lhr;
      version = lhr?.lighthouseVersion ?? version;
      const score = (id: string) => {
        const value = lhr?.categories[id]?.score;
        return typeof value === 'number' ? Math.round(value * 100) : null;
      };
      rows.push({
        page,
        path: path.replace(/\/(portal|review)\/[^/]+/, '/$1/{token}'),
        accessibility: score('accessibility'),
        performance: score('performance'),
        bestPractices: score('best-practices'),
        status: (lhr?.audits['http-status-code']?.numericValue as number | undefined) ?? null,
      });
    }
  } finally {
    await chromium.stop();
  }
  const overBudget = rows.flatMap((row) => {
    const problems: string[] = [];
    if ((row.accessibility ?? 0) < LIGHTHOUSE_BUDGETS.accessibility)
      problems.push(`accessibility ${row.accessibility}`);
    if ((row.performance ?? 0) < LIGHTHOUSE_BUDGETS.performance)
      problems.push(`performance ${row.performance}`);
    if ((row.bestPractices ?? 0) < LIGHTHOUSE_BUDGETS['best-practices'])
      problems.push(`best practices ${row.bestPractices}`);
    return problems.length ? [`Lighthouse ${row.page}: ${problems.join(', ')}`] : [];
  });
  return {
    lighthouse: version,
    method:
      `Lighthouse ${version} (Node API, its default mobile form factor and simulated throttling) driving ${CHROMIUM} ` +
      `(--headless --no-sandbox --disable-gpu) against a local cloud; 40 placements, a portal link, a review link and a ` +
      `coordinator session written straight into the table; the console pages get the session cookie through extraHeaders`,
    pages: rows,
    overBudget,
  };
}
