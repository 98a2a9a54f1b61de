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
  UnauthorizedError,
  ValidationError,
} from '../core/errors.js';
import { EMAIL_LEASE_SECONDS } from '../use-cases/send-email-once.js';
import { type HttpResult, jsonResponse } from './http-response.js';

/** The `error.code` of every error answer the API gives. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'LINK_EXPIRED',
  'ALREADY_DECIDED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface HttpError {
  status: number;
  code: ApiErrorCode;
  message: string;
  details?: Array<{ path: string; message: string }>;
  /** For a 503: when to try again, sent as the `Retry-After` header (never in the body). */
  retryAfterSeconds?: number;
}

/**
 * How long to wait before repeating a request that met a retry-able error: an email claimed by an
 * earlier attempt (a double click, or a re-run of a request that timed out) is free once its lease
 * runs out; a throttled or briefly unavailable dependency usually recovers within seconds.
 */
export const RETRY_AFTER_SECONDS = { emailInFlight: EMAIL_LEASE_SECONDS, transientDependency: 2 } as const;

/**
 * Maps a domain error to its HTTP status and API error code. Retry-able errors that input alone never
 * causes are a 503 SERVICE_UNAVAILABLE with `Retry-After`; anything else is a 500 that says nothing internal.
 */
export const toHttpError = (error: unknown): HttpError => {
  if (error instanceof ValidationError) {
    return { status: 400, code: 'VALIDATION_FAILED', message: error.message, details: error.details };
  }
  if (error instanceof UnauthorizedError)
    return { status: 401, code: 'UNAUTHORIZED', message: error.message };
  if (error instanceof ForbiddenError) return { status: 403, code: 'FORBIDDEN', message: error.message };
  if (error instanceof NotFoundError) return { status: 404, code: 'NOT_FOUND', message: error.message };
  if (error instanceof LinkExpiredError) return { status: 410, code: 'LINK_EXPIRED', message: error.message };
  if (error instanceof AlreadyDecidedError)
    return { status: 409, code: 'ALREADY_DECIDED', message: error.message };
  if (error instanceof ConflictError) return { status: 409, code: 'CONFLICT', message: error.message };
  if (error instanceof PayloadTooLargeError)
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: error.message };
  if (error instanceof EmailInFlightError) {
    const retryAfterSeconds = RETRY_AFTER_SECONDS.emailInFlight;
    return {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: `An earlier request for this placement is still finishing. Please try again in ${retryAfterSeconds} seconds.`,
      retryAfterSeconds,
    };
  }
  // Optimistic-concurrency retries exhausted under contention: the same request will likely go through.
  if (error instanceof TransientDependencyError || error instanceof ConcurrentUpdateError) {
    return {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is busy. Please try again in a moment.',
      retryAfterSeconds: RETRY_AFTER_SECONDS.transientDependency,
    };
  }
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side. Please try again later.',
  };
};

export const errorResponse = (error: unknown): HttpResult => {
  const { status, retryAfterSeconds, ...body } = toHttpError(error);
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return jsonResponse(status, { error: body }, headers);
};
