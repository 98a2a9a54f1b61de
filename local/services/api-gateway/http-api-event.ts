import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from '../../template/local-aws-account.js';

export interface IncomingApiRequest {
  method: string;
  /** The request target as received: path and query string, still URL-encoded. */
  url: string;
  /** Header values by lower-case name, repeated headers kept apart. */
  headers: Record<string, string[]>;
  body: Buffer;
  sourceIp: string;
  routeKey: string;
  pathParameters: Record<string, string>;
  requestId: string;
  /** For AWS_IAM routes: the caller, as the IAM authorizer would describe it. */
  iamCaller?: boolean;
}

/** The identity an AWS_IAM route sees locally, where requests are not signed. */
export const LOCAL_IAM_CALLER = {
  accessKey: 'ASIALOCALCOORDINATOR',
  accountId: LOCAL_ACCOUNT_ID,
  callerId: 'AIDALOCALCOORDINATOR',
  cognitoIdentity: null,
  principalOrgId: null,
  userArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-coordinator`,
  userId: 'AIDALOCALCOORDINATOR',
};

/** API Gateway passes these bodies as text; any other body arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType.endsWith('+json') ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+xml') ||
    mediaType === 'application/javascript'
  );
}

/** `headersDistinct` of a Node request, without the headers HTTP/1.1 framing adds. */
export function distinctHeaders(
  headers: NodeJS.Dict<string[]> | IncomingHttpHeaders,
): Record<string, string[]> {
  const distinct: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    distinct[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return distinct;
}

function requestTime(now: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(now.getUTCDate())}/${months[now.getUTCMonth()]}/${now.getUTCFullYear()}:${pad(now.getUTCHours())}:${pad(
    now.getUTCMinutes(),
  )}:${pad(now.getUTCSeconds())} +0000`;
}

export function newRequestId(): string {
  return `${randomBytes(10).toString('base64').replace(/[+/]/g, 'A').slice(0, 14)}=`;
}

/** The API Gateway HTTP API event, payload format 2.0, for one request. */
export function httpApiEvent(request: IncomingApiRequest, apiId: string): APIGatewayProxyEventV2 {
  const questionMark = request.url.indexOf('?');
  const rawPath = questionMark >= 0 ? request.url.slice(0, questionMark) : request.url;
  const rawQueryString = questionMark >= 0 ? request.url.slice(questionMark + 1) : '';
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, values] of Object.entries(request.headers)) {
    if (name === 'cookie') {
      cookies = values.flatMap((value) => value.split(';').map((cookie) => cookie.trim())).filter(Boolean);
      continue;
    }
    headers[name] = values.join(',');
  }
  const host = headers.host ?? 'localhost';
  headers['x-forwarded-for'] = request.sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = host.split(':')[1] ?? '80';
  headers['x-amzn-trace-id'] =
    `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const queryStringParameters: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[key] =
      key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;
  }
  const now = new Date();
  const text = isTextContentType(headers['content-type']);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: request.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: request.body.length > 0 && !text,
  };
  if (request.iamCaller) {
    (event.requestContext as unknown as Record<string, unknown>).authorizer = { iam: LOCAL_IAM_CALLER };
  }
  if (cookies.length > 0) event.cookies = cookies;
  if (Object.keys(queryStringParameters).length > 0) event.queryStringParameters = queryStringParameters;
  if (Object.keys(request.pathParameters).length > 0) event.pathParameters = request.pathParameters;
  if (request.body.length > 0) event.body = request.body.toString(text ? 'utf8' : 'base64');
  return event;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Maps a function's result to the HTTP response as API Gateway does for payload format 2.0: a
 * result with `statusCode` is used as is (headers, multiValueHeaders, cookies, base64 bodies);
 * anything else is a 200 JSON response whose body is the result.
 */
export function httpResponseOf(result: unknown): ApiResponse {
  if (!isRecord(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const statusCode = Number(result.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new Error(`The function returned an invalid statusCode ${JSON.stringify(result.statusCode)}.`);
  }
  const headers: Record<string, string | string[]> = {};
  if (isRecord(result.multiValueHeaders)) {
    for (const [name, values] of Object.entries(result.multiValueHeaders)) {
      if (Array.isArray(values)) headers[name.toLowerCase()] = values.map(String);
    }
  }
  if (isRecord(result.headers)) {
    for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value);
  }
  if (Array.isArray(result.cookies) && result.cookies.length > 0) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      ...result.cookies.map(String),
    ];
  }
  let body = Buffer.alloc(0);
  if (typeof result.body === 'string') {
    body = Buffer.from(result.body, result.isBase64Encoded === true ? 'base64' : 'utf8');
  } else if (result.body !== undefined && result.body !== null) {
    body = Buffer.from(JSON.stringify(result.body));
  }
  return { statusCode, headers, body };
}
