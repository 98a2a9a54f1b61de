import { gunzipSync } from 'node:zlib';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../functions/core/errors.js';
import type { HttpResult } from '../../functions/http/http-response.js';
import { jsonResponse } from '../../functions/http/http-response.js';
import { chooseEncoding, httpCompression } from '../../functions/middleware/http-compression.js';
import { httpErrors } from '../../functions/middleware/http-errors.js';

const big = { items: Array.from({ length: 100 }, (_, index) => ({ index, text: 'a placement row' })) };

const run = async (acceptEncoding: string | undefined, body: unknown, fail = false) => {
  const handler = middy<APIGatewayProxyEventV2>()
    .use(httpCompression())
    .use(httpErrors())
    .handler(async () => {
      if (fail) throw new NotFoundError('x'.repeat(2000));
      return jsonResponse(200, body);
    });
  const event = {
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  } as APIGatewayProxyEventV2;
  return (await handler(event, {} as Context)) as HttpResult;
};

describe('httpCompression', () => {
  it('gzips a JSON answer over 1 KB for a client that accepts gzip only', async () => {
    const response = await run('gzip', big);
    expect(response.headers?.['content-encoding']).toBe('gzip');
    expect(response.headers?.vary).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(Buffer.from(String(response.body), 'base64')).toString())).toEqual(big);
  });

  it('prefers br, and leaves an answer under 1 KB or to a client that accepts nothing as it is', async () => {
    expect((await run('gzip, br', big)).headers?.['content-encoding']).toBe('br');
    expect((await run('gzip, br', { ok: true })).isBase64Encoded).toBeUndefined();
    const plain = await run(undefined, big);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(JSON.parse(String(plain.body))).toEqual(big);
  });

  it('compresses error answers too', async () => {
    expect((await run('gzip', big, true)).headers?.['content-encoding']).toBe('gzip');
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeUndefined();
  });
});
