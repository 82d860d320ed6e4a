import { createHash, randomBytes } from 'node:crypto';

/**
 * Just enough of a browser for the authorization code flow: a cookie jar and redirects
 * followed one at a time, so each hop can be inspected.
 */
export class BrowserSession {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects until a page answers or the next hop is `stopAt` (a client's redirect
   * URI, which the test inspects instead of visiting); returns the last response and URL.
   */
  async follow(res: Response, stopAt: string): Promise<{ res: Response; url: string }> {
    let current = res;
    let url = res.url;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) break;
      url = new URL(location, url).href;
      if (url.startsWith(stopAt)) return { res: current, url };
      current = await this.request(url);
    }
    return { res: current, url };
  }

  /** The action URL of the page's only form. */
  static formAction(html: string, base: string): string {
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the page:\n${html}`);
    return new URL(action.replaceAll('&amp;', '&'), base).href;
  }
}

/** A PKCE verifier and its S256 challenge, as a browser client makes them. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
