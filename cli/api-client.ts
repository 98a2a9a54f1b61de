/** A small JSON client for the coordinator HTTP API (docs/design.md, "HTTP API"; docs/openapi.yaml). */
import { ApiError, ApiUnreachableError } from './api-error.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST';

export interface ApiRequest {
  method: HttpMethod;
  /** Built with `apiPath` so every segment is encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** A request as a signer sees it. */
export interface SignableRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** Returns the headers to send (the given ones plus the signature). */
export type RequestSigner = (request: SignableRequest) => Promise<Record<string, string>>;

export interface ApiClientOptions {
  signer?: RequestSigner;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** `/placements/{id}/waivers` from its segments, each one percent-encoded. */
export const apiPath = (...segments: string[]): string =>
  `/${segments.map((segment) => strictlyEncoded(segment)).join('/')}`;

export class ApiClient {
  readonly baseUrl: URL;

  constructor(
    baseUrl: URL,
    private readonly options: ApiClientOptions = {},
  ) {
    this.baseUrl = new URL(baseUrl.href.replace(/\/+$/, ''));
  }

  /** Sends one request; any non-2xx answer throws an ApiError, no answer an ApiUnreachableError. */
  async send<T>(request: ApiRequest): Promise<ApiResponse<T>> {
    const url = this.urlFor(request);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    let headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.signer) {
      const { host: _host, ...signed } = await this.options.signer({
        method: request.method,
        url,
        headers: { ...headers, host: url.host },
        ...(body !== undefined ? { body } : {}),
      });
      headers = signed; // fetch sets the (identical) Host header itself
    }

    const fetchImplementation = this.options.fetch ?? fetch;
    let status: number;
    let text: string;
    let response: Response;
    try {
      response = await fetchImplementation(url, {
        method: request.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new ApiUnreachableError(`${this.baseUrl.href}`, reasonFor(error));
    }

    const parsed = parseJson(text);
    if (!response.ok) {
      throw ApiError.fromResponse(status, response.statusText, parsed, response.headers.get('retry-after'));
    }
    if (parsed === undefined) {
      throw new ApiError(status, 'INVALID_RESPONSE', `The API answered ${status} without a JSON body.`);
    }
    return { status, body: parsed as T };
  }

  private urlFor(request: ApiRequest): URL {
    const url = new URL(this.baseUrl.href);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${request.path}`;
    const query = Object.entries(request.query ?? {})
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
      .map(([name, value]) => `${strictlyEncoded(name)}=${strictlyEncoded(value)}`)
      .join('&');
    url.search = query;
    return url;
  }
}

/** RFC 3986 encoding, as SigV4 canonicalises: also `!'()*`. */
const strictlyEncoded = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reasonFor(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
