/**
 * A content-addressed cache of a review pack's drawings of one design: every picture renderPackDiagrams makes
 * (whole, collapsed, dense, split into parts) is one JSON file named by the SHA-256 of everything that decides
 * them: the model, the findings drawn as badges, the options, the icons of an icon pack, and aksnet's own code,
 * fonts and elkjs version. A pack drawn again without changes (another output format, a text-only edit in
 * another design) then reads its pictures instead of trying hundreds of layouts and rendering each trial.
 *
 * The layout cache (layout/cache.ts) answers single layouts; this one skips the trials, their measuring and
 * rendering, and the page counting of pack-views.ts altogether. Entries are written atomically and never
 * updated in place; an unreadable entry is a miss. The folder keeps the most recently used entries, at most
 * MAX_ENTRIES and MAX_BYTES (a pack of twenty spokes stores a few MB). Deleting it is always safe.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/types.js';
import { cacheDir } from '../shared/code-cache.js';
import { writeCacheEntry } from '../shared/cache-entry.js';
import { iconPackDigest } from '../render/icon-source.js';
import type { PackDiagram, PackDiagramOptions } from './pack-views.js';

/** Bump when the stored format changes. */
const FORMAT = 1;

/** Entries kept in the folder: the most recently used ones, at most this many and at most MAX_BYTES together. */
export const MAX_ENTRIES = 64;
/** The folder's size bound (a 20-spoke design's drawings take a few MB); the entry used last is always kept. */
export const MAX_BYTES = 256 * 1024 * 1024;

let folder: string | undefined;

/**
 * Sets the folder for the drawings of every pack this process makes (`aksnet report` and `aksnet build` set it
 * beside their layout cache, `aksnet serve` in aksnet's cache folder); undefined turns the cache off.
 */
export function useDrawingCache(dir: string | undefined): void {
  folder = dir;
}

/**
 * The drawing cache of `aksnet report`: `drawings/` in aksnet's cache folder (beside `layouts/`); undefined when
 * `AKSNET_NO_CACHE` turns caching off.
 */
export function defaultDrawingCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = cacheDir(env);
  return dir ? join(dir, 'drawings') : undefined;
}

const stats = { hits: 0, misses: 0 };

/** Hits and misses in this process (tests, the bench). */
export function drawingCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}

let salt: string | undefined;

/**
 * What besides the design decides its pictures: this cache's format, every source file of aksnet's code (the
 * folder this module was loaded from: dist/src when built, src under the tests), the vendored fonts, and the
 * package's and elkjs's versions. Any change to aksnet's code makes every entry a miss: a wrong picture in a
 * review pack costs more than drawing it again.
 */
export function codeSalt(): string {
  if (salt) return salt;
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  // This module is <package>/dist/src/diagram/ when built, <package>/src/diagram/ under the tests.
  const code = fileURLToPath(new URL('..', import.meta.url));
  const packageRoot = fileURLToPath(new URL(basename(dirname(code)) === 'dist' ? '../../..' : '../..', import.meta.url));
  h.update(treeDigest([code, join(packageRoot, 'assets')], packageRoot));
  const req = createRequire(import.meta.url);
  for (const pkg of [join(packageRoot, 'package.json'), 'elkjs/package.json']) {
    try {
      h.update(String((req(pkg) as { version?: string }).version));
    } catch {
      h.update(`${pkg} ?`);
    }
  }
  salt = h.digest('hex');
  return salt;
}

/**
 * A digest of the files under `dirs` (their paths relative to `base`, and their bytes), type declarations and
 * source maps left out: they draw nothing.
 */
export function treeDigest(dirs: string[], base: string): string {
  const h = createHash('sha256');
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      h.update(`${relative(base, file)}\n`);
      h.update(readFileSync(file));
    }
  }
  return h.digest('hex');
}

/** Regular files under `dir`, sorted by path. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && !name.endsWith('.d.ts') && !name.endsWith('.map')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The cache key of a design's pack drawings. */
export async function drawingKey(model: Model, options: PackDiagramOptions): Promise<string> {
  const { iconPack, ...rest } = options;
  const h = createHash('sha256').update(codeSalt());
  // The icon pack by the icons it gives (loaded as the drawing would load it, so its warnings print either way).
  h.update(`icons ${await iconPackDigest(iconPack)}\n`);
  h.update(JSON.stringify(rest));
  h.update('\n');
  h.update(JSON.stringify(model));
  return h.digest('hex');
}

interface Stored {
  format: number;
  diagrams: PackDiagram[];
}

/**
 * `draw()` (renderPackDiagrams' own work), answered from the folder set by useDrawingCache when the same design
 * was drawn with the same options and the same aksnet before.
 */
export async function cachedDrawings(
  model: Model,
  options: PackDiagramOptions,
  draw: () => Promise<PackDiagram[]>,
  dir: string | undefined = folder,
): Promise<PackDiagram[]> {
  if (!dir) return draw();
  const t0 = performance.now();
  const key = await drawingKey(model, options);
  const file = join(dir, `${key}.json`);
  const hit = read(file);
  if (hit) {
    stats.hits++;
    touch(file);
    // `--timings`: the design's pictures were read, not drawn.
    performance.measure('aksnet:load', { start: t0, detail: { design: model.metadata.title, view: 'stored drawings' } });
    return hit;
  }
  stats.misses++;
  const diagrams = await draw();
  if (writeCacheEntry(file, JSON.stringify({ format: FORMAT, diagrams } satisfies Stored))) pruneDrawings(dir);
  return diagrams;
}

function read(file: string): PackDiagram[] | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return s.format === FORMAT && Array.isArray(s.diagrams) ? s.diagrams : undefined;
  } catch {
    return undefined;
  }
}

/** A hit counts as a use: the entries kept are the ones used last. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Removed meanwhile by another aksnet process: it is written again on its next miss.
  }
}

/**
 * Keeps the most recently used entries, at most MAX_ENTRIES of them and at most `maxBytes` together (the newest is
 * kept whatever its size); a killed run's temporary file goes with the cache's monthly prune.
 */
export function pruneDrawings(dir: string, maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES): void {
  let entries: Array<{ path: string; used: number; bytes: number }>;
  try {
    entries = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => {
        const st = statSync(join(dir, n));
        return { path: join(dir, n), used: st.mtimeMs, bytes: st.size };
      });
  } catch {
    return;
  }
  entries.sort((a, b) => b.used - a.used || a.path.localeCompare(b.path));
  let bytes = 0;
  entries.forEach((e, i) => {
    bytes += e.bytes;
    if (i > 0 && (i >= maxEntries || bytes > maxBytes)) rmSync(e.path, { force: true });
  });
}
