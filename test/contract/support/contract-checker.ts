import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { documentRouteKeys, type OpenApiDocument, operationOf } from '../openapi-document.js';

// ajv-formats is CommonJS: its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The `$id` the document is added to ajv under, so its own `#/components/...` references resolve. */
const DOCUMENT_ID = 'https://placement-onboarding.invalid/openapi.json';

/** One real answer of the API, as fetch gave it. */
export interface Answer {
  status: number;
  contentType: string;
  /** Parsed JSON for a JSON answer; the text otherwise. */
  body: unknown;
  headers: Headers;
}

export interface Exchange {
  /** `POST /placements/{placementId}/cancel`: which operation of the document the request is for. */
  routeKey: string;
  /** The concrete path, with ids and tokens in it. */
  path: string;
  query?: Record<string, string>;
  /** A JSON value (sent as JSON), or a raw string sent as is (with the given content type). */
  body?: unknown;
  /** Fields sent as an HTML form would (`application/x-www-form-urlencoded`), instead of `body`. */
  form?: Record<string, string | readonly string[]>;
  /** The request's `cookie` header (`name=value; name=value`). */
  cookie?: string;
  headers?: Record<string, string>;
}

/** A form body as a browser encodes it; a field given several values is repeated. */
const formBodyOf = (fields: Record<string, string | readonly string[]>): string => {
  const encoded = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of typeof value === 'string' ? [value] : value) encoded.append(name, one);
  }
  return encoded.toString();
};

/** The request body and its content type (none, JSON, a raw string as given, or a form). */
const bodyOf = (exchange: Exchange): { body?: string; contentType?: string } => {
  if (exchange.form !== undefined) {
    return { body: formBodyOf(exchange.form), contentType: 'application/x-www-form-urlencoded' };
  }
  if (exchange.body === undefined) return {};
  if (typeof exchange.body === 'string') return { body: exchange.body };
  return { body: JSON.stringify(exchange.body), contentType: 'application/json' };
};

/** A JSON pointer segment (RFC 6901). */
const pointerSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const mediaTypeOf = (contentType: string) => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/**
 * Sends requests to one API and holds each answer against docs/openapi.yaml: the route declares the
 * status, the content type is one the document gives that status, and a JSON body is valid against
 * its schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it). It remembers every (route, status)
 * it saw, so a test can show that each one the document declares was exercised.
 */
export class ContractChecker {
  private readonly ajv: Ajv2020;
  private readonly seen = new Set<string>();

  constructor(
    private readonly document: OpenApiDocument,
    private readonly baseUrl: () => string,
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  }

  /** Sends one request and checks its answer against the document; returns the answer for the test's own checks. */
  async send(exchange: Exchange): Promise<Answer> {
    const [method = ''] = exchange.routeKey.split(' ');
    this.expectPathFitsRoute(exchange);
    const url = new URL(`${this.baseUrl()}${exchange.path}`);
    for (const [name, value] of Object.entries(exchange.query ?? {})) url.searchParams.set(name, value);
    const { body: requestBody, contentType: requestType } = bodyOf(exchange);
    const response = await fetch(url, {
      method,
      // A redirect is an answer of its own (the console's 303s): seen as it is, never followed.
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(requestType === undefined ? {} : { 'content-type': requestType }),
        ...(exchange.cookie === undefined ? {} : { cookie: exchange.cookie }),
        ...exchange.headers,
      },
      ...(requestBody === undefined ? {} : { body: requestBody }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const body = mediaTypeOf(contentType) === 'application/json' ? JSON.parse(text) : text;
    const answer: Answer = { status: response.status, contentType, body, headers: response.headers };
    this.check(exchange.routeKey, answer);
    return answer;
  }

  /** Holds an answer against the document (also for answers fetched another way, e.g. by a helper). */
  check(routeKey: string, answer: Answer): void {
    const operation = operationOf(this.document, routeKey);
    const status = String(answer.status);
    const declared = operation.responses[status];
    const where = `${routeKey} answered ${status}`;
    expect(
      declared,
      `${where}, which the document does not declare: ${JSON.stringify(answer.body)}`,
    ).toBeDefined();
    const { response, pointer } = this.resolveResponse(routeKey, status);
    const mediaType = mediaTypeOf(answer.contentType);
    if (response.content === undefined) {
      // The document gives this answer no body (a redirect): it must have none.
      expect(answer.body, `${where} with a body the document does not declare`).toBe('');
    } else {
      const content = response.content as Record<string, unknown>;
      expect(Object.keys(content), `${where} as ${mediaType}`).toContain(mediaType);
      const validate = this.ajv.getSchema(
        `${DOCUMENT_ID}#${pointer}/content/${pointerSegment(mediaType)}/schema`,
      );
      if (!validate) throw new Error(`no schema for ${where} as ${mediaType}`);
      const valid = validate(answer.body);
      expect(
        valid ? [] : validate.errors,
        `${where}: the body does not fit the document: ${JSON.stringify(answer.body)}`,
      ).toEqual([]);
    }
    for (const [header, declaredHeader] of Object.entries(
      (response.headers ?? {}) as Record<string, { $ref?: string }>,
    )) {
      const value = answer.headers.get(header);
      expect(value, `${where} without its ${header} header`).not.toBeNull();
      const headerPointer =
        declaredHeader.$ref?.replace(/^#/, '') ?? `${pointer}/headers/${pointerSegment(header)}`;
      const validateHeader = this.ajv.getSchema(`${DOCUMENT_ID}#${headerPointer}/schema`);
      if (!validateHeader) throw new Error(`no schema for the ${header} header of ${where}`);
      expect(validateHeader(value) ? [] : validateHeader.errors, `${where}: ${header}: ${value}`).toEqual([]);
    }
    this.seen.add(`${routeKey} ${status}`);
  }

  /** Every (route, status) the document declares that no checked answer has shown yet. */
  unexercised(): string[] {
    return documentRouteKeys(this.document).flatMap((routeKey) =>
      Object.keys(operationOf(this.document, routeKey).responses)
        .map((status) => `${routeKey} ${status}`)
        .filter((pair) => !this.seen.has(pair)),
    );
  }

  /** Every (route, status) some checked answer showed. */
  exercised(): string[] {
    return [...this.seen];
  }

  /** The response object (a `$ref` to components/responses followed) and its JSON pointer in the document. */
  private resolveResponse(routeKey: string, status: string) {
    const [method = '', path = ''] = routeKey.split(' ');
    const inline = operationOf(this.document, routeKey).responses[status] ?? {};
    if (inline.$ref) {
      const name = inline.$ref.replace('#/components/responses/', '');
      const response = this.document.components.responses?.[name] as typeof inline | undefined;
      if (!response) throw new Error(`${inline.$ref} does not resolve`);
      return { response, pointer: `/components/responses/${pointerSegment(name)}` };
    }
    return {
      response: inline,
      pointer: `/paths/${pointerSegment(path)}/${method.toLowerCase()}/responses/${status}`,
    };
  }

  /** A typo in a test's route key would check the answer against the wrong operation: refuse it. */
  private expectPathFitsRoute({ routeKey, path }: Exchange): void {
    const template = routeKey.split(' ')[1] ?? '';
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    expect(path, `${path} is not a path of ${routeKey}`).toMatch(pattern);
  }
}
