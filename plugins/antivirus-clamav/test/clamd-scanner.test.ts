import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clamdScanner, verdictOf } from '../src/clamd-scanner';

const EICAR = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
  'latin1',
);

describe("clamd's answers", () => {
  it('reads clean, infected, and anything else as no verdict', () => {
    expect(verdictOf('stream: OK\0')).toEqual({ clean: true });
    expect(verdictOf('stream: Eicar-Test-Signature FOUND\0')).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
    expect(() => verdictOf('INSTREAM size limit exceeded. ERROR\0')).toThrow(
      /clamd did not scan the file: INSTREAM size limit exceeded/,
    );
    expect(() => verdictOf('')).toThrow(/no answer/);
  });
});

// A real clamd (CI starts one with a test signature database): TEST_CLAMD_ADDRESS=host:port
const address = process.env['TEST_CLAMD_ADDRESS'];

describe.skipIf(!address)('scanning with a real clamd', () => {
  const [host = '', port = '0'] = (address ?? '').split(':');
  const scanner = clamdScanner({ host, port: Number(port) });
  const signal = () => AbortSignal.timeout(10_000);
  // As an upload arrives: a stream of pieces.
  const pieces = (...parts: Buffer[]) => Readable.from(parts);

  it('finds the EICAR test file', async () => {
    const verdict = await scanner.scan(pieces(EICAR), { signal: signal() });
    expect(verdict.clean).toBe(false);
    if (!verdict.clean) expect(verdict.signature).toMatch(/EICAR/i);
  });

  it('passes a clean file, sent in many chunks', async () => {
    const page = Buffer.alloc(1024 * 1024, 'okno ');
    expect(await scanner.scan(pieces(page, page, page), { signal: signal() })).toEqual({
      clean: true,
    });
  });

  it('rejects when clamd cannot be reached: no verdict, no acceptance', async () => {
    const nowhere = clamdScanner({ host: '127.0.0.1', port: 1 });
    await expect(nowhere.scan(pieces(EICAR), { signal: signal() })).rejects.toThrow();
  });
});
