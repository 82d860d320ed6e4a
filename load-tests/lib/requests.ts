import http, { type RefinedParams, type ResponseType } from 'k6/http';
import { bearer } from './auth.ts';

const json = { 'Content-Type': 'application/json' };

/** A JSON POST as `token`, with an Idempotency-Key when given, named for the summary. */
export function postJson(
  url: string,
  body: unknown,
  token: string,
  options: { key?: string; name?: string; ifMatch?: string } = {},
) {
  const headers: Record<string, string> = { ...json, ...bearer(token) };
  if (options.key) headers['Idempotency-Key'] = options.key;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const params: RefinedParams<ResponseType> = { headers };
  if (options.name) params.tags = { name: options.name };
  return http.post(url, JSON.stringify(body), params);
}

/** A GET as `token` (anonymous when absent), named for the summary. */
export function getAs(url: string, token?: string, name?: string) {
  const params: RefinedParams<ResponseType> = token ? { headers: bearer(token) } : {};
  if (name) params.tags = { name };
  return http.get(url, params);
}
