import { describe, expect, it } from 'vitest';
import { parseEnv } from '@okno/config';
import { parseKeyring } from '@okno/crypto';
import { loadSigningKeys, nodeEnv } from '@okno/runtime';
import { okno } from './okno-cli';

// The keys `pulumi config set --secret` is given are read by the node as they are printed.
const key = async (kind: string) => (await okno(['keys', kind])).stdout.trim();

describe('pnpm okno keys', () => {
  it('prints a personal-data key the node accepts as OKNO_DATA_KEYS', async () => {
    const printed = await key('data');
    expect(parseKeyring(printed).primary.key).toHaveLength(32);
    expect(await key('data')).not.toBe(printed);
  });

  it('prints a signing key the node accepts as OKNO_SIGNING_KEYS', async () => {
    const printed = await key('signing');
    const env = parseEnv(nodeEnv, { OKNO_SIGNING_KEYS: printed });
    expect(loadSigningKeys(env).keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256' }),
    ]);
  });
});
