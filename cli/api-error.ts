/** What can go wrong talking to the coordinator API, and which of it is worth retrying. */

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The API answered with an error status (its `{"error": {code, message, details}}` body when it sent one). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** From a `Retry-After` header, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Reads the API's error body (`{"error": {"code", "message", "details"?}}`); anything else (a proxy's HTML page) becomes `HTTP_<status>`. */
  static fromResponse(
    status: number,
    statusText: string,
    body: unknown,
    retryAfter: string | null,
  ): ApiError {
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
    const message =
      typeof error?.message === 'string' ? error.message : statusText || `The API answered ${status}.`;
    const details = Array.isArray(error?.details) ? error.details.filter(isDetail) : [];
    return new ApiError(status, code, message, details, parseRetryAfter(retryAfter));
  }
}

/** No answer: the connection failed or timed out. The request may or may not have been applied. */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`Cannot reach the API at ${url}: ${reason}`);
  }
}

/** Throttling, server-side failures and lost connections are retried; a 4xx answer is final. */
export const isRetryableApiFailure = (error: unknown): boolean =>
  error instanceof ApiUnreachableError ||
  (error instanceof ApiError && (error.status === 429 || error.status >= 500));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isDetail = (value: unknown): value is ErrorDetail =>
  isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
