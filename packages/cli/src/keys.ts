import { randomBytes } from 'node:crypto';
import { formatKeyring, generateDataKey, generateSigningKey } from '@okno/crypto';

/**
 * `pnpm --silent okno keys data|signing`: a fresh key in the form the node reads, printed
 * for `pulumi config set --secret` (never written to a file). To rotate, put the new key
 * first and keep the old ones (docs/identity.md, docs/documents.md).
 */
export function keys(kind: string | undefined): string {
  if (kind === 'data') {
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(2).toString('hex')}`;
    return formatKeyring([generateDataKey(id)]);
  }
  if (kind === 'signing') return JSON.stringify([generateSigningKey()]);
  throw new Error('usage: pnpm --silent okno keys data|signing');
}
