/** What serves requests in process: a Hono app. */
interface InProcessApp {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * A POST to an app served in process, as `token`'s holder, with an Idempotency-Key; its JSON
 * answer, or an error unless 2xx (tools and their tests need real writes, not HTTP).
 */
export async function keyedPost<T = { id: string }>(
  app: InProcessApp,
  token: string,
  path: string,
  body: unknown,
  key: string,
): Promise<T> {
  const res = await app.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
