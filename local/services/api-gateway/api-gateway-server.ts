import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { InvocationResult } from '../../runtime/function-runtime.js';
import type { HttpApiCorsSpec, RouteSpec } from '../../template/local-cloud-model.js';
import { closeServer, listenOnLoopback } from '../listen-on-loopback.js';
import {
  type ApiResponse,
  distinctHeaders,
  httpApiEvent,
  httpResponseOf,
  newRequestId,
} from './http-api-event.js';
import { RouteTable } from './route-table.js';

/** API Gateway's payload limit for HTTP APIs. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export interface ApiGatewayConfiguration {
  routes: RouteSpec[];
  cors?: HttpApiCorsSpec;
  invoke(functionName: string, event: unknown): Promise<InvocationResult>;
}

const jsonMessage = (statusCode: number, message: string): ApiResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message })),
});

/** Reads the whole body; past the limit it keeps draining (so the client reads our 413) but stops keeping it. */
async function readBody(request: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk as Buffer);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > MAX_REQUEST_BYTES };
}

function allowedOrigin(cors: HttpApiCorsSpec | undefined, origin: string | undefined): string | undefined {
  if (!cors || !origin) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.includes(origin) ? origin : undefined;
}

function corsHeaders(cors: HttpApiCorsSpec | undefined, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!cors || !allowed) return {};
  return {
    'access-control-allow-origin': allowed,
    ...(cors.exposeHeaders.length > 0
      ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') }
      : {}),
    ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

function preflight(cors: HttpApiCorsSpec, origin: string | undefined): ApiResponse {
  const headers: Record<string, string> = corsHeaders(cors, origin);
  if (headers['access-control-allow-origin']) {
    headers['access-control-allow-methods'] = cors.allowMethods.join(',') || '*';
    headers['access-control-allow-headers'] = cors.allowHeaders.join(',') || '*';
    if (cors.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(cors.maxAgeSeconds);
  }
  return { statusCode: 204, headers, body: Buffer.alloc(0) };
}

interface ActiveConfiguration extends ApiGatewayConfiguration {
  table: RouteTable;
}

async function respond(configuration: ActiveConfiguration, request: IncomingMessage): Promise<ApiResponse> {
  const { body, tooLarge } = await readBody(request);
  if (tooLarge) return jsonMessage(413, 'Request Entity Too Large');
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  const headers = distinctHeaders(request.headersDistinct);
  const origin = headers.origin?.[0];
  if (method === 'OPTIONS' && configuration.cors && headers['access-control-request-method']) {
    return preflight(configuration.cors, origin);
  }
  const path = url.split('?')[0] ?? '/';
  const match = configuration.table.match(method, path);
  if (!match) return jsonMessage(404, 'Not Found');
  const requestId = newRequestId();
  const event = httpApiEvent(
    {
      method,
      url,
      headers,
      body,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      routeKey: match.route.routeKey,
      pathParameters: match.pathParameters,
      requestId,
      iamCaller: match.route.authorizationType === 'AWS_IAM',
    },
    'local',
  );
  const outcome = await configuration.invoke(match.route.functionName, event);
  let response: ApiResponse;
  if (!outcome.ok) {
    response = jsonMessage(
      outcome.error.errorType === 'Sandbox.Timedout' ? 503 : 500,
      outcome.error.errorType === 'Sandbox.Timedout' ? 'Service Unavailable' : 'Internal Server Error',
    );
  } else {
    try {
      response = httpResponseOf(outcome.result);
    } catch {
      response = jsonMessage(500, 'Internal Server Error');
    }
  }
  response.headers = {
    ...response.headers,
    ...corsHeaders(configuration.cors, origin),
    'apigw-requestid': requestId,
  };
  return response;
}

/**
 * The HTTP API on 127.0.0.1: routes as the template's AWS::ApiGatewayV2::Route keys do and hands
 * the integration's function a payload 2.0 event. Routes are installed with `configure` once the
 * functions can run; until then every request gets 503.
 */
export async function startApiGateway(options: { port: number }) {
  let configuration: ActiveConfiguration | undefined;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const handled = configuration
      ? respond(configuration, request)
      : Promise.resolve(jsonMessage(503, 'Service Unavailable'));
    handled
      .catch(() => jsonMessage(500, 'Internal Server Error'))
      .then(({ statusCode, headers, body }) => {
        response.writeHead(statusCode, { ...headers, 'content-length': body.length });
        response.end(request.method === 'HEAD' ? undefined : body);
      });
  });
  const port = await listenOnLoopback(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    configure(next: ApiGatewayConfiguration) {
      configuration = { ...next, table: new RouteTable(next.routes) };
    },
    stop: () => closeServer(server),
  };
}
