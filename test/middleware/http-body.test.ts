import { describe, expect, it } from 'vitest';
import { httpBody, type ParsedHttpEvent } from '../../functions/middleware/http-body.js';

const parse = async (body: string, contentType: string, maxBytes?: number) => {
  const event = {
    body,
    isBase64Encoded: false,
    headers: { 'content-type': contentType },
  } as unknown as ParsedHttpEvent;
  const middleware = httpBody(maxBytes === undefined ? {} : { maxBytes });
  await middleware.before?.({ event } as never);
  return event.parsedBody;
};

describe('httpBody', () => {
  it('reads a multipart form: text fields as strings, a file as its name, type and UTF-8 text', async () => {
    const boundary = '----form42';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="_csrf"',
      '',
      'token-1',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="term, spring.csv"',
      'Content-Type: text/csv',
      '',
      'studentId,studentName\r\nS-1,"Zoë, ""Z"" Ng"',
      `--${boundary}--`,
      '',
    ].join('\r\n');

    expect(await parse(body, `multipart/form-data; boundary=${boundary}`)).toEqual({
      _csrf: 'token-1',
      file: {
        fileName: 'term, spring.csv',
        contentType: 'text/csv',
        text: 'studentId,studentName\r\nS-1,"Zoë, ""Z"" Ng"',
      },
    });
  });

  it('refuses a broken multipart body with a 400 at body', async () => {
    await expect(parse('not multipart', 'multipart/form-data; boundary=nothing')).rejects.toMatchObject({
      name: 'ValidationError',
      details: [{ path: 'body', message: 'is not a valid multipart/form-data body' }],
    });
  });

  it('keeps the 64 KB limit unless the function raises it', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(70 * 1024) });
    await expect(parse(big, 'application/json')).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
    expect(await parse(big, 'application/json', 1024 * 1024)).toMatchObject({ text: expect.any(String) });
  });
});
