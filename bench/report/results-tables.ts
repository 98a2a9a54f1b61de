import { formatTable } from '../../cli/text-table.js';
import type { LighthouseResult } from '../lighthouse/lighthouse-pages.js';
import type { BenchResults, ConsoleSection, MeasuredSection } from './bench-results.js';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const usd = (value: number) => `$${value.toFixed(4)}`;

/** The human-readable summary `npm run bench` prints. */
export function resultsTables(results: BenchResults): string {
  const { machine } = results;
  const sections: string[] = [
    `Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}; ` +
      `load average ${results.loadAverage.atStart.join(' ')} at the start, ${results.loadAverage.atEnd.join(' ')} at the end`,
    '',
    'Function bundles (KB = 1,024 bytes) and cold init (median import time in a fresh node process)',
    formatTable(
      ['function', 'bundle KB', 'bare SDK KB', 'size ×', 'init ms', 'bare init ms', 'init ×', 'SDK clients'],
      results.functions.map((fn) => [
        fn.name,
        kb(fn.bundleBytes),
        kb(fn.baselineBytes),
        fn.sizeRatio.toFixed(3),
        fn.initMs.toFixed(1),
        fn.baselineInitMs.toFixed(1),
        fn.initRatio.toFixed(3),
        fn.sdkClients.map((client) => client.replace('@aws-sdk/', '')).join(' '),
      ]),
      { maxCellWidth: 80 },
    ),
    '',
    `npm start on a fresh clone (no cdk.out, no data; synthesis first), spawn to ready: ` +
      `${results.startup.freshStartMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}; ` +
      `median ${(results.startup.freshStartMedianMs / 1000).toFixed(1)} s`,
    '',
    'Warm latency on the local cloud',
    formatTable(
      ['function', 'target', 'via', 'n', 'p50 ms', 'p99 ms', 'errors'],
      results.warmLatency.map((row) => [
        row.function,
        row.target,
        row.via,
        String(row.samples),
        row.p50Ms.toFixed(1),
        row.p99Ms.toFixed(1),
        String(row.errors),
      ]),
    ),
    '',
    `Per placement (${results.requirementsPerPlacement} requirements, 1 site administrator); cost per 1,000 placements, us-east-1`,
    formatTable(
      [
        'path',
        'transitions',
        'Lambda',
        'GB-s',
        'WRU',
        'RRU',
        'emails',
        'S3 PUT/GET',
        'API',
        'cost/1000',
        'baseline: transitions',
        'Lambda',
        'emails',
        'cost/1000',
      ],
      results.paths.map((path) => [
        path.name,
        String(path.stateTransitions),
        String(path.lambdaInvocations),
        path.lambdaGbSeconds.toFixed(3),
        String(path.dynamoWriteUnits),
        String(path.dynamoReadUnits),
        String(path.emails),
        `${path.s3PutRequests}/${path.s3GetRequests}`,
        String(path.apiRequests),
        usd(path.costPer1000Usd),
        String(path.baseline.stateTransitions),
        String(path.baseline.lambdaInvocations),
        String(path.baseline.emailRecipients),
        usd(path.baseline.costPer1000Usd),
      ]),
    ),
  ];
  const { load } = results;
  if (load) {
    sections.push(
      '',
      `Load run: ${load.placements} placements (${load.sites} sites, created ${load.createConcurrency} at a time as the CLI import does)`,
      formatTable(
        [
          'throughput/s',
          'p50 ms',
          'p95 ms',
          'wall s',
          'peak RSS MB',
          'lost',
          'cleared',
          'documents',
          'emails',
          'retries',
        ],
        [
          [
            load.throughputPerSec.toFixed(2),
            String(load.p50Ms),
            String(load.p95Ms),
            load.wallSeconds.toFixed(1),
            load.peakRssMb.toFixed(1),
            String(load.lost),
            String(load.proof.byStatus.CLEARED ?? 0),
            `${load.proof.documentsAccepted}/${load.proof.documentsExpected}`,
            `${load.proof.emails.sent}/${load.proof.emails.expected}`,
            String(load.proof.clientRetries),
          ],
        ],
      ),
      '',
      'Where a cleared placement spent its time (ms)',
      formatTable(
        ['stage', 'p50', 'p95'],
        Object.entries(load.stagesMs).map(([stage, value]) => [stage, String(value.p50), String(value.p95)]),
        { maxCellWidth: 80 },
      ),
    );
  }
  if (results.console) sections.push('', consoleTables(results.console));
  if (results.lighthouse) sections.push('', lighthouseTable(results.lighthouse));
  sections.push(
    '',
    results.overBudget.length ? `Over budget:\n  ${results.overBudget.join('\n  ')}` : 'All budgets met.',
  );
  return sections.join('\n');
}

