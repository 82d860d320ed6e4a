import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkKey, type ByteRange, type ObjectStorage } from './object-storage';

/**
 * The embedded default: objects as files under `root/objects`. A write goes to `root/incoming`
 * first and is renamed into place only once complete, so a failed or interrupted write never
 * shows under its key, and what is left in `incoming` after a crash is removed at start.
 */
export async function localFolderStorage(root: string): Promise<ObjectStorage> {
  const objects = join(root, 'objects');
  const incoming = join(root, 'incoming');
  await rm(incoming, { recursive: true, force: true });
  await mkdir(incoming, { recursive: true, mode: 0o700 });
  await mkdir(objects, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => join(objects, ...checkKey(key).split('/'));

  return {
    kind: 'local',
    async put(key, body) {
      const target = pathOf(key);
      const partial = join(incoming, randomUUID());
      const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
      try {
        await pipeline(body, file);
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        await rename(partial, target);
      } catch (error) {
        // A body that fails at once can beat the file's asynchronous open: wait for the file
        // to close, or it would be created after it was removed and stay behind.
        if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key, range?: ByteRange) {
      const path = pathOf(key);
      if ((await sizeOf(path)) === undefined) return undefined;
      return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    },
    size: async (key) => sizeOf(pathOf(key)),
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async list(prefix) {
      const files = await readdir(objects, { recursive: true, withFileTypes: true });
      return files
        .filter((f) => f.isFile())
        .map((f) => relative(objects, join(f.parentPath, f.name)).split(sep).join('/'))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },
  };
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
