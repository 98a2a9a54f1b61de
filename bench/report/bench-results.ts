import type { BenchOptions } from '../bench-options.js';
import type { FunctionBundleResult } from '../bundles/measure-bundles.js';
import type { ConsoleAtScaleResult } from '../console/console-at-scale.js';
import type { LatencyResult } from '../latency/warm-latency.js';
import type { LighthouseResult } from '../lighthouse/lighthouse-pages.js';
import type { LoadResult } from '../load/load-run.js';
import type { MachineInfo } from '../machine-info.js';
import type { US_EAST_1 } from '../paths/aws-prices.js';
import type { PathsMeasurement } from '../paths/measure-paths.js';
import type { StartupMeasurement } from '../startup/measure-startup.js';

/** bench/results.json. */
export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  /** os.loadavg() (1, 5, 15 minutes) when the bench started and ended. */
  loadAverage: { atStart: number[]; atEnd: number[] };
  options: Omit<BenchOptions, 'resultsFile'>;
  budgets: {
    bundleMaxBytes: number;
    bundleMaxRatio: number;
    initMaxRatio: number;
    reusePathMaxTransitions: number;
    startMaxMs: number;
  };
  method: {
    bundles: string;
    baseline: string;
    coldInit: string;
    synthesis: string;
    startup: string;
    warmLatency: string;
    dynamoDbUnits: string;
    lambdaDuration: string;
    baselineDesign: string;
    prices: typeof US_EAST_1;
  };
  /** `npm start` on a fresh clone: synthesis first, then the local cloud ready. */
  startup: StartupMeasurement;
  functions: FunctionBundleResult[];
  warmLatency: LatencyResult[];
  paths: PathsMeasurement['paths'];
  requirementsPerPlacement: number;
  load: LoadResult | null;
  /** The console at scale (`--only console` rewrites just this section); absent in older results. */
  console?: ConsoleSection;
  /** Lighthouse on the portal, review and console pages (`--only lighthouse`); absent in older results. */
  lighthouse?: MeasuredSection<LighthouseResult>;
  overBudget: string[];
}

/** A section with when it was measured and how busy the machine was. */
export type MeasuredSection<T> = T & {
  generatedAt: string;
  loadAverage: { atStart: number[]; atEnd: number[] };
};

export type ConsoleSection = MeasuredSection<ConsoleAtScaleResult>;
