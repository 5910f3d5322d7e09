/**
 * Keeps aksnet's cache folder from growing without end. Its entries are keyed by what produced them (a
 * design's path, an aksnet build, a Node version, a layout request), so old ones are never read again once
 * their key changes, and nothing else removes them. At most once a day, entries not written for
 * STALE_DAYS days are removed; an entry still in use is simply written again on its next miss.
 */
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;
export const STALE_DAYS = 30;
const MARKER = '.last-prune';

/**
 * Removes stale files from `dir` and its sub-folders when the last prune was a day ago or more; returns how
 * many it removed. Errors (a folder gone, no permission) only cost the cleanup.
 */
export function pruneCache(dir: string | undefined, now: number = Date.now()): number {
  if (!dir) return 0;
  const marker = join(dir, MARKER);
  try {
    if (now - statSync(marker).mtimeMs < DAY_MS) return 0;
  } catch {
    // No marker yet (a new cache, or never pruned): prune now if the folder exists.
  }
  let removed = 0;
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === MARKER) continue;
      const p = join(d, name);
      try {
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else if (now - st.mtimeMs >= STALE_DAYS * DAY_MS) {
          rmSync(p, { force: true });
          removed++;
        }
      } catch {
        // Removed meanwhile by another aksnet process: nothing to do.
      }
    }
  };
  try {
    statSync(dir);
  } catch {
    return 0;
  }
  walk(dir);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(marker, '');
    utimesSync(marker, new Date(now), new Date(now));
  } catch {
    // An unwritable cache folder: the next run tries again.
  }
  return removed;
}
