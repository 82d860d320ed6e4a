import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Accounts } from './accounts';
import { loginPage } from './login-page';

export interface LoginInteractionOptions {
  provider: Provider;
  accounts: Accounts;
  realmName: string;
  /** The interaction URL of a uid, as the browser sees it. */
  url(uid: string): string;
}

/** How many people the sign-in page lists. */
const LISTED_PEOPLE = 30;

/** A sign-in form is a few dozen bytes; anything larger is not one. */
const MAX_FORM_BYTES = 4096;

/**
 * The sign-in step of the authorization code flow: GET shows the form, POST checks the
 * demo credentials and hands the account back to oidc-provider, which finishes the flow.
 * Consent is not asked: every client of a region's realm is the region's own.
 */
export async function loginInteraction(
  options: LoginInteractionOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { provider } = options;
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(res, 400, 'The sign-in session has expired or was not found; start again.');
  }
  const client = await provider.Client.find(String(details.params['client_id']));
  // The people to try are listed, as on any development node; a region's import may hold
  // thousands, so the page shows the first few.
  const people = await options.accounts.list(LISTED_PEOPLE);
  const page = (status: number, extra: { username?: string; error?: string } = {}) =>
    send(
      res,
      status,
      loginPage({
        action: options.url(details.uid),
        clientName: client?.clientName ?? String(details.params['client_id']),
        realmName: options.realmName,
        people,
        ...extra,
      }),
      'text/html; charset=utf-8',
    );

  if (req.method === 'GET') return page(200);
  if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');

  const form = await readForm(req);
  if (!form) return send(res, 413, 'The form is too large.');
  const username = form.get('username') ?? '';
  const user = await options.accounts.authenticate(username, form.get('password') ?? '');
  if (!user)
    return page(401, { username, error: 'Неверное имя или пароль · Wrong username or password' });
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.subject } },
    { mergeWithLastSubmission: false },
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The form may not be framed by another site (clickjacking).
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(body);
}
