import { describe, expect, it } from 'vitest';
import {
  AlreadyDecidedError,
  ConcurrentUpdateError,
  ConflictError,
  EmailInFlightError,
  ForbiddenError,
  LinkExpiredError,
  NotFoundError,
  PayloadTooLargeError,
  TransientDependencyError,
  ValidationError,
} from '../../functions/core/errors.js';
import { errorResponse } from '../../functions/http/error-response.js';

const responseTo = (error: unknown) => {
  const response = errorResponse(error);
  return {
    status: response.statusCode,
    retryAfter: response.headers?.['retry-after'],
    body: JSON.parse(String(response.body)) as { error: { code: string; message: string } },
  };
};

describe('errors at the HTTP edge', () => {
  it.each<[string, unknown, number, string]>([
    [
      'a validation error',
      new ValidationError([{ path: 'startDate', message: 'Must be a real date.' }]),
      400,
      'VALIDATION_FAILED',
    ],
    ['a cross-site post', new ForbiddenError('No.'), 403, 'FORBIDDEN'],
    ['an unknown id', new NotFoundError('No such placement.'), 404, 'NOT_FOUND'],
    ['an expired link', new LinkExpiredError('Expired.'), 410, 'LINK_EXPIRED'],
    ['a second decision', new AlreadyDecidedError('Decided.'), 409, 'ALREADY_DECIDED'],
    ['a conflict', new ConflictError('Not FAILED.'), 409, 'CONFLICT'],
    ['a large body', new PayloadTooLargeError('Too big.'), 413, 'PAYLOAD_TOO_LARGE'],
  ])('maps %s to its status and code, with its message', (_name, error, status, code) => {
    const response = responseTo(error);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toBe((error as Error).message);
    expect(response.retryAfter).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    [
      'an email another attempt is still sending',
      new EmailInFlightError('claim runs until 2026-01-01T00:00:00Z'),
      '30',
    ],
    ['a throttled dependency', new TransientDependencyError('DynamoDB Throttling on table X'), '2'],
    ['optimistic-concurrency retries running out', new ConcurrentUpdateError('pl_123 changed 5 times'), '2'],
  ])('answers %s with 503 and Retry-After, not a 500', (_name, error, retryAfter) => {
    const response = responseTo(error);
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.retryAfter).toBe(retryAfter);
    expect(response.body.error.message).not.toContain((error as Error).message);
  });

  it('answers anything else with a 500 that says nothing internal', () => {
    const response = responseTo(
      new TypeError('Cannot read properties of undefined (reading "rules") at /var/task'),
    );
    expect(response).toEqual({
      status: 500,
      retryAfter: undefined,
      body: {
        error: {
          code: 'INTERNAL_ERROR',
          message: 'Something went wrong on our side. Please try again later.',
        },
      },
    });
  });
});
