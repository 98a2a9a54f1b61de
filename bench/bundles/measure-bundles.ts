import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SynthesisOutcome, synthesizeIfStale } from '../../local/template/synthesize-if-stale.js';
import { median, round } from '../statistics.js';
import { type ColdStart, coldStart } from './cold-init.js';
import { coldStartEnvironment, type DeployedFunction, deployedFunctions } from './deployed-functions.js';
import { analyseHandler, type BundleComposition, bareClientsEntry, buildBareBundle } from './sdk-baseline.js';

/** docs/design.md, "Budgets". */
export const BUNDLE_BUDGET = { maxBytes: 600 * 1024, maxSizeRatio: 1.15, maxInitRatio: 1.3 };

export interface FunctionBundleResult {
  name: string;
  logicalId: string;
  bundleBytes: number;
  /** The bare clients as the SDK ships them (default credential chain), same esbuild settings. */
  baselineBytes: number;
  sizeRatio: number;
  /** The bare clients with the functions' environment-only credential provider too. */
  baselineSameCredentialsBytes: number;
  sizeRatioSameCredentials: number;
  initMs: number;
  baselineInitMs: number;
  initRatio: number;
  /** Spawn to exit of the fresh process (Node start-up included), medians. */
  processMs: number;
  baselineProcessMs: number;
  /** Median of the per-round ratios (each function start over the bare start right after it). */
  initRatioPaired: number;
  sdkClients: string[];
  sdkPackages: string[];
  duplicatedPackages: string[];
  largestParts: BundleComposition['largestParts'];
  /** The bench's esbuild options rebuild the handler to exactly the asset's size. */
  rebuildMatchesAsset: boolean;
  overBudget: string[];
}

export interface BundleMeasurement {
  synthesis: SynthesisOutcome;
  initRuns: number;
  functions: FunctionBundleResult[];
}

interface Baseline {
  file: string;
  bytes: number;
  sameCredentialsBytes: number;
  environment: Record<string, string>;
}

export async function measureBundles(options: {
  projectDir: string;
  cdkOutDir: string;
  initRuns: number;
  log: (line: string) => void;
}): Promise<BundleMeasurement> {
  const { projectDir, cdkOutDir, log } = options;
  const synthesis = await synthesizeIfStale({ projectDir, cdkOutDir, mode: 'auto', log });
  if (synthesis === 'reused-after-failure') log('Warning: cdk synth failed; measuring the previous cdk.out.');
  const functions = await deployedFunctions(projectDir, cdkOutDir);
  const workDir = await mkdtemp(join(tmpdir(), 'onboarding-bench-bare-'));

  try {
    const compositions = new Map<DeployedFunction, BundleComposition>();
    const baselines = new Map<string, Baseline>();
    for (const fn of functions) {
      const composition = await analyseHandler(projectDir, fn.entryFile);
      compositions.set(fn, composition);
      const key = composition.sdkClients.join('+');
      if (!baselines.has(key)) {
        const file = join(workDir, `bare-${baselines.size + 1}.mjs`);
        const entry = await bareClientsEntry(composition.sdkClients);
        const bytes = await buildBareBundle(projectDir, entry, file);
        const sameCredentialsFile = join(workDir, `bare-${baselines.size + 1}-env-credentials.mjs`);
        const sameCredentialsBytes = await buildBareBundle(projectDir, entry, sameCredentialsFile, true);
        baselines.set(key, { file, bytes, sameCredentialsBytes, environment: coldStartEnvironment(fn) });
      }
    }

    log(`Cold init: ${options.initRuns} rounds of fresh processes, each function then its bare bundle…`);
    const samples = new Map<DeployedFunction, { own: ColdStart[]; bare: ColdStart[] }>(
      functions.map((fn) => [fn, { own: [], bare: [] }]),
    );
    const baselineOf = (fn: DeployedFunction) =>
      baselines.get((compositions.get(fn) as BundleComposition).sdkClients.join('+')) as Baseline;
    // One untimed start of each first (file cache); then rounds in which each function is followed by
    // its bare bundle, so that both see the same machine load (other work on a 2-core machine drifts).
    for (const fn of functions) await coldStart(fn.bundleFile, coldStartEnvironment(fn));
    for (const baseline of baselines.values()) await coldStart(baseline.file, baseline.environment);
    for (let round = 0; round < options.initRuns; round++) {
      for (const fn of functions) {
        const environment = coldStartEnvironment(fn);
        samples.get(fn)?.own.push(await coldStart(fn.bundleFile, environment));
        samples.get(fn)?.bare.push(await coldStart(baselineOf(fn).file, environment));
      }
    }

    return {
      synthesis,
      initRuns: options.initRuns,
      functions: functions.map((fn) => {
        const composition = compositions.get(fn) as BundleComposition;
        const baseline = baselineOf(fn);
        const { own, bare } = samples.get(fn) ?? { own: [], bare: [] };
        const bundleBytes = statSync(fn.bundleFile).size;
        const initMs = median(own.map((sample) => sample.importMs));
        const baselineInitMs = median(bare.map((sample) => sample.importMs));
        const sizeRatio = bundleBytes / baseline.bytes;
        const initRatio = initMs / baselineInitMs;
        const overBudget = [
          ...(bundleBytes > BUNDLE_BUDGET.maxBytes ? [`bundle ${bundleBytes} B > 600 KB`] : []),
          ...(sizeRatio > BUNDLE_BUDGET.maxSizeRatio ? [`size ratio ${round(sizeRatio, 3)} > 1.15`] : []),
          ...(initRatio > BUNDLE_BUDGET.maxInitRatio ? [`init ratio ${round(initRatio, 3)} > 1.3`] : []),
        ];
        return {
          name: fn.handler,
          logicalId: fn.logicalId,
          bundleBytes,
          baselineBytes: baseline.bytes,
          sizeRatio: round(sizeRatio, 3),
          baselineSameCredentialsBytes: baseline.sameCredentialsBytes,
          sizeRatioSameCredentials: round(bundleBytes / baseline.sameCredentialsBytes, 3),
          initMs: round(initMs, 1),
          baselineInitMs: round(baselineInitMs, 1),
          initRatio: round(initRatio, 3),
          processMs: round(median(own.map((sample) => sample.processMs)), 1),
          baselineProcessMs: round(median(bare.map((sample) => sample.processMs)), 1),
          initRatioPaired: round(
            median(own.map((sample, index) => sample.importMs / (bare[index]?.importMs ?? Number.NaN))),
            3,
          ),
          sdkClients: composition.sdkClients,
          sdkPackages: composition.sdkPackages,
          duplicatedPackages: composition.duplicatedPackages,
          largestParts: composition.largestParts,
          rebuildMatchesAsset: composition.rebuiltBytes === bundleBytes,
          overBudget,
        };
      }),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
