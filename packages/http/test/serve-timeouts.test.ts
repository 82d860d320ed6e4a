import { connect } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { serveGracefully } from '../src';

describe('a client that trickles its request', () => {
  it('is answered 408 and cut off once its headers are late, while others are served', async () => {
    const server = await serveGracefully({
      fetch: () => new Response('ok'),
      port: 0,
      hostname: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      graceMs: 1_000,
      headersTimeoutMs: 500,
    });
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          // Headers begun and never finished: what a slowloris client does.
          socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
        });
        let received = '';
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
        socket.setTimeout(10_000, () => reject(new Error('the server kept the connection')));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5_000);
      const res = await fetch(`http://127.0.0.1:${server.port}/`);
      expect(await res.text()).toBe('ok');
    } finally {
      await server.shutdown('test');
    }
  });
});
