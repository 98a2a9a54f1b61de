import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '../http/http-response.js';

/** Answers smaller than this are sent as they are: compressing them saves nothing worth the time. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

const COMPRESSIBLE = /^(text\/html|application\/json)\b/i;

type Encoding = 'br' | 'gzip';

/** The encoding to use from `Accept-Encoding` (RFC 9110 §12.5.3): br, then gzip, unless refused with q=0. */
export const chooseEncoding = (acceptEncoding: string | undefined): Encoding | undefined => {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => accepted.get(encoding) ?? (accepted.get('*') || 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
};

const headerOf = (headers: Record<string, unknown> | undefined, name: string): string | undefined => {
  const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers?.[key];
  return value === undefined ? undefined : String(value);
};

const compress = (request: middy.Request<APIGatewayProxyEventV2>): void => {
  const response = request.response as HttpResult | undefined;
  if (!response || typeof response.body !== 'string' || response.isBase64Encoded) return;
  const headers = (response.headers ?? {}) as Record<string, string | number | boolean>;
  if (!COMPRESSIBLE.test(headerOf(headers, 'content-type') ?? '')) return;
  if (headerOf(headers, 'content-encoding') !== undefined) return;
  if (Buffer.byteLength(response.body, 'utf8') < COMPRESSION_THRESHOLD_BYTES) return;
  const encoding = chooseEncoding(headerOf(request.event.headers, 'accept-encoding'));
  const vary = headerOf(headers, 'vary');
  const varied = { ...headers, vary: vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding' };
  if (!encoding) {
    response.headers = varied;
    return;
  }
  // Node's zlib (no hand-written compression); brotli at quality 5 keeps a page's cost to a millisecond or two.
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(response.body);
  response.body = compressed.toString('base64');
  response.isBase64Encoded = true;
  response.headers = { ...varied, 'content-encoding': encoding };
};

/**
 * Compresses HTML and JSON answers of 1 KB or more with br or gzip when the client's
 * `Accept-Encoding` allows (Lambda's API Gateway v2 integration passes a base64 body with its
 * `Content-Encoding` through as is). Error answers too: use it before httpErrors, whose onError then
 * runs first.
 */
export const httpCompression = (): middy.MiddlewareObj<APIGatewayProxyEventV2> => ({
  after: async (request) => compress(request),
  onError: async (request) => compress(request),
});