/** The console at scale: dashboard read units, p95 per page and JSON answer, compression. */
export function consoleTables(section: ConsoleSection | undefined): string {
  if (!section) return 'Console at scale: not measured.';
  return [
    `Console at scale (${section.generatedAt}; load average ${section.loadAverage.atStart.join(' ')} at the start, ${section.loadAverage.atEnd.join(' ')} at the end)`,
    `Seeding: ${section.seeding}; ${section.seedSeconds.first} s for the first batch, ${section.seedSeconds.rest} s for the rest.`,
    '',
    'Dashboard (GET /console) DynamoDB capacity of one request, from the meter (budget: the same at every size)',
    formatTable(
      ['placements', 'accept', 'RRU', 'WRU'],
      section.dashboardUnits.map((row) => [
        String(row.placements),
        row.accept,
        String(row.readUnits),
        String(row.writeUnits),
      ]),
    ),
    '',
    'Console latency, client round trip through the local API gateway (budget p95 ≤ 100 ms)',
    formatTable(
      ['target', 'accept', 'n', 'p50 ms', 'p95 ms', 'errors'],
      section.latency.map((row) => [
        row.target,
        row.accept,
        String(row.samples),
        row.p50Ms.toFixed(1),
        row.p95Ms.toFixed(1),
        String(row.errors),
      ]),
      { maxCellWidth: 90 },
    ),
    '',
    'Compression (Accept-Encoding: gzip, deflate, br against identity)',
    formatTable(
      ['target', 'accept', 'status', 'encoding', 'bytes sent', 'uncompressed'],
      section.compression.map((row) => [
        row.target,
        row.accept,
        String(row.status),
        row.contentEncoding,
        String(row.bytesOnWire),
        String(row.bytesUncompressed),
      ]),
      { maxCellWidth: 90 },
    ),
    '',
    section.overBudget.length ? `Over budget:\n  ${section.overBudget.join('\n  ')}` : 'Console budgets met.',
  ].join('\n');
}

/** Lighthouse scores per page against the budgets. */
export function lighthouseTable(section: MeasuredSection<LighthouseResult> | undefined): string {
  if (!section) return 'Lighthouse: not measured.';
  const score = (value: number | null) => (value === null ? 'n/a' : String(value));
  return [
    `Lighthouse (${section.generatedAt}; load average ${section.loadAverage.atStart.join(' ')} at the start, ${section.loadAverage.atEnd.join(' ')} at the end): ${section.method}`,
    'Budgets: accessibility 100, performance ≥ 95, best practices 100',
    formatTable(
      ['page', 'path', 'status', 'accessibility', 'performance', 'best practices'],
      section.pages.map((row) => [
        row.page,
        row.path,
        score(row.status),
        score(row.accessibility),
        score(row.performance),
        score(row.bestPractices),
      ]),
      { maxCellWidth: 70 },
    ),
    section.overBudget.length
      ? `Over budget:\n  ${section.overBudget.join('\n  ')}`
      : 'Lighthouse budgets met.',
  ].join('\n');
}
