/**
 * Creates validated placement rows through the API: several in flight at once, each retried
 * on throttling, server errors and lost connections. `POST /placements` is idempotent (the
 * same student, site and start date answers 200 with the existing placement), so a retry or a
 * re-run never creates a duplicate.
 */

import type { Placement } from '../functions/contract/http-api.js';
import type { PlacementRow } from '../functions/contract/placement-import-rows.js';
import { type RetryPolicy, retryWithBackoff } from '../functions/contract/retry-with-backoff.js';
import { mapConcurrently } from '../functions/contract/task-limiter.js';
import { type ApiClient, apiPath } from './api-client.js';
import { ApiError, isRetryableApiFailure } from './api-error.js';
import type { ImportTally } from './progress-reporter.js';

export type RowOutcome =
  | { rowNumber: number; result: 'created' | 'existed'; placementId: string }
  | { rowNumber: number; result: 'failed'; error: unknown };

export interface CreationOptions {
  concurrency: number;
  /** Overrides of the retry policy (tests). */
  retry?: Partial<RetryPolicy>;
  onProgress?(tally: ImportTally): void;
}

export const DEFAULT_CONCURRENCY = 8;

const RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  isRetryable: isRetryableApiFailure,
  requestedDelayMs: (error) => (error instanceof ApiError ? error.retryAfterMs : undefined),
};

export async function createPlacements(
  api: ApiClient,
  rows: readonly PlacementRow[],
  options: CreationOptions,
): Promise<RowOutcome[]> {
  const policy = { ...RETRY_POLICY, ...options.retry };
  const tally: ImportTally = { created: 0, existed: 0, failed: 0 };
  return mapConcurrently(rows, options.concurrency, async (row): Promise<RowOutcome> => {
    let outcome: RowOutcome;
    try {
      const { status, body } = await retryWithBackoff(
        () => api.send<Placement>({ method: 'POST', path: apiPath('placements'), body: row.input }),
        policy,
      );
      outcome = {
        rowNumber: row.rowNumber,
        result: status === 201 ? 'created' : 'existed',
        placementId: body.placementId,
      };
    } catch (error) {
      outcome = { rowNumber: row.rowNumber, result: 'failed', error };
    }
    tally[outcome.result]++;
    options.onProgress?.({ ...tally });
    return outcome;
  });
}
