/**
 * Writing one entry of one of aksnet's content-addressed caches (layouts, drawings): the bytes go to a temporary
 * sibling that is renamed over the entry, so a reader (another aksnet process too) sees the whole entry or none.
 * No fsync: a cache entry lost to a crash is only a miss.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { noteOwnWrite } from './own-writes.js';

/** Folders this process made or found (a pack writes hundreds of layout entries into 256 folders). */
const made = new Set<string>();

/** Writes `text` to `file` atomically; false when it cannot be written (a cache that cannot be written only costs speed). */
export function writeCacheEntry(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  noteOwnWrite(file);
  const folder = dirname(file);
  try {
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    // A folder deleted meanwhile is made again next time.
    made.delete(folder);
    rmSync(tmp, { force: true });
    return false;
  }
}
