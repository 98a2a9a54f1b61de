import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number };

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { ...JSON_HEADERS, ...headers },
  body: JSON.stringify(body),
});

export const htmlResponse = (
  statusCode: number,
  body: string,
  headers: Record<string, string>,
): HttpResult => ({
  statusCode,
  headers,
  body,
});

/** 303 See Other to `location`, never cached and without a referrer (a document view's storage URL, a form's next page). */
export const seeOtherResponse = (location: string, cookies?: string[]): HttpResult => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  ...(cookies ? { cookies } : {}),
  body: '',
});
