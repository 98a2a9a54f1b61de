import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from '../../cli/api-client.js';
import { createPlacements } from '../../cli/placement-creation.js';
import { PLACEMENT_STATUSES } from '../../functions/contract/index.js';
import { IMPORT_COLUMNS, readPlacementRows } from '../../functions/contract/placement-import-rows.js';
import { TaskLimiter } from '../../functions/contract/task-limiter.js';
import { requestJson } from '../../local/actors/http-json.js';
import type { SentEmail } from '../../local/actors/mailbox.js';
import { BENCH_REQUIREMENTS, benchRotation, benchSite, COORDINATOR_EMAIL } from '../actors/bench-scenario.js';
import { linksIn, MailboxFeed } from '../actors/mailbox-feed.js';
import { CloudHost } from '../cloud/cloud-host-client.js';
import type { PlacementView } from '../paths/path-journeys.js';
import { percentile, round } from '../statistics.js';
import { type ActorTally, adminApproves, reviewerVerifies, studentUploads } from './load-actors.js';

export interface LoadResult {
  placements: number;
  throughputPerSec: number;
  p50Ms: number;
  p95Ms: number;
  peakRssMb: number;
  lost: number;
  /** create → the site's approval (status CLEARED), server timestamps. */
  latency: string;
  /** create → outcome emails sent (the execution's last step). */
  completeP50Ms: number;
  completeP95Ms: number;
  /** Where the time of a cleared placement went (p50 / p95, ms), server timestamps but for the last upload. */
  stagesMs: Record<string, { p50: number; p95: number }>;
  wallSeconds: number;
  createConcurrency: number;
  studentConcurrency: number;
  adminConcurrency: number;
  sites: number;
  requirementsPerPlacement: number;
  cloudStartMs: number;
  rssTimelineMb: number[];
  proof: {
    rows: number;
    created: number;
    existed: number;
    createFailed: number;
    byStatus: Record<string, number>;
    documentsAccepted: number;
    documentsExpected: number;
    emails: {
      sent: number;
      expected: number;
      byKind: Record<string, number>;
      expectedByKind: Record<string, number>;
    };
    uploads: number;
    /** Documents the reviewer actors verified through the coordinator API (staff verification). */
    verifications: number;
    approvals: number;
    clientRetries: number;
    actorFailures: string[];
    functionInvocations: Record<string, number>;
    functionErrors: Record<string, number>;
  };
}

const PLACEMENTS_PER_SITE = 100;
/** Students and site administrators act independently: each group has its own pool (of a 2-core machine). */
const STUDENT_CONCURRENCY = 16;
const ADMIN_CONCURRENCY = 8;
/** Reviewers at the school verifying documents at the same time (staff verification). */
const REVIEWER_CONCURRENCY = 8;
/** The run is over when every placement is cleared, or when nothing has moved for this long. */
const STALL_MS = 120_000;

const kindOf = (email: SentEmail, students: Set<string>): string => {
  const links = linksIn(email);
  if (links.some((link) => link.kind === 'portal')) return 'documentsRequested';
  if (links.some((link) => link.kind === 'review')) return 'reviewRequested';
  if (/ cleared /i.test(` ${email.subject} `)) {
    const to = email.destination.to[0] ?? '';
    if (students.has(to)) return 'outcomeToStudent';
    return to === COORDINATOR_EMAIL ? 'outcomeToCoordinator' : 'outcomeToSite';
  }
  return 'other';
};

