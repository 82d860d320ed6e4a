import { z } from 'zod';
import { CliError } from './cli-error';

/** How the CLI signs in to a node: a token it was given, or a person's password grant. */
export type Credentials =
  | { token: string }
  | { username: string; password: string; clientId: string; issuer?: string | undefined };

const NodeInfo = z.object({ region: z.string() });
const TokenAnswer = z.object({ access_token: z.string() });
const Problem = z
  .object({
    title: z.string().optional(),
    detail: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
  })
  .passthrough();

/** A running node, as the CLI reaches it: over HTTP, like any client, with a bearer token. */
export interface NodeClient {
  readonly url: string;
  /** The region the node serves (from /info). */
  region(): Promise<string>;
  /** A GET of a public or authorised JSON resource. */
  get(path: string): Promise<unknown>;
  /**
   * A POST with a JSON body; a refusal becomes a CliError naming each problem, but for the
   * status `allowed`, answered as `undefined`.
   */
  post(path: string, body: unknown, allowed?: number): Promise<unknown>;
}

export function nodeClient(url: string, credentials?: Credentials): NodeClient {
  const base = url.replace(/\/+$/, '');
  let token: Promise<string> | undefined;
  // A path on the node, or a whole URL (a Keycloak realm's token endpoint). A kept-alive
  // connection the node closed while the CLI was busy (reading 17,000 files blocks the event
  // loop past the node's keep-alive timeout) fails on reuse: that call is tried once more on a
  // new connection. Every call the CLI makes may be repeated (reads, a token, import batches
  // that change nothing the second time).
  const call = async (path: string, init: RequestInit = {}, again = true): Promise<Response> => {
    try {
      return await fetch(/^https?:/.test(path) ? path : `${base}${path}`, init);
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      if (again && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(cause)) {
        return call(path, init, false);
      }
      throw new CliError(`cannot reach the node at ${base} (${cause}): is it running? (--url)`);
    }
  };
  const region = async () => {
    const res = await call('/info');
    if (!res.ok) throw new CliError(`${base}/info answered ${res.status}: is this an Okno node?`);
    return NodeInfo.parse(await res.json()).region;
  };
  const bearer = async (): Promise<string> => {
    if (!credentials) {
      throw new CliError(
        'this command needs a token: --token (or OKNO_TOKEN), or --username with --password',
      );
    }
    if ('token' in credentials) return credentials.token;
    token ??= (async () => {
      const issuer = credentials.issuer ?? `${base}/realms/${(await region()).toLowerCase()}`;
      const res = await call(`${issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: credentials.clientId,
          username: credentials.username,
          password: credentials.password,
        }),
      });
      if (!res.ok) {
        throw new CliError(
          `${credentials.username} could not sign in at ${issuer} (${res.status}): check --username and --password`,
        );
      }
      return TokenAnswer.parse(await res.json()).access_token;
    })();
    return token;
  };
  const answer = async (res: Response, what: string): Promise<unknown> => {
    if (res.ok) return res.json();
    const text = await res.text();
    const problem = Problem.safeParse(safeJson(text));
    if (!problem.success) throw new CliError(`${what}: ${res.status} ${text.slice(0, 200)}`);
    const { title, detail, errors = [] } = problem.data;
    throw new CliError(
      [
        `${what}: ${res.status} ${detail ?? title ?? ''}`,
        ...errors.map((e) => `  ${e.pointer}: ${e.message}`),
      ].join('\n'),
    );
  };
  return {
    url: base,
    region,
    async get(path) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (credentials) headers['authorization'] = `Bearer ${await bearer()}`;
      return answer(await call(path, { headers }), `GET ${path}`);
    },
    async post(path, body, allowed) {
      const res = await call(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${await bearer()}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (allowed !== undefined && res.status === allowed) {
        await res.body?.cancel();
        return undefined;
      }
      return answer(res, `POST ${path}`);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
