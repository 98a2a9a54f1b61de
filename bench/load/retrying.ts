import { setTimeout as sleep } from 'node:timers/promises';

/** Thrown for an answer that retrying cannot change (a 4xx other than 429). */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

/**
 * What a person (or a browser) does when a request fails for reasons of the moment (no answer,
 * 5xx, 429): tries again a little later, up to `attempts` times. Counts the retries it made.
 */
export async function retrying<T>(
  operation: () => Promise<T>,
  onRetry: () => void,
  attempts = 6,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof PermanentFailure || attempt >= attempts) throw error;
      onRetry();
      await sleep(Math.random() * Math.min(5000, 200 * 2 ** attempt));
    }
  }
}

/** Turns an HTTP status into: fine, worth another try (thrown Error), or final (PermanentFailure). */
export const checkStatus = (what: string, status: number, body?: unknown): void => {
  if (status >= 200 && status < 300) return;
  const text = `${what} answered ${status}${body === undefined ? '' : `: ${JSON.stringify(body).slice(0, 200)}`}`;
  if (status >= 400 && status < 500 && status !== 429) throw new PermanentFailure(text);
  throw new Error(text);
};
