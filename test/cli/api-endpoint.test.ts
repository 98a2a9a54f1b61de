import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, resolveApiUrl } from '../../cli/api-endpoint.js';

const projectWithEndpoints = (content: string) => {
  const directory = mkdtempSync(join(tmpdir(), 'onboarding-cli-'));
  mkdirSync(join(directory, '.local'));
  writeFileSync(join(directory, '.local', 'endpoints.json'), content);
  return directory;
};

describe('resolveApiUrl', () => {
  const cwd = projectWithEndpoints('{"api": "http://127.0.0.1:4010", "mailbox": "http://127.0.0.1:4011"}');

  it('prefers --api over the environment and the local cloud file', () => {
    const url = resolveApiUrl({
      flag: 'https://a.example/prod',
      env: { ONBOARDING_API_URL: 'https://b.example' },
      cwd,
    });
    expect(url.href).toBe('https://a.example/prod');
  });

  it('uses ONBOARDING_API_URL when there is no flag', () => {
    expect(resolveApiUrl({ env: { ONBOARDING_API_URL: 'https://b.example' }, cwd }).href).toBe(
      'https://b.example/',
    );
  });

  it('falls back to .local/endpoints.json in the working directory', () => {
    expect(resolveApiUrl({ env: {}, cwd }).href).toBe('http://127.0.0.1:4010/');
  });

  it('explains how to configure the API when nothing is set', () => {
    expect(() => resolveApiUrl({ env: {}, cwd: tmpdir() })).toThrow(/No API URL: pass --api URL/);
  });

  it('rejects a file without an api URL and a URL that is not http(s)', () => {
    expect(() => resolveApiUrl({ env: {}, cwd: projectWithEndpoints('{"mailbox": "x"}') })).toThrow(
      /has no "api"/,
    );
    expect(() => resolveApiUrl({ flag: 'ftp://x', env: {}, cwd })).toThrow(/must start with https/);
    expect(() => resolveApiUrl({ flag: 'not a url', env: {}, cwd })).toThrow(/is not a URL/);
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:4010', true],
    ['http://127.0.0.1:4010', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:4010', true],
    ['https://abc.execute-api.us-east-1.amazonaws.com', false],
    ['http://localhost.example.com', false],
    ['http://10.0.0.1', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(new URL(url))).toBe(expected);
  });
});
