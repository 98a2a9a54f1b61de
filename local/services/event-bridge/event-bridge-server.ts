import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../listen-on-loopback.js';
import { readRequestBody } from '../read-request-body.js';
import { renderEventsPage } from './events-page.js';
import type { LocalEventBus, PutEventsEntry } from './local-event-bus.js';

/** PutEvents takes at most 10 entries. */
const MAX_ENTRIES = 10;

class EventBridgeApiError extends Error {
  override readonly name = 'EventBridgeApiError';
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  contentType: string,
  errorType?: string,
) {
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(payload);
}

const AWS_JSON = 'application/x-amz-json-1.1';

async function putEvents(bus: LocalEventBus, request: IncomingMessage, response: ServerResponse) {
  try {
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target !== 'AWSEvents.PutEvents') {
      throw new EventBridgeApiError('UnknownOperationException', `Unknown operation ${target || '(none)'}`);
    }
    let body: { Entries?: unknown };
    try {
      body = JSON.parse((await readRequestBody(request)) || '{}') as { Entries?: unknown };
    } catch {
      throw new EventBridgeApiError('SerializationException', 'The request body is not JSON.');
    }
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new EventBridgeApiError(
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES}`,
      );
    }
    const results = [];
    for (const entry of entries) results.push(await bus.put((entry ?? {}) as PutEventsEntry));
    const failed = results.filter((result) => 'ErrorCode' in result).length;
    sendJson(response, 200, { FailedEntryCount: failed, Entries: results }, AWS_JSON);
  } catch (error) {
    if (error instanceof EventBridgeApiError) {
      sendJson(
        response,
        error.statusCode,
        { __type: error.type, message: error.message },
        AWS_JSON,
        error.type,
      );
    } else {
      sendJson(
        response,
        500,
        { __type: 'InternalException', message: 'Internal error.' },
        AWS_JSON,
        'InternalException',
      );
    }
  }
}

function read(bus: LocalEventBus, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/events') {
    const afterText = url.searchParams.get('after') ?? '0';
    const after = Number(afterText);
    if (!/^\d+$/.test(afterText) || !Number.isSafeInteger(after)) {
      sendJson(response, 400, { message: 'after must be a whole number (a seq).' }, 'application/json');
      return;
    }
    sendJson(response, 200, { events: bus.eventsAfter(after) }, 'application/json');
    return;
  }
  if (url.pathname === '/') {
    const page = renderEventsPage(bus.eventsAfter(0));
    response.writeHead(200, { ...page.headers, 'content-type': 'text/html; charset=utf-8' });
    response.end(page.html);
    return;
  }
  sendJson(response, 404, { message: 'Not found.' }, 'application/json');
}

/**
 * The local EventBridge on loopback: `POST /` with `X-Amz-Target: AWSEvents.PutEvents` (AWS JSON 1.1,
 * what an unmodified `@aws-sdk/client-eventbridge` sends), `GET /events?after=SEQ` (the events as
 * JSON) and `GET /` (a page listing them).
 */
export async function startEventBridgeServer(options: { port: number; bus: LocalEventBus }) {
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST') void putEvents(options.bus, request, response);
    else if (request.method === 'GET' || request.method === 'HEAD') read(options.bus, request, response);
    else sendJson(response, 405, { message: 'Method not allowed.' }, 'application/json');
  });
  const port = await listenOnLoopback(server, options.port);
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}
