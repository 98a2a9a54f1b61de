import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Where the HTTP contract lives: the one document the types, the CLI and these tests read. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface OperationObject {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown>; headers?: unknown }>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components: Record<string, Record<string, unknown>>;
  security?: unknown;
}

export const readOpenApiDocument = (): OpenApiDocument =>
  parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;

/** Every operation of the document as API Gateway writes a route key: `POST /placements/{placementId}/cancel`. */
export const documentRouteKeys = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
  );

/** The operation of a route key. */
export const operationOf = (document: OpenApiDocument, routeKey: string): OperationObject => {
  const [method = '', path = ''] = routeKey.split(' ');
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`the document has no ${routeKey}`);
  return operation as OperationObject;
};
