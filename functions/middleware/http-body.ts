import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, ValidationError } from '../core/errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** An API Gateway v2 event whose body middleware has parsed (JSON or an HTML form). */
export type ParsedHttpEvent = APIGatewayProxyEventV2 & { parsedBody?: unknown };

/**
 * Decodes and parses the request body once, for every route: ≤ 64 KB, JSON or
 * `application/x-www-form-urlencoded` (repeated form keys become arrays).
 */
export const httpBody = (): middy.MiddlewareObj<ParsedHttpEvent> => ({
  before: async (request) => {
    const event = request.event;
    if (event.body === undefined || event.body === null || event.body === '') return;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
    if (raw.byteLength > MAX_BODY_BYTES) {
      throw new PayloadTooLargeError(`The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
    }
    const text = raw.toString('utf8');
    const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
    event.parsedBody = contentType.startsWith('application/x-www-form-urlencoded')
      ? parseForm(text)
      : parseJson(text);
  },
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: 'body', message: 'is not valid JSON' }]);
  }
};

const parseForm = (text: string): Record<string, string | string[]> => {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = form[key];
    form[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return form;
};
