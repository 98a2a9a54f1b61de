/**
 * Whether a request to a link route came from another website: a browser says
 * `Sec-Fetch-Site: cross-site` when the page that sent it is on another site, and names that page's
 * origin in `Origin` on a POST. `Origin: null` says nothing either way: a browser sends it for a form
 * posted from our own pages too, as their `Referrer-Policy: no-referrer` asks (Fetch standard), so
 * then only `Sec-Fetch-Site` decides. An Origin whose host is the one the request was sent to
 * (`Host`) is same-origin too: a link emailed under the API's own address before a custom domain
 * became the public base URL keeps working. A request with neither header (curl, a JSON client) is
 * not a browser's cross-site form: the token is its key.
 */
export const isCrossSiteRequest = (
  headers: Readonly<Record<string, string | undefined>>,
  allowedOrigin: string,
): boolean => {
  if (headerOf(headers, 'sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return true;
  const origin = headerOf(headers, 'origin')?.trim();
  if (origin === undefined || origin === 'null') return false;
  if (normalizedOrigin(origin) === normalizedOrigin(allowedOrigin)) return false;
  const host = headerOf(headers, 'host')?.trim().toLowerCase();
  return host === undefined || host === '' || hostOf(origin) !== host;
};

const hostOf = (origin: string): string | undefined => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

/** The origin of a base URL (`https://onboarding.example.edu/x` → `https://onboarding.example.edu`). */
export const originOf = (baseUrl: string): string => new URL(baseUrl).origin;

/** Scheme, host and port as browsers write them (lower case, default port dropped); anything else as is. */
const normalizedOrigin = (value: string): string => {
  try {
    const { origin } = new URL(value);
    return origin === 'null' ? value : origin;
  } catch {
    return value;
  }
};

/** API Gateway lower-cases header names; a hand-built event may not. */
const headerOf = (
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined => {
  if (name in headers) return headers[name];
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
};
