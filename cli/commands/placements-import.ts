/**
 * `placements import FILE.csv`: checks every row first (its fields, and that its site exists)
 * and creates nothing if any is bad; then creates them concurrently with a progress bar and a
 * summary. Safe to re-run.
 */

import {
  checkPlacementImport,
  describeRowProblem,
  ImportFileError,
  type PlacementRows,
  type RowProblem,
} from '../../functions/contract/placement-import-rows.js';
import { type ApiClient, apiPath } from '../api-client.js';
import { ApiError } from '../api-error.js';
import { describeError } from '../error-line.js';
import { createPlacements, DEFAULT_CONCURRENCY, type RowOutcome } from '../placement-creation.js';
import { createProgressReporter } from '../progress-reporter.js';
import { readInputFile } from '../read-input-file.js';
import { UsageError } from '../usage-error.js';
import { argument, type Command } from './command.js';

const MAX_CONCURRENCY = 64;

export const placementsImport: Command = {
  words: ['placements', 'import'],
  arguments: ['FILE.csv'],
  options: [{ name: 'concurrency', value: 'N' }],
  switches: ['dry-run'],
  summary: `Create placements from a CSV (validated first; ${DEFAULT_CONCURRENCY} at a time; safe to re-run). --dry-run only validates.`,
  async run(input, context) {
    const concurrency = parseConcurrency(input.options.get('concurrency'));
    const file = argument(input, 0);
    const text = await readInputFile(context.io.cwd, file);

    let parsed: PlacementRows;
    try {
      parsed = await checkPlacementImport(text, {
        siteExists: async (siteId) => siteExists(await context.api(), siteId),
      });
    } catch (error) {
      if (error instanceof ImportFileError) throw new Error(`${file}: ${error.message}`);
      throw error;
    }
    const { rows, problems } = parsed;

    if (problems.length > 0) {
      const badRows = new Set(problems.map((problem) => problem.rowNumber)).size;
      if (context.json) {
        context.printJson({ created: 0, existed: 0, failed: [], invalid: problems.map(jsonProblem) });
      } else {
        for (const problem of problems) context.warn(describeRowProblem(problem));
      }
      context.warn(
        `${file}: ${badRows} ${badRows === 1 ? 'row is' : 'rows are'} not valid; nothing was created.`,
      );
      return 1;
    }
    if (rows.length === 0) throw new Error(`${file} has a header row but no placements.`);
    if (input.switches.has('dry-run')) {
      if (context.json) context.printJson({ valid: rows.length });
      else context.print(`All ${rows.length} rows of ${file} are valid; nothing was created (--dry-run).`);
      return 0;
    }

    const api = await context.api();
    const progress = createProgressReporter(context.io.stderr, rows.length);
    const outcomes = await createPlacements(api, rows, {
      concurrency,
      onProgress: (tally) => progress.update(tally),
    });
    progress.finish();
    return report(outcomes, context);
  },
};

function report(outcomes: RowOutcome[], context: Parameters<Command['run']>[1]): number {
  const created = outcomes.filter((outcome) => outcome.result === 'created').length;
  const existed = outcomes.filter((outcome) => outcome.result === 'existed').length;
  const failed = outcomes.filter((outcome) => outcome.result === 'failed');

  if (context.json) {
    context.printJson({
      created,
      existed,
      failed: failed.map((outcome) => ({ row: outcome.rowNumber, error: jsonError(outcome.error) })),
      placements: outcomes.flatMap((outcome) =>
        outcome.result === 'failed'
          ? []
          : [{ row: outcome.rowNumber, placementId: outcome.placementId, result: outcome.result }],
      ),
    });
  } else {
    for (const outcome of failed) context.warn(`row ${outcome.rowNumber}: ${describeError(outcome.error)}`);
    context.print(`Created ${created}, already existed ${existed}, failed ${failed.length}.`);
  }
  if (failed.length > 0) {
    context.warn(
      `${failed.length} ${failed.length === 1 ? 'row' : 'rows'} failed; fix them and re-run (rows already created are kept).`,
    );
    return 1;
  }
  return 0;
}

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 1 && number <= MAX_CONCURRENCY)) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`);
  }
  return number;
}

/** `GET /sites/{siteId}`: 200 is a site, 404 is none; any other failure stops the import. */
async function siteExists(api: ApiClient, siteId: string): Promise<boolean> {
  try {
    await api.send({ method: 'GET', path: apiPath('sites', siteId) });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

const jsonProblem = (problem: RowProblem) => ({
  row: problem.rowNumber,
  ...(problem.column !== undefined ? { column: problem.column } : {}),
  ...(problem.path !== undefined ? { path: problem.path } : {}),
  message: problem.message,
});

const jsonError = (error: unknown) =>
  error instanceof ApiError
    ? { status: error.status, code: error.code, message: error.message, details: error.details }
    : { message: describeError(error) };
