/**
 * The one retry-with-backoff: retries an operation that failed in a retry-able way, with exponential
 * backoff and full jitter (the pause before attempt n+1 is random in [0, min(max, base * 2^(n-1)))).
 * Used by the CLI's import, the bench's actors and the placements' optimistic writes.
 */

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable(error: unknown): boolean;
  /** A delay the server asked for (Retry-After), honoured up to maxDelayMs. */
  requestedDelayMs?(error: unknown): number | undefined;
  /** Called before each pause (counting retries). */
  onRetry?(error: unknown, attempt: number): void;
  sleep?(ms: number): Promise<void>;
  random?(): number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function retryWithBackoff<T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? sleepFor;
  const random = policy.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !policy.isRetryable(error)) throw error;
      policy.onRetry?.(error, attempt);
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const jittered = random() * ceiling;
      const requested = Math.min(policy.requestedDelayMs?.(error) ?? 0, policy.maxDelayMs);
      await sleep(Math.max(jittered, requested));
    }
  }
}
