// L1 of `pnpm bench`: the fastest this machine answers HTTP from one Node.js process.
import { createServer } from 'node:http';

createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello');
}).listen(Number(process.argv[2]), '127.0.0.1');
