import { parseArgs } from 'node:util';

/** `npm run bench -- [--placements N] [--concurrency N] [--init-runs N] [--latency-samples N] [--skip-load] [--only console|lighthouse]`. */
export interface BenchOptions {
  /** Placements in the load run (default 1,000). */
  placements: number;
  /** Placements created at once, as `placements import --concurrency` does (8–16). */
  concurrency: number;
  /** Fresh Node processes per bundle for the cold-init medians (at least 10). */
  initRuns: number;
  /** Requests per route for the warm latency percentiles. */
  latencySamples: number;
  skipLoad: boolean;
  /** Run only these sections (`--only console`, `--only lighthouse`); the other sections of results.json are kept. */
  only: 'console' | 'lighthouse' | undefined;
  /** Placements seeded for the console at scale (100 first, then up to this). */
  consolePlacements: number;
  /** Requests per console page and JSON answer for its p95. */
  consoleSamples: number;
  /** Where results.json goes. */
  resultsFile: string;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  placements: 1000,
  concurrency: 12,
  initRuns: 21,
  latencySamples: 200,
  skipLoad: false,
  only: undefined,
  consolePlacements: 10_000,
  consoleSamples: 30,
  resultsFile: 'bench/results.json',
};

const wholeNumber = (flag: string, text: string | undefined, min: number, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, got "${text ?? ''}".`);
  }
  return value;
};

const USAGE =
  'Usage: npm run bench -- [--placements N] [--concurrency N] [--init-runs N] [--latency-samples N] ' +
  '[--skip-load] [--only console|lighthouse] [--console-placements N] [--console-samples N] [--results FILE]';

const onlyOf = (value: string | boolean | undefined): BenchOptions['only'] => {
  if (value === undefined) return undefined;
  if (value === 'console' || value === 'lighthouse') return value;
  throw new Error(`--only must be "console" or "lighthouse", got "${String(value)}". ${USAGE}`);
};

/** Reads the bench's options with Node's own `util.parseArgs` (as `npm start` and the CLI do). */
export const parseBenchOptions = (argv: readonly string[]): BenchOptions => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        placements: { type: 'string' },
        concurrency: { type: 'string' },
        'init-runs': { type: 'string' },
        'latency-samples': { type: 'string' },
        'skip-load': { type: 'boolean' },
        only: { type: 'string' },
        'console-placements': { type: 'string' },
        'console-samples': { type: 'string' },
        results: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(
      `${(error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.')} ${USAGE}`,
    );
  }
  const number = (name: string, min: number, max: number, fallback: number): number => {
    const text = values[name];
    return text === undefined ? fallback : wholeNumber(`--${name}`, String(text), min, max);
  };
  return {
    placements: number('placements', 1, 100_000, DEFAULT_OPTIONS.placements),
    concurrency: number('concurrency', 1, 64, DEFAULT_OPTIONS.concurrency),
    initRuns: number('init-runs', 10, 1000, DEFAULT_OPTIONS.initRuns),
    latencySamples: number('latency-samples', 10, 100_000, DEFAULT_OPTIONS.latencySamples),
    skipLoad: values['skip-load'] === true,
    only: onlyOf(values.only),
    consolePlacements: number('console-placements', 100, 100_000, DEFAULT_OPTIONS.consolePlacements),
    consoleSamples: number('console-samples', 10, 10_000, DEFAULT_OPTIONS.consoleSamples),
    resultsFile: typeof values.results === 'string' ? values.results : DEFAULT_OPTIONS.resultsFile,
  };
};
