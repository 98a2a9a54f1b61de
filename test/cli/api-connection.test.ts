import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './captured-io.js';

const site = {
  siteId: 'demo-hospital',
  name: 'Demo General Hospital',
  adminEmails: ['admin@example.edu'],
  requirements: ['MMR'],
  documentsDueDays: 14,
  reminderIntervalHours: 72,
  siteReminderIntervalHours: 48,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
};

const recordingFetch = (answer: () => Response) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fake = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { calls, fetch: fake as typeof fetch };
};

const headersOf = (call: { init: RequestInit } | undefined) =>
  (call?.init.headers ?? {}) as Record<string, string>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('connecting to the API on AWS', () => {
  it('signs requests to an execute-api URL with SigV4, keeping the stage path', async () => {
    const recorder = recordingFetch(() => json(200, site));
    const run = await runCliCaptured(
      ['sites', 'show', 'demo hospital', '--api', 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/'],
      { fetch: recorder.fetch, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } },
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(recorder.calls).toHaveLength(1);
    const [call] = recorder.calls;
    expect(call?.url).toBe('https://abc123.execute-api.us-east-1.amazonaws.com/prod/sites/demo%20hospital');
    const headers = headersOf(call);
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/execute-api\/aws4_request, SignedHeaders=\S*host\S*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers.host).toBeUndefined();
  });

  it('uses ONBOARDING_API_URL and AWS_REGION for a custom domain', async () => {
    const recorder = recordingFetch(() => json(200, { items: [] }));
    const run = await runCliCaptured(['placements', 'list', '--status', 'cleared'], {
      env: { ONBOARDING_API_URL: 'https://placements.example.edu', AWS_REGION: 'eu-west-2' },
      fetch: recorder.fetch,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('No placements.\n');
    expect(recorder.calls[0]?.url).toBe('https://placements.example.edu/placements?status=CLEARED');
    expect(headersOf(recorder.calls[0]).authorization).toContain('/eu-west-2/execute-api/aws4_request');
  });

  it('does not sign requests to the local cloud', async () => {
    const recorder = recordingFetch(() => json(200, site));
    const run = await runCliCaptured(['sites', 'show', 'demo-hospital', '--api', 'http://localhost:4010'], {
      fetch: recorder.fetch,
    });
    expect(run.exitCode).toBe(0);
    expect(headersOf(recorder.calls[0]).authorization).toBeUndefined();
  });

  it('reports an unreachable API as one line and a non-JSON error page by its status', async () => {
    const refused = await runCliCaptured(['sites', 'show', 'x', '--api', 'http://127.0.0.1:9'], {
      fetch: (async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }) as typeof fetch,
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe('error: Cannot reach the API at http://127.0.0.1:9/: ECONNREFUSED\n');

    const gateway = await runCliCaptured(['sites', 'show', 'x', '--api', 'http://localhost:4010'], {
      fetch: (async () =>
        new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch,
    });
    expect(gateway.exitCode).toBe(1);
    expect(gateway.stderr).toBe('error: HTTP_502 (HTTP 502): Bad Gateway\n');
  });
});
