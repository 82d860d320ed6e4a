import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import { parseKeyring } from '@okno/crypto';
import { loadSigningKeys, nodeEnv } from '@okno/runtime';

// The keys `pulumi config set --secret` is given are read by the node as they are printed.
const okno = (...args: string[]) =>
  promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    fileURLToPath(new URL('../src/cli/okno.ts', import.meta.url)),
    ...args,
  ]).then((done) => done.stdout.trim());

describe('pnpm okno keys', () => {
  it('prints a personal-data key the node accepts as OKNO_DATA_KEYS', async () => {
    const printed = await okno('keys', 'data');
    expect(parseKeyring(printed).primary.key).toHaveLength(32);
    expect(await okno('keys', 'data')).not.toBe(printed);
  });

  it('prints a signing key the node accepts as OKNO_SIGNING_KEYS', async () => {
    const printed = await okno('keys', 'signing');
    const env = parseEnv(nodeEnv, { OKNO_SIGNING_KEYS: printed });
    expect(loadSigningKeys(env).keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256' }),
    ]);
  });
});
