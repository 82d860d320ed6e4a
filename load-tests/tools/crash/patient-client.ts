const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers that mean "the node (or what it stands on) is not there now": worth the same retry. */
const TRANSIENT = new Set([500, 502, 503, 504]);

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  location: string | null;
}

export interface Sent {
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  key?: string;
}

/**
 * A client that outlasts crashes, as the portal and partners' systems do: a refused
 * connection, a reset, a timeout or a 5xx is sent again, the same request with the same
 * Idempotency-Key, until the node answers otherwise or `giveUpAt` passes. Counts what it met.
 */
export class PatientClient {
  readonly met = {
    retries: 0,
    /** By what went wrong: ECONNREFUSED (nobody listening), ECONNRESET (killed mid-request)… */
    connectionFailures: new Map<string, number>(),
    serverErrors: new Map<number, number>(),
    /** Writes retried after a lost answer that the node replayed from their key, not redid. */
    replayed: 0,
  };

  constructor(
    private readonly baseUrl: string,
    private readonly giveUpAt: () => number,
  ) {}

  async send(method: string, pathOrUrl: string, sent: Sent = {}): Promise<Answer> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const headers: Record<string, string> = {};
    if (sent.token) headers['authorization'] = `Bearer ${sent.token}`;
    if (sent.key) headers['idempotency-key'] = sent.key;
    let body: string | undefined;
    if (sent.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(sent.json);
    } else if (sent.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(sent.form).toString();
    }
    for (;;) {
      let wait = 250;
      try {
        const res = await fetch(url, {
          method,
          headers,
          ...(body !== undefined && { body }),
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        if (res.headers.get('idempotent-replayed') === 'true') this.met.replayed += 1;
        if (!TRANSIENT.has(res.status) || Date.now() > this.giveUpAt()) {
          return {
            status: res.status,
            body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
            location: res.headers.get('location'),
          };
        }
        this.met.serverErrors.set(res.status, (this.met.serverErrors.get(res.status) ?? 0) + 1);
        wait = Math.max(wait, Number(res.headers.get('retry-after') ?? 0) * 1000);
      } catch (error) {
        if (Date.now() > this.giveUpAt()) throw error;
        const cause = (error as { cause?: { code?: string } }).cause;
        const code = cause?.code ?? (error as Error).name;
        this.met.connectionFailures.set(code, (this.met.connectionFailures.get(code) ?? 0) + 1);
      }
      this.met.retries += 1;
      await sleep(wait);
    }
  }

  /** A token from the node's embedded provider, fetched again once a minute old. */
  tokens(grant: Record<string, string>): () => Promise<string> {
    let token: { value: string; at: number } | null = null;
    return async () => {
      if (token && Date.now() - token.at < 60_000) return token.value;
      const answer = await this.send('POST', '/realms/ru-kem/protocol/openid-connect/token', {
        form: grant,
      });
      if (answer.status !== 200) throw new Error(`no token: ${answer.status}`);
      token = { value: answer.body['access_token'] as string, at: Date.now() };
      return token.value;
    };
  }
}
