/**
 * A browser's part of a sign-in, walked with fetch: redirects followed by hand (so the test sees each
 * hop), and a cookie jar by name (enough for one provider on one origin).
 */
export class BrowserWalk {
  private readonly jar = new Map<string, string>();

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired =
        attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) ||
        attributes.some(
          (attribute) =>
            /^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1] ?? '') < Date.now(),
        );
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0)
      headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  /**
   * Follows redirects from `url` until a page answers or a redirect leaves for `stopAt` (returned
   * unfollowed, as the console's callback would receive it).
   */
  async follow(
    start: Response,
    from: string | URL,
    stopAt: string,
  ): Promise<{ response: Response; url: URL }> {
    let response = start;
    let url = new URL(from);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      url = new URL(location, url);
      if (url.href.startsWith(stopAt)) return { response, url };
      await response.body?.cancel();
      response = await this.request(url);
    }
    throw new Error('Too many redirects.');
  }
}

/** The action of the page's first form, resolved against the page's URL. */
export const formAction = (page: string, pageUrl: URL): URL => {
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`No form on the page: ${page.slice(0, 300)}`);
  return new URL(action.replaceAll('&amp;', '&'), pageUrl);
};
