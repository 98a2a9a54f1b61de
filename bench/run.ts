/**
 * `npm run bench`: bundle sizes and cold starts of the functions against bare SDK bundles, warm
 * latency per handler, the cost of three placement paths against a callback-per-step baseline, and a
 * 1,000-placement load run through the local cloud. Prints tables and writes bench/results.json.
 * Not part of `npm test`: a benchmark reports, it never fails a build on a time.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeIfStale } from '../local/template/synthesize-if-stale.js';
import { parseBenchOptions } from './bench-options.js';
import { BUNDLE_BUDGET, measureBundles } from './bundles/measure-bundles.js';
import { CloudHost } from './cloud/cloud-host-client.js';
import { measureConsoleAtScale } from './console/console-at-scale.js';
import { measureWarmLatency } from './latency/warm-latency.js';
import { measureLighthouse } from './lighthouse/lighthouse-pages.js';
import { loadRun } from './load/load-run.js';
import { machineInfo } from './machine-info.js';
import { US_EAST_1 } from './paths/aws-prices.js';
import { measurePaths } from './paths/measure-paths.js';
import type { BenchResults, MeasuredSection } from './report/bench-results.js';
import { consoleTables, lighthouseTable, resultsTables } from './report/results-tables.js';
import { measureStartup, START_BUDGET_MS } from './startup/measure-startup.js';
import { round } from './statistics.js';

const PROJECT_DIR = fileURLToPath(new URL('../', import.meta.url));
const REUSE_MAX_TRANSITIONS = 12;
const STARTUP_RUNS = 3;

const log = (line: string) => console.log(line);

/** Runs one section and stamps it with when it ended and how busy the machine was around it. */
async function measuredSection<T>(measure: () => Promise<T>): Promise<MeasuredSection<T>> {
  const atStart = loadavg();
  const measured = await measure();
  return {
    ...measured,
    generatedAt: new Date().toISOString(),
    loadAverage: {
      atStart: atStart.map((value) => round(value, 2)),
      atEnd: loadavg().map((value) => round(value, 2)),
    },
  };
}

