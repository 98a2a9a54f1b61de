/** `npm run bench -- [--placements N] [--concurrency N] [--init-runs N] [--latency-samples N] [--skip-load]`. */
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
  /** Where results.json goes. */
  resultsFile: string;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  placements: 1000,
  concurrency: 12,
  initRuns: 21,
  latencySamples: 200,
  skipLoad: false,
  resultsFile: 'bench/results.json',
};

const wholeNumber = (flag: string, text: string | undefined, min: number, max: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, got "${text ?? ''}".`);
  }
  return value;
};

export const parseBenchOptions = (argv: readonly string[]): BenchOptions => {
  const options = { ...DEFAULT_OPTIONS };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? '';
    const [name, inline] = flag.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++index];
    switch (name) {
      case '--placements':
        options.placements = wholeNumber(name, value(), 1, 100_000);
        break;
      case '--concurrency':
        options.concurrency = wholeNumber(name, value(), 1, 64);
        break;
      case '--init-runs':
        options.initRuns = wholeNumber(name, value(), 10, 1000);
        break;
      case '--latency-samples':
        options.latencySamples = wholeNumber(name, value(), 10, 100_000);
        break;
      case '--skip-load':
        options.skipLoad = true;
        break;
      case '--results':
        options.resultsFile = value() ?? options.resultsFile;
        break;
      default:
        throw new Error(
          `Unknown option ${flag}. Usage: npm run bench -- [--placements N] [--concurrency N] ` +
            '[--init-runs N] [--latency-samples N] [--skip-load] [--results FILE]',
        );
    }
  }
  return options;
};
