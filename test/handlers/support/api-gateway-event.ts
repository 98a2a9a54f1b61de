import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface HttpRequest {
  method: string;
  /** The path with its query string, if any: `/placements?status=CLEARED`. */
  path: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with a JSON content type unless one is given). */
  body?: unknown;
  isBase64Encoded?: boolean;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** An API Gateway HTTP API (payload 2.0) event, as the `$default` stage hands it to a function. */
export const apiGatewayEvent = (request: HttpRequest): APIGatewayProxyEventV2 => {
  const [rawPath = '', rawQueryString = ''] = request.path.split('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  let body: string | undefined;
  if (typeof request.body === 'string') body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const query = new URLSearchParams(rawQueryString);
  const queryStringParameters = rawQueryString ? Object.fromEntries(query) : undefined;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'api.onboarding.example', ...headers },
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api0test',
      domainName: 'api.onboarding.example',
      domainPrefix: 'api',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'vitest',
      },
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Mar/2030:09:00:00 +0000',
      timeEpoch: 1_898_586_000_000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: request.isBase64Encoded ?? false,
  };
};

/** Enough of a Lambda context for a handler run outside Lambda. */
export const lambdaContext = (functionName: string): Context =>
  ({
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: 'aws-request-1',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    callbackWaitsForEmptyEventLoop: false,
  }) as Context;

type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** Runs an HTTP handler on one request and returns its structured result. */
export const invokeHttp = async (handler: HttpHandler, request: HttpRequest): Promise<HttpResponse> => {
  const result = (await handler(apiGatewayEvent(request), lambdaContext('http'))) as HttpResponse;
  return { ...result, headers: result.headers ?? {} };
};

/** A response header by name, whatever its case. */
export const headerOf = (response: HttpResponse, name: string): string | undefined =>
  Object.entries(response.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON they assert on
export const jsonOf = (response: HttpResponse): any => JSON.parse(response.body);

/** The `details[].path` of a JSON error response. */
export const errorPaths = (response: HttpResponse): string[] =>
  (jsonOf(response).error?.details ?? []).map((detail: { path: string }) => detail.path);
