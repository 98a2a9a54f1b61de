import { NotFoundError } from '../core/errors.js';
import type { ParsedHttpEvent } from '../middleware/http-body.js';
import { correlateWithPlacement } from '../observability/logger.js';
import type { HttpResult } from './http-response.js';

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  headers: Record<string, string | undefined>;
  event: ParsedHttpEvent;
}

export type RouteHandler = (request: RouteRequest) => Promise<HttpResult>;

/**
 * A function's routes by their key as API Gateway writes it (`METHOD /path/{param}`); typed by the
 * function's list in functions/contract/route-keys.ts, so it serves exactly the routes the API adds.
 */
export type RouteTable<RouteKey extends string = string> = Record<RouteKey, RouteHandler>;

const compiled = new WeakMap<
  RouteTable,
  Array<{ method: string; pattern: RegExp; names: string[]; handle: RouteHandler }>
>();

const compile = (routes: RouteTable) => {
  let table = compiled.get(routes);
  if (!table) {
    table = Object.entries(routes).map(([key, handle]) => {
      const [method = '', path = ''] = key.split(' ');
      const names: string[] = [];
      const source = path
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]);
          return '([^/]+)';
        })
        .join('/');
      return { method, pattern: new RegExp(`^${source}/?$`), names, handle };
    });
    compiled.set(routes, table);
  }
  return table;
};

/**
 * Dispatches an API Gateway v2 event to the route that matches its method and path. A route with a
 * `{placementId}` tags the rest of the request's log lines with it.
 */
export const dispatch = async (routes: RouteTable, event: ParsedHttpEvent): Promise<HttpResult> => {
  const method = event.requestContext?.http?.method ?? '';
  const path = event.rawPath ?? event.requestContext?.http?.path ?? '';
  for (const route of compile(routes)) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => {
      params[name] = safeDecode(match[index + 1] ?? '');
    });
    if (params.placementId !== undefined) correlateWithPlacement(params.placementId);
    return route.handle({
      params,
      query: event.queryStringParameters ?? {},
      body: event.parsedBody,
      headers: event.headers ?? {},
      event,
    });
  }
  throw new NotFoundError('No such route.');
};

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
