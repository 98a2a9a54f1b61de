import { describe, expect, it } from 'vitest';
import { createSigV4Signer, signingRegionFor } from '../../cli/sigv4-signer.js';

const credentials = { accessKeyId: 'AKID', secretAccessKey: 'SECRET' };
const signingDate = new Date('2027-01-15T10:20:30Z');

describe('SigV4 signing for execute-api', () => {
  it('signs with service execute-api and the region, date and key in the credential scope', async () => {
    const sign = createSigV4Signer({ region: 'us-east-1', credentials, signingDate });
    const url = new URL(
      'https://abc123.execute-api.us-east-1.amazonaws.com/prod/placements?siteId=demo&limit=5',
    );
    const headers = await sign({
      method: 'POST',
      url,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"siteId":"demo"}',
    });
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/20270115\/us-east-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    expect(headers.authorization).toContain('host');
    expect(headers['x-amz-date']).toBe('20270115T102030Z');
    expect(headers.host).toBe('abc123.execute-api.us-east-1.amazonaws.com');
  });

  it('adds the session token of temporary credentials', async () => {
    const sign = createSigV4Signer({
      region: 'eu-west-1',
      credentials: { ...credentials, sessionToken: 'TOKEN' },
      signingDate,
    });
    const headers = await sign({
      method: 'GET',
      url: new URL('https://x.execute-api.eu-west-1.amazonaws.com/'),
      headers: {},
    });
    expect(headers['x-amz-security-token']).toBe('TOKEN');
    expect(headers.authorization).toContain('/eu-west-1/execute-api/aws4_request');
  });

  it('gives a different signature for a different body', async () => {
    const sign = createSigV4Signer({ region: 'us-east-1', credentials, signingDate });
    const url = new URL('https://abc123.execute-api.us-east-1.amazonaws.com/placements');
    const one = await sign({ method: 'POST', url, headers: {}, body: '{"a":1}' });
    const two = await sign({ method: 'POST', url, headers: {}, body: '{"a":2}' });
    expect(one.authorization).not.toBe(two.authorization);
  });

  it('reports a credentials failure as a clear error', async () => {
    const sign = createSigV4Signer({
      region: 'us-east-1',
      credentials: () => Promise.reject(new Error('no profile')),
    });
    await expect(sign({ method: 'GET', url: new URL('https://a.example/'), headers: {} })).rejects.toThrow(
      'Cannot sign the request with AWS credentials: no profile',
    );
  });
});

describe('signingRegionFor', () => {
  it('reads the region from an execute-api host name', () => {
    expect(
      signingRegionFor(new URL('https://abc123.execute-api.ap-southeast-2.amazonaws.com/prod'), {}),
    ).toBe('ap-southeast-2');
  });

  it('falls back to AWS_REGION, then AWS_DEFAULT_REGION, for a custom domain', () => {
    const url = new URL('https://placements.example.edu');
    expect(signingRegionFor(url, { AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'eu-central-1',
    );
    expect(signingRegionFor(url, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(() => signingRegionFor(url, {})).toThrow(/set AWS_REGION/);
  });
});
