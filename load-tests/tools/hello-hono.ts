// L2 of `pnpm bench`: the same hello-world through Hono and its Node.js adapter, as the node's
// services are served.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });
