import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError, ValidationError } from '../core/errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** An API Gateway v2 event whose body middleware has parsed (JSON or an HTML form). */
export type ParsedHttpEvent = APIGatewayProxyEventV2 & { parsedBody?: unknown };

/** A file of a `multipart/form-data` form (the console's CSV import), read as UTF-8 text. */
export interface FormFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly text: string;
}

export interface HttpBodyOptions {
  /** The largest body accepted (default {@link MAX_BODY_BYTES}); a function taking file uploads raises it. */
  readonly maxBytes?: number;
}

/**
 * Decodes and parses the request body once, for every route: ≤ 64 KB (unless `maxBytes` says
 * otherwise), JSON, `application/x-www-form-urlencoded` (repeated form keys become arrays) or
 * `multipart/form-data` (files become {@link FormFile}s; parsed by Node's own fetch implementation,
 * undici, rather than by hand).
 */
export const httpBody = (options: HttpBodyOptions = {}): middy.MiddlewareObj<ParsedHttpEvent> => ({
  before: async (request) => {
    const event = request.event;
    if (event.body === undefined || event.body === null || event.body === '') return;
    const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
    if (raw.byteLength > maxBytes) {
      throw new PayloadTooLargeError(`The request body is larger than ${Math.floor(maxBytes / 1024)} KB.`);
    }
    const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
    if (contentType.startsWith('multipart/form-data')) {
      event.parsedBody = await parseMultipart(raw, event.headers?.['content-type'] ?? '');
      return;
    }
    const text = raw.toString('utf8');
    event.parsedBody = contentType.startsWith('application/x-www-form-urlencoded')
      ? parseForm(text)
      : parseJson(text);
  },
});

const parseMultipart = async (
  raw: Buffer,
  contentType: string,
): Promise<Record<string, string | FormFile | Array<string | FormFile>>> => {
  let data: FormData;
  try {
    data = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ValidationError([{ path: 'body', message: 'is not a valid multipart/form-data body' }]);
  }
  const form: Record<string, string | FormFile | Array<string | FormFile>> = {};
  for (const [key, entry] of data) {
    const value: string | FormFile =
      typeof entry === 'string'
        ? entry
        : { fileName: entry.name, contentType: entry.type, text: await entry.text() };
    const existing = form[key];
    form[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return form;
};

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
