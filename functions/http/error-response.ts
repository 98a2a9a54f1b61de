import {
  AlreadyDecidedError,
  ConflictError,
  ForbiddenError,
  LinkExpiredError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from '../core/errors.js';
import { type HttpResult, jsonResponse } from './http-response.js';

export interface HttpError {
  status: number;
  code: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

/** Maps a domain error to its HTTP status and API error code; anything else is a 500 that says nothing internal. */
export const toHttpError = (error: unknown): HttpError => {
  if (error instanceof ValidationError) {
    return { status: 400, code: 'VALIDATION_FAILED', message: error.message, details: error.details };
  }
  if (error instanceof ForbiddenError) return { status: 403, code: 'FORBIDDEN', message: error.message };
  if (error instanceof NotFoundError) return { status: 404, code: 'NOT_FOUND', message: error.message };
  if (error instanceof LinkExpiredError) return { status: 410, code: 'LINK_EXPIRED', message: error.message };
  if (error instanceof AlreadyDecidedError)
    return { status: 409, code: 'ALREADY_DECIDED', message: error.message };
  if (error instanceof ConflictError) return { status: 409, code: 'CONFLICT', message: error.message };
  if (error instanceof PayloadTooLargeError)
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: error.message };
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side. Please try again later.',
  };
};

export const errorResponse = (error: unknown): HttpResult => {
  const { status, ...body } = toHttpError(error);
  return jsonResponse(status, { error: body });
};
