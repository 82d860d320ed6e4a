import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFolderStorage } from '../src';
import { describeObjectStorage } from './object-storage-contract';

describeObjectStorage('a local folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'okno-storage-'));
  return {
    storage: await localFolderStorage(root),
    async close() {
      // Nothing half-written was left in the incoming folder either.
      const leftovers = await readdir(join(root, 'incoming'));
      await rm(root, { recursive: true, force: true });
      if (leftovers.length > 0) throw new Error(`left in incoming: ${leftovers.join(', ')}`);
    },
  };
});
