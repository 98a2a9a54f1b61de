import { describe, expect, it } from 'vitest';
import { ApiError, isRetryableApiFailure } from '../../cli/api-error.js';
import { type RetryPolicy, retryWithBackoff } from '../../functions/contract/retry-with-backoff.js';

class Transient extends Error {}

const policy = (sleeps: number[], overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  attempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  isRetryable: (error) => error instanceof Transient,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  random: () => 1,
  ...overrides,
});

const failingTimes = (failures: unknown[], value = 'ok') => {
  let calls = 0;
  const operation = async () => {
    const failure = failures[calls++];
    if (failure !== undefined) throw failure;
    return value;
  };
  return { operation, calls: () => calls };
};

describe('retryWithBackoff', () => {
  it('retries a retry-able failure with doubling delays and returns the later success', async () => {
    const sleeps: number[] = [];
    const { operation, calls } = failingTimes([new Transient(), new Transient()]);
    await expect(retryWithBackoff(operation, policy(sleeps))).resolves.toBe('ok');
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const last = new Transient('third');
    const { operation, calls } = failingTimes([new Transient(), new Transient(), last]);
    await expect(retryWithBackoff(operation, policy([]))).rejects.toBe(last);
    expect(calls()).toBe(3);
  });

  it('does not retry a final failure', async () => {
    const final = new Error('bad request');
    const { operation, calls } = failingTimes([final]);
    await expect(retryWithBackoff(operation, policy([]))).rejects.toBe(final);
    expect(calls()).toBe(1);
  });

  it('waits at least as long as the server asked, up to the maximum', async () => {
    const sleeps: number[] = [];
    const { operation } = failingTimes([new Transient(), new Transient()]);
    await retryWithBackoff(operation, policy(sleeps, { random: () => 0, requestedDelayMs: () => 5000 }));
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('retries the API’s 503 SERVICE_UNAVAILABLE after the Retry-After it sends', async () => {
    const busy = ApiError.fromResponse(
      503,
      'Service Unavailable',
      {
        error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is busy. Please try again in a moment.' },
      },
      '2',
    );
    const sleeps: number[] = [];
    const { operation, calls } = failingTimes([busy]);
    await expect(
      retryWithBackoff(
        operation,
        policy(sleeps, {
          maxDelayMs: 5000,
          random: () => 0,
          isRetryable: isRetryableApiFailure,
          requestedDelayMs: (error) => (error instanceof ApiError ? error.retryAfterMs : undefined),
        }),
      ),
    ).resolves.toBe('ok');
    expect(calls()).toBe(2);
    expect(sleeps).toEqual([2000]);
  });
});
