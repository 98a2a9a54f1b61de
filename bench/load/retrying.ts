import { retryWithBackoff } from '../../functions/contract/retry-with-backoff.js';

/** Thrown for an answer that retrying cannot change (a 4xx other than 429). */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

/**
 * What a person (or a browser) does when a request fails for reasons of the moment (no answer,
 * 5xx, 429): tries again a little later, up to `attempts` times. Counts the retries it made.
 */
export function retrying<T>(operation: () => Promise<T>, onRetry: () => void, attempts = 6): Promise<T> {
  return retryWithBackoff(operation, {
    attempts,
    baseDelayMs: 400,
    maxDelayMs: 5000,
    isRetryable: (error) => !(error instanceof PermanentFailure),
    onRetry,
  });
}

/** Turns an HTTP status into: fine, worth another try (thrown Error), or final (PermanentFailure). */
export const checkStatus = (what: string, status: number, body?: unknown): void => {
  if (status >= 200 && status < 300) return;
  const text = `${what} answered ${status}${body === undefined ? '' : `: ${JSON.stringify(body).slice(0, 200)}`}`;
  if (status >= 400 && status < 500 && status !== 429) throw new PermanentFailure(text);
  throw new Error(text);
};