async function listByStatus(api: string, status: string): Promise<PlacementView[]> {
  const items: PlacementView[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ status, limit: '100', ...(cursor ? { cursor } : {}) });
    const page = await requestJson<{ items: PlacementView[]; cursor?: string }>(`${api}/placements?${query}`);
    if (page.status !== 200) throw new Error(`GET /placements?status=${status} answered ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return items;
}

const timeOf = (placement: PlacementView, type: string) => {
  const entry = placement.history.find((item) => item.type === type);
  return entry ? Date.parse(entry.at) : Number.NaN;
};

/**
 * N placements end to end through a fresh local cloud in its own process: created from a CSV the way
 * `placements import` does (the CLI's row parser and concurrent creation), each student uploading
 * their documents through the portal link in their email, each site administrator approving through
 * the review link in theirs; then every placement, document and email is accounted for.
 */
export async function loadRun(options: {
  projectDir: string;
  placements: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<LoadResult> {
  const { log } = options;
  const host = await CloudHost.start({ projectDir: options.projectDir, meterDynamoDb: false });
  try {
    const api = host.endpoints.api;
    const rotation = benchRotation();
    const siteCount = Math.ceil(options.placements / PLACEMENTS_PER_SITE);
    const sites = Array.from({ length: siteCount }, (_, index) => benchSite(`load-${index + 1}`));
    for (const site of sites) {
      const reply = await requestJson(`${api}/sites/${site.siteId}`, { method: 'PUT', body: site.body });
      if (reply.status !== 200) throw new Error(`PUT /sites answered ${reply.status}`);
    }

    const students = new Set<string>();
    const lines = [IMPORT_COLUMNS.join(',')];
    for (let index = 1; index <= options.placements; index++) {
      const email = `load-${index}@students.bench.test`;
      students.add(email);
      const site = sites[Math.floor((index - 1) / PLACEMENTS_PER_SITE)]?.siteId ?? '';
      lines.push(
        [
          `load-${index}`,
          `Load Student ${index}`,
          email,
          site,
          'BSc Nursing',
          rotation.startDate,
          rotation.endDate,
          COORDINATOR_EMAIL,
        ].join(','),
      );
    }
    const { rows, problems } = readPlacementRows(`${lines.join('\n')}\n`);
    if (problems.length > 0)
      throw new Error(`The generated CSV has problems: ${JSON.stringify(problems[0])}`);

    const tally: ActorTally = { uploads: 0, verifications: 0, approvals: 0, retries: 0, failures: [] };
    const studentPool = new TaskLimiter(STUDENT_CONCURRENCY);
    const adminPool = new TaskLimiter(ADMIN_CONCURRENCY);
    const reviewerPool = new TaskLimiter(REVIEWER_CONCURRENCY);
    const uploadsDoneAt = new Map<string, number>();
    const byKind: Record<string, number> = {};
    const cleared = new Set<string>();
    let lastProgressAt = Date.now();
    const act = (what: string, pool: TaskLimiter, task: () => Promise<void>) => {
      void pool.run(task).then(
        () => {
          lastProgressAt = Date.now();
        },
        (error: unknown) =>
          tally.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`),
      );
    };
    const feed = new MailboxFeed(host.endpoints.mailbox, (email) => {
      const kind = kindOf(email, students);
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      lastProgressAt = Date.now();
      for (const link of linksIn(email)) {
        if (link.kind === 'portal') {
          act('student', studentPool, async () => {
            const { placementId } = await studentUploads(link.url, rotation, tally);
            uploadsDoneAt.set(placementId, Date.now());
            act('reviewer', reviewerPool, () => reviewerVerifies(api, placementId, tally));
          });
        } else act('site administrator', adminPool, () => adminApproves(link.url, tally));
      }
      if (kind === 'outcomeToStudent') cleared.add(email.destination.to[0] ?? '');
    });

    const rssTimeline: number[] = [];
    const sampler = setInterval(() => {
      try {
        rssTimeline.push(round(host.rssMb(), 1));
      } catch {
        // the host is stopping
      }
    }, 1000);
    const reporter = setInterval(() => {
      log(
        `  load: ${tally.uploads} uploads, ${tally.verifications} verifications, ${tally.approvals} approvals, ${cleared.size}/${options.placements} cleared, ` +
          `${studentPool.busy + reviewerPool.busy + adminPool.busy} actor tasks, host RSS ${round(host.rssMb(), 0)} MB`,
      );
    }, 15_000);

    const startedAt = performance.now();
    feed.start();
    const outcomes = await createPlacements(new ApiClient(new URL(api)), rows, {
      concurrency: options.concurrency,
      onProgress: () => {
        lastProgressAt = Date.now();
      },
    });
    const created = outcomes.filter((outcome) => outcome.result === 'created').length;
    const existed = outcomes.filter((outcome) => outcome.result === 'existed').length;
    const createFailed = outcomes.length - created - existed;
    log(`  load: ${created} placements created in ${round((performance.now() - startedAt) / 1000, 1)} s`);
    while (cleared.size < created + existed && Date.now() - lastProgressAt < STALL_MS) await sleep(250);
    const wallSeconds = (performance.now() - startedAt) / 1000;
    clearInterval(reporter);
    clearInterval(sampler);
    if (cleared.size < created + existed)
      log(`  load: stalled with ${cleared.size} of ${created + existed} cleared`);
    await host.settle(1000, 120_000).catch(() => log('  load: the cloud did not settle'));
    await feed.stop();
    await feed.drain();

    const byStatus: Record<string, number> = {};
    let clearedPlacements: PlacementView[] = [];
    for (const status of PLACEMENT_STATUSES) {
      const items = await listByStatus(api, status);
      if (items.length > 0) byStatus[status] = items.length;
      if (status === 'CLEARED') clearedPlacements = items;
    }
    const approvalLatency = clearedPlacements.map(
      (p) => timeOf(p, 'SITE_APPROVED') - Date.parse(p.createdAt),
    );
    const completeLatency = clearedPlacements.map(
      (p) => timeOf(p, 'OUTCOME_NOTIFIED') - Date.parse(p.createdAt),
    );
    const stage = (from: (p: PlacementView) => number, to: (p: PlacementView) => number) => {
      const durations = clearedPlacements
        .map((p) => to(p) - from(p))
        .filter((value) => Number.isFinite(value));
      return { p50: Math.round(percentile(durations, 50)), p95: Math.round(percentile(durations, 95)) };
    };
    const stagesMs = {
      'create → documents requested': stage(
        (p) => Date.parse(p.createdAt),
        (p) => timeOf(p, 'DOCUMENTS_REQUESTED'),
      ),
      'documents requested → last upload stored (student queue)': stage(
        (p) => timeOf(p, 'DOCUMENTS_REQUESTED'),
        (p) => uploadsDoneAt.get(p.placementId) ?? Number.NaN,
      ),
      'last upload stored → site review requested': stage(
        (p) => uploadsDoneAt.get(p.placementId) ?? Number.NaN,
        (p) => timeOf(p, 'SITE_REVIEW_REQUESTED'),
      ),
      'site review requested → approved (admin queue)': stage(
        (p) => timeOf(p, 'SITE_REVIEW_REQUESTED'),
        (p) => timeOf(p, 'SITE_APPROVED'),
      ),
      'approved → outcome emails sent': stage(
        (p) => timeOf(p, 'SITE_APPROVED'),
        (p) => timeOf(p, 'OUTCOME_NOTIFIED'),
      ),
    };
    const firstCreated = Math.min(...clearedPlacements.map((p) => Date.parse(p.createdAt)));
    const lastNotified = Math.max(...clearedPlacements.map((p) => timeOf(p, 'OUTCOME_NOTIFIED')));
    const documentsAccepted = clearedPlacements.reduce(
      (sum, p) => sum + p.requirements.filter((requirement) => requirement.status === 'ACCEPTED').length,
      0,
    );
    const usage = await host.snapshot();
    const expectedByKind = {
      documentsRequested: options.placements,
      reviewRequested: options.placements,
      outcomeToStudent: options.placements,
      outcomeToCoordinator: options.placements,
      outcomeToSite: options.placements,
    };
    const sent = Object.values(byKind).reduce((sum, count) => sum + count, 0);
    const peakRssMb = host.peakRssMb();
    return {
      placements: options.placements,
      throughputPerSec:
        clearedPlacements.length > 0
          ? round(clearedPlacements.length / ((lastNotified - firstCreated) / 1000), 2)
          : 0,
      p50Ms: Math.round(percentile(approvalLatency, 50)),
      p95Ms: Math.round(percentile(approvalLatency, 95)),
      peakRssMb: round(peakRssMb, 1),
      lost: options.placements - clearedPlacements.length,
      latency: 'server time from the placement createdAt to its SITE_APPROVED history entry (status CLEARED)',
      completeP50Ms: Math.round(percentile(completeLatency, 50)),
      completeP95Ms: Math.round(percentile(completeLatency, 95)),
      stagesMs,
      wallSeconds: round(wallSeconds, 1),
      createConcurrency: options.concurrency,
      studentConcurrency: STUDENT_CONCURRENCY,
      adminConcurrency: ADMIN_CONCURRENCY,
      sites: siteCount,
      requirementsPerPlacement: BENCH_REQUIREMENTS.length,
      cloudStartMs: Math.round(host.ready.startMs),
      rssTimelineMb: rssTimeline.filter((_, index) => index % 5 === 0),
      proof: {
        rows: rows.length,
        created,
        existed,
        createFailed,
        byStatus,
        documentsAccepted,
        documentsExpected: options.placements * BENCH_REQUIREMENTS.length,
        emails: {
          sent,
          expected: Object.values(expectedByKind).reduce((sum, count) => sum + count, 0),
          byKind,
          expectedByKind,
        },
        uploads: tally.uploads,
        verifications: tally.verifications,
        approvals: tally.approvals,
        clientRetries: tally.retries,
        actorFailures: tally.failures.slice(0, 20),
        functionInvocations: Object.fromEntries(
          Object.entries(usage.functions).map(([name, fn]) => [name, fn.invocations]),
        ),
        functionErrors: Object.fromEntries(
          Object.entries(usage.functions)
            .filter(([, fn]) => fn.errors > 0)
            .map(([name, fn]) => [name, fn.errors]),
        ),
      },
    };
  } finally {
    await host.stop();
  }
}
