import { describe, expect, it } from 'vitest';
import {
  httpApiEvent,
  httpResponseOf,
  isTextContentType,
} from '../../../../local/services/api-gateway/http-api-event.js';

describe('the payload 2.0 event', () => {
  const request = {
    method: 'POST',
    url: '/review/abc?x=1',
    headers: {
      host: ['127.0.0.1:4000'],
      'content-type': ['application/x-www-form-urlencoded'],
      accept: ['a', 'b'],
    },
    body: Buffer.from('decision=approve'),
    sourceIp: '127.0.0.1',
    routeKey: 'POST /review/{token}',
    pathParameters: { token: 'abc' },
    requestId: 'req-1',
  };

  it('joins repeated headers with commas', () => {
    expect(httpApiEvent(request, 'api').headers.accept).toBe('a,b');
  });

  it('base64-encodes a form post, as HTTP APIs do for any body that is not text', () => {
    const event = httpApiEvent(request, 'api');
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').toString()).toBe('decision=approve');
  });

  it('leaves out body, query parameters, path parameters and cookies that are absent', () => {
    const event = httpApiEvent({ ...request, url: '/x', body: Buffer.alloc(0), pathParameters: {} }, 'api');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('cookies');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('treats JSON, text and XML as text', () => {
    expect(isTextContentType('application/json; charset=utf-8')).toBe(true);
    expect(isTextContentType('application/problem+json')).toBe(true);
    expect(isTextContentType('text/html')).toBe(true);
    expect(isTextContentType('multipart/form-data; boundary=x')).toBe(false);
    expect(isTextContentType(undefined)).toBe(false);
  });
});

describe('mapping a function result to the HTTP response', () => {
  it('sends a string result as the body of a 200 JSON response', () => {
    const response = httpResponseOf('hello');
    expect(response).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(response.body.toString()).toBe('hello');
  });

  it('sends an object without statusCode as 200 JSON', () => {
    expect(httpResponseOf({ a: 1 }).body.toString()).toBe('{"a":1}');
  });

  it('merges headers, multiValueHeaders and cookies', () => {
    const response = httpResponseOf({
      statusCode: 302,
      headers: { Location: '/next', 'Set-Cookie': 'a=1' },
      multiValueHeaders: { 'x-list': ['1', '2'] },
      cookies: ['b=2'],
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers).toEqual({
      location: '/next',
      'set-cookie': ['a=1', 'b=2'],
      'x-list': ['1', '2'],
    });
  });

  it('decodes a base64 body', () => {
    expect(httpResponseOf({ statusCode: 200, body: 'AAH/', isBase64Encoded: true }).body).toEqual(
      Buffer.from([0, 1, 255]),
    );
  });

  it('rejects a status code that HTTP does not have', () => {
    expect(() => httpResponseOf({ statusCode: 42 })).toThrow('invalid statusCode');
  });
});
