import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { documentRouteKeys, OPENAPI_PATH, operationOf, readOpenApiDocument } from './openapi-document.js';

describe('docs/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator), every $ref resolving', async () => {
    const validator = new Validator();
    const result = await validator.validate(OPENAPI_PATH);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Resolving every $ref fails on one that points nowhere.
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('refuses a document that breaks the OpenAPI schema (the validator is not vacuous)', async () => {
    const broken = readOpenApiDocument() as unknown as Record<string, unknown>;
    broken.paths = { '/sites/{siteId}': { get: { responses: 'none' } } };
    const result = await new Validator().validate(broken as never);
    expect(result.valid).toBe(false);
  });

  it('signs every coordinator route with sigv4 and leaves every link and console route open (the token, or the console session, is the key)', () => {
    const document = readOpenApiDocument();
    expect(document.security).toBeUndefined();
    for (const routeKey of documentRouteKeys(document)) {
      const { security } = operationOf(document, routeKey);
      const isLink = /^(GET|POST) \/(portal|review|console)(\/|$)/.test(routeKey);
      expect(security, routeKey).toEqual(isLink ? [] : [{ sigv4: [] }]);
    }
  });

  it('gives every 503 a Retry-After header', () => {
    const document = readOpenApiDocument();
    const responses = document.components.responses as Record<string, { headers?: Record<string, unknown> }>;
    for (const routeKey of documentRouteKeys(document)) {
      const answer = operationOf(document, routeKey).responses['503'];
      expect(answer, routeKey).toBeDefined();
      const resolved = answer?.$ref ? responses[answer.$ref.split('/').pop() ?? ''] : answer;
      expect(Object.keys(resolved?.headers ?? {}), routeKey).toContain('Retry-After');
    }
  });
});
