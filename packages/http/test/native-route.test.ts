import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRootApp } from '../src';

afterEach(() => vi.restoreAllMocks());

describe('a Node.js handler mounted in the root app', () => {
  it('answers by itself, once, with the request id, and is logged with its own status', async () => {
    const lines: unknown[] = [];
    const logger = pino({ base: null }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const adapterErrors = vi.spyOn(console, 'error');
    const app = createRootApp({
      logger,
      nativeRoutes: [
        {
          path: '/native',
          handle: (_req, res) => {
            res.writeHead(418, { 'content-type': 'text/plain' });
            res.end('teapot');
          },
        },
      ],
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    for (const path of ['/native', '/native/brew']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(418);
      expect(await res.text()).toBe('teapot');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    await new Promise((resolve) => server.close(resolve));

    // The adapter writing the answer a second time is an error it prints (and a cut connection).
    expect(adapterErrors).not.toHaveBeenCalled();
    expect(lines.filter((l) => (l as { msg?: string }).msg === 'request')).toEqual([
      expect.objectContaining({ path: '/native', status: 418 }),
      expect.objectContaining({ path: '/native/brew', status: 418 }),
    ]);
  });

  it('limits sign-in attempts by the socket’s address, and only posts', async () => {
    let attempts = 0;
    const app = createRootApp({
      logger: pino({ level: 'silent' }),
      rateLimits: {
        writesPerPerson: 1,
        writesPerClient: 1,
        writesPerAddress: 1,
        signInsPerAddress: 2,
      },
      nativeRoutes: [
        {
          path: '/realms/test',
          handle: (_req, res) => {
            attempts += 1;
            res.writeHead(400, { 'content-type': 'application/json' });
            res.end('{"error":"invalid_grant"}');
          },
        },
      ],
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const token = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test/token`;
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await fetch(token, { method: 'POST', body: 'grant_type=password' })).status);
    }
    const discovery = await fetch(token.replace('/token', '/.well-known/openid-configuration'));
    await new Promise((resolve) => server.close(resolve));
    expect(statuses).toEqual([400, 400, 429]);
    // The two posts let through, and the discovery read (a GET is not an attempt).
    expect(attempts).toBe(3);
    expect(discovery.status).toBe(400);
  });
});
