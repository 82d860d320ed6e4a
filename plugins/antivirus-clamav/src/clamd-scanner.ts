import { connect, type Socket } from 'node:net';
import type { AntivirusScanner, ScanVerdict } from '@okno/plugin-sdk';

export interface ClamdAddress {
  host: string;
  port: number;
}

/** clamd's default StreamMaxLength is 25 MiB; chunks well below it keep memory small. */
const CHUNK_BYTES = 64 * 1024;

/**
 * ClamAV's daemon over TCP with the INSTREAM command: the content goes in length-prefixed
 * chunks as it arrives (never held whole), and clamd answers `stream: OK` or
 * `stream: <signature> FOUND`. Anything else (an error, a size limit, a closed socket) is not a
 * verdict, and the scan rejects.
 */
export function clamdScanner(address: ClamdAddress): AntivirusScanner {
  return {
    id: 'okno.clamav',
    async scan(content, { signal }) {
      const socket = await open(address, signal);
      try {
        const reply = collectReply(socket);
        await send(socket, Buffer.from('zINSTREAM\0', 'latin1'));
        for await (const piece of content) {
          for (let at = 0; at < piece.length; at += CHUNK_BYTES) {
            const part = piece.subarray(at, at + CHUNK_BYTES);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(part.length);
            await send(socket, Buffer.concat([length, part]));
          }
        }
        await send(socket, Buffer.alloc(4)); // a zero-length chunk ends the stream
        return verdictOf(await reply);
      } finally {
        socket.destroy();
      }
    },
  };
}

/** `stream: OK` → clean; `stream: Name FOUND` → infected; anything else throws. */
export function verdictOf(reply: string): ScanVerdict {
  const text = reply.replace(/\0+$/, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { clean: false, signature: found[1] };
  throw new Error(`clamd did not scan the file: ${text || 'no answer'}`);
}

function open({ host, port }: ClamdAddress, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const abort = () => socket.destroy(new Error('the scan was cancelled'));
    signal.addEventListener('abort', abort, { once: true });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
    socket.once('close', () => signal.removeEventListener('abort', abort));
  });
}

function send(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.write(data, (error) => (error ? reject(error) : resolve())),
  );
}

/** clamd answers once and closes; an early answer (a size limit) ends the scan too. */
function collectReply(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
  });
}
