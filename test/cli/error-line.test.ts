import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError, isRetryableApiFailure } from '../../cli/api-error.js';
import { describeError } from '../../cli/error-line.js';

describe('describeError', () => {
  it('shows the API code, status, message and every detail on one line', () => {
    const error = ApiError.fromResponse(
      400,
      'Bad Request',
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          details: [
            { path: 'student.email', message: 'Must be an email address.' },
            { path: 'startDate', message: 'Required.' },
          ],
        },
      },
      null,
    );
    expect(describeError(error)).toBe(
      'VALIDATION_FAILED (HTTP 400): The request is not valid. [student.email: Must be an email address.] [startDate: Required.]',
    );
  });

  it('names a non-JSON error answer by its status', () => {
    const error = ApiError.fromResponse(502, 'Bad Gateway', undefined, '3');
    expect(describeError(error)).toBe('HTTP_502 (HTTP 502): Bad Gateway');
    expect(error.retryAfterMs).toBe(3000);
  });

  it('keeps the line single even when a message has line breaks', () => {
    expect(describeError(new Error('one\ntwo'))).toBe('one two');
  });
});

describe('isRetryableApiFailure', () => {
  it('retries throttling, server errors and lost connections, not client errors', () => {
    expect(isRetryableApiFailure(new ApiError(429, 'TOO_MANY_REQUESTS', 'slow down'))).toBe(true);
    expect(isRetryableApiFailure(new ApiError(503, 'HTTP_503', 'down'))).toBe(true);
    expect(isRetryableApiFailure(new ApiUnreachableError('http://x', 'ECONNRESET'))).toBe(true);
    expect(isRetryableApiFailure(new ApiError(400, 'VALIDATION_FAILED', 'bad'))).toBe(false);
    expect(isRetryableApiFailure(new ApiError(409, 'CONFLICT', 'no'))).toBe(false);
    expect(isRetryableApiFailure(new Error('other'))).toBe(false);
  });
});
