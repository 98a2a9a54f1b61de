/**
 * Where the coordinator API is: `--api URL`, else ONBOARDING_API_URL, else the local cloud's
 * `.local/endpoints.json` (written by `npm start`) in the working directory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiEndpointSources {
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function resolveApiUrl(sources: ApiEndpointSources): URL {
  if (sources.flag !== undefined) return parseApiUrl(sources.flag, '--api');
  const fromEnvironment = sources.env.ONBOARDING_API_URL?.trim();
  if (fromEnvironment) return parseApiUrl(fromEnvironment, 'ONBOARDING_API_URL');

  const { url, file } = localEndpoint(
    sources.cwd,
    'api',
    'No API URL: pass --api URL, set ONBOARDING_API_URL, or',
  );
  return parseApiUrl(url, file);
}

/**
 * A base URL the running local cloud wrote to `.local/endpoints.json` (`api`, `events`…).
 * `missing` starts the message when there is no such file.
 */
export function localEndpoint(cwd: string, key: string, missing: string): { url: string; file: string } {
  const file = join(cwd, '.local', 'endpoints.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${missing} start the local cloud (npm start) so that ${file} exists.`);
  }
  let url: unknown;
  try {
    url = (JSON.parse(text) as Record<string, unknown>)[key];
  } catch {
    throw new Error(`${file} is not valid JSON; restart the local cloud (npm start).`);
  }
  if (typeof url !== 'string')
    throw new Error(`${file} has no "${key}" URL; restart the local cloud (npm start).`);
  return { url, file };
}

/** Requests to this machine go unsigned (the local cloud has no auth); everything else is signed. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function parseApiUrl(text: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The API URL from ${source} is not a URL: ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The API URL from ${source} must start with https:// or http://: ${text}`);
  }
  if (url.search || url.hash)
    throw new Error(`The API URL from ${source} must not have a query or fragment.`);
  return url;
}