async function main(): Promise<void> {
  // The bench's own SDK client (Step Functions history) runs on Node 20 here; Lambda runs Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const options = parseBenchOptions(process.argv.slice(2));
  const started = performance.now();
  const loadAverageAtStart = loadavg();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

  const consoleAtScale = async () => {
    log(`Console at scale on a metered local cloud… (${elapsed()})`);
    const consoleHost = await CloudHost.start({ projectDir: PROJECT_DIR, meterDynamoDb: true });
    try {
      return await measureConsoleAtScale(consoleHost, {
        placements: options.consolePlacements,
        samples: options.consoleSamples,
        concurrency: options.concurrency,
        log,
      });
    } finally {
      await consoleHost.stop();
    }
  };

  const lighthouseRun = async () => {
    log(`Lighthouse on a local cloud… (${elapsed()})`);
    const lighthouseHost = await CloudHost.start({ projectDir: PROJECT_DIR, meterDynamoDb: false });
    try {
      return await measureLighthouse(lighthouseHost, log);
    } finally {
      await lighthouseHost.stop();
    }
  };

  if (options.only === 'lighthouse') {
    const path = resolve(PROJECT_DIR, options.resultsFile);
    const earlier = JSON.parse(await readFile(path, 'utf8')) as BenchResults;
    await synthesizeIfStale({
      projectDir: PROJECT_DIR,
      cdkOutDir: join(PROJECT_DIR, 'cdk.out'),
      mode: 'auto',
      log,
    });
    const results: BenchResults = { ...earlier, lighthouse: await measuredSection(lighthouseRun) };
    await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log(lighthouseTable(results.lighthouse));
    log(`\nWrote ${options.resultsFile}: its lighthouse section (${elapsed()}).`);
    return;
  }

  if (options.only === 'console') {
    const path = resolve(PROJECT_DIR, options.resultsFile);
    const earlier = JSON.parse(await readFile(path, 'utf8')) as BenchResults;
    await synthesizeIfStale({
      projectDir: PROJECT_DIR,
      cdkOutDir: join(PROJECT_DIR, 'cdk.out'),
      mode: 'auto',
      log,
    });
    const results: BenchResults = { ...earlier, console: await measuredSection(consoleAtScale) };
    await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log(consoleTables(results.console));
    log(`\nWrote ${options.resultsFile}: its console section (${elapsed()}).`);
    return;
  }

  log('Bundles: synthesizing if stale, measuring sizes and cold starts…');
  const bundles = await measureBundles({
    projectDir: PROJECT_DIR,
    cdkOutDir: join(PROJECT_DIR, 'cdk.out'),
    initRuns: options.initRuns,
    log,
  });

  log(`Start-up: ${STARTUP_RUNS} fresh starts, each synthesizing first… (${elapsed()})`);
  const startup = await measureStartup(PROJECT_DIR, STARTUP_RUNS);

  log(`Paths and warm latency on a metered local cloud… (${elapsed()})`);
  const host = await CloudHost.start({ projectDir: PROJECT_DIR, meterDynamoDb: true });
  let paths: Awaited<ReturnType<typeof measurePaths>>;
  let warmLatency: Awaited<ReturnType<typeof measureWarmLatency>>;
  try {
    paths = await measurePaths(host, log);
    warmLatency = await measureWarmLatency(host, paths.cleared, options.latencySamples);
  } finally {
    await host.stop();
  }

  let load: BenchResults['load'] = null;
  if (!options.skipLoad) {
    log(`Load run: ${options.placements} placements… (${elapsed()})`);
    load = await loadRun({
      projectDir: PROJECT_DIR,
      placements: options.placements,
      concurrency: options.concurrency,
      log,
    });
  }

  const consoleSection = await measuredSection(consoleAtScale);

  const lighthouseSection = await measuredSection(lighthouseRun);

  const reuse = paths.measurement.paths.find((path) => path.name === 'reuse');
  const overBudget = [
    ...bundles.functions.flatMap((fn) => fn.overBudget.map((problem) => `${fn.name}: ${problem}`)),
    ...(reuse && reuse.stateTransitions > REUSE_MAX_TRANSITIONS
      ? [`reuse path: ${reuse.stateTransitions} state transitions > ${REUSE_MAX_TRANSITIONS}`]
      : []),
    ...(startup.freshStartMedianMs > START_BUDGET_MS
      ? [`npm start on a fresh clone: ${startup.freshStartMedianMs} ms > ${START_BUDGET_MS} ms`]
      : []),
    ...(load && load.lost > 0 ? [`load run: ${load.lost} placements did not reach CLEARED`] : []),
    ...consoleSection.overBudget,
    ...lighthouseSection.overBudget,
  ];
  const { resultsFile, ...measuredWith } = options;
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    // Other work on the machine (other test runs) slows everything down; this shows how busy it was.
    loadAverage: {
      atStart: loadAverageAtStart.map((value) => round(value, 2)),
      atEnd: loadavg().map((value) => round(value, 2)),
    },
    options: measuredWith,
    budgets: {
      bundleMaxBytes: BUNDLE_BUDGET.maxBytes,
      bundleMaxRatio: BUNDLE_BUDGET.maxSizeRatio,
      initMaxRatio: BUNDLE_BUDGET.maxInitRatio,
      reusePathMaxTransitions: REUSE_MAX_TRANSITIONS,
      startMaxMs: START_BUDGET_MS,
    },
    method: {
      bundles: 'index.mjs of each function asset in cdk.out (found through aws:asset:path), bytes',
      baseline:
        'a bundle of an entry that only imports and instantiates the AWS SDK clients the handler imports ' +
        '(@aws-sdk/client-* and lib-dynamodb, found in the esbuild metafile), built with the same esbuild settings, ' +
        "the clients as the SDK ships them (its default credential chain); SDK helpers the handler also imports (presigners) count against the function; baselineSameCredentialsBytes / sizeRatioSameCredentials: the bare bundle with the functions' environment-only credential provider too",
      coldInit: `median of ${bundles.initRuns} fresh \`node\` processes per bundle, import() of the bundle timed inside the process, with the function's environment variables (dummy values for intrinsics); each function start is followed by a start of its bare bundle; initRatio = median/median, initRatioPaired = median of the per-round ratios`,
      synthesis: bundles.synthesis,
      startup: `${STARTUP_RUNS} runs of a fresh \`node --import tsx\` process that starts the local cloud on a cloud assembly directory that does not exist yet (so \`cdk synth\` runs first, as on a fresh clone) and an empty data directory, on free ports; spawn to ready, median`,
      warmLatency: `${options.latencySamples} sequential requests per target after 10 warm-up ones; http: client round trip through the local API gateway`,
      dynamoDbUnits: paths.measurement.dynamoDbUnits,
      lambdaDuration: paths.measurement.lambdaDuration,
      baselineDesign: paths.measurement.baselineModel,
      prices: US_EAST_1,
    },
    startup,
    functions: bundles.functions,
    warmLatency,
    paths: paths.measurement.paths,
    requirementsPerPlacement: paths.measurement.requirementsPerPlacement,
    load,
    console: consoleSection,
    lighthouse: lighthouseSection,
    overBudget,
  };
  await writeFile(resolve(PROJECT_DIR, resultsFile), `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(resultsTables(results));
  log(`\nWrote ${resultsFile} (${elapsed()}).`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
