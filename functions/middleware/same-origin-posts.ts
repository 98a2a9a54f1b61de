import type middy from '@middy/core';
import { ForbiddenError } from '../core/errors.js';
import { isCrossSiteRequest, originOf } from '../http/cross-site-request.js';
import { isFormPost } from '../http/form-post.js';
import type { HttpResult } from '../http/http-response.js';
import type { ParsedHttpEvent } from './http-body.js';

export interface SameOriginPostsOptions {
  /** The base of the emailed links: the only origin whose pages may post to these routes. */
  publicBaseUrl: string;
  /** The paths of the POST routes it guards (other paths go on to routing, and its 404). */
  paths: RegExp;
  /** The page a refused HTML form post gets (403); without it, or for any other request, the JSON error. */
  refusedFormPage?: () => HttpResult;
}

/**
 * Refuses a POST sent from another website (`Origin` not the public base URL's, or
 * `Sec-Fetch-Site: cross-site`) with 403 FORBIDDEN, before its body is read: nothing changes.
 * Requests that name no origin (curl, JSON clients) pass; the link token remains their key.
 */
export const sameOriginPosts = (options: SameOriginPostsOptions): middy.MiddlewareObj<ParsedHttpEvent> => {
  const allowedOrigin = originOf(options.publicBaseUrl);
  return {
    before: async (request) => {
      const { event } = request;
      if (event.requestContext?.http?.method !== 'POST') return undefined;
      if (!options.paths.test(event.rawPath ?? '')) return undefined;
      const headers = event.headers ?? {};
      if (!isCrossSiteRequest(headers, allowedOrigin)) return undefined;
      if (options.refusedFormPage && isFormPost(headers)) return options.refusedFormPage();
      throw new ForbiddenError(
        'This request came from another website. Open the link from your email and use its page.',
      );
    },
  };
};
