/**
 * A content-addressed cache of layouts: the SHA-256 of the layout input (the request with its parts
 * named by position, the layout code and the elkjs version) names a JSON file holding the result, so
 * an unchanged diagram, or one whose only change is a name that leaves every box its size, is drawn
 * again without running ELK. Entries are written atomically and never updated in place;
 * an unreadable entry is treated as a miss. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../shared/code-cache.js';
import { writeCacheEntry } from '../shared/cache-entry.js';
import { canonicalRequest, fromPositional, toPositional, type CanonicalRequest } from './canonical.js';
import { layout, type Box, type LayoutRequest, type LayoutResult, type Route } from './elk.js';
import { LayoutDropped } from './layout-thread.js';

/** Bump when the stored format changes (2: entries keyed by position, see canonical.ts). */
const FORMAT = 2;

interface Stored {
  format: number;
  width: number;
  height: number;
  nodes: Array<[string, Box]>;
  edges: Array<[string, Route]>;
}

let salt: string | undefined;

/** What besides the request decides a layout: this cache's format, the layout module's code and the elkjs version. */
function codeSalt(): string {
  if (salt) return salt;
  const h = createHash('sha256').update(`format ${FORMAT}\n`);
  for (const file of ['./elk.js', './elk.ts']) {
    try {
      h.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
      break;
    } catch {
      // compiled or source tree: one of the two exists
    }
  }
  try {
    const req = createRequire(import.meta.url);
    h.update(String((req('elkjs/package.json') as { version?: string }).version));
  } catch {
    h.update('elkjs ?');
  }
  salt = h.digest('hex');
  return salt;
}

/** The cache key of a layout request: requests that differ only in their ids share it. */
export function layoutKey(req: LayoutRequest): string {
  return keyOf(canonicalRequest(req)?.request ?? req);
}

function keyOf(positional: LayoutRequest): string {
  return createHash('sha256').update(codeSalt()).update(JSON.stringify(positional)).digest('hex');
}

const stats = { hits: 0, misses: 0 };

/** Hits and misses in this process (for tests and `--timings`). */
export function layoutCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}

let processDir: string | undefined;

/**
 * The layout cache of commands that keep one between runs (`aksnet report`): `layouts/` in aksnet's cache
 * folder (`$AKSNET_CACHE_DIR`, else `$XDG_CACHE_HOME/aksnet`, else `~/.cache/aksnet`); undefined when
 * `AKSNET_NO_CACHE` turns caching off.
 */
export function defaultLayoutCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = cacheDir(env);
  return dir ? join(dir, 'layouts') : undefined;
}

/**
 * Sets the cache folder for every layout in this process that names none (`aksnet build` sets it for
 * the run, so the diagrams inside review packs use the cache too); undefined turns it off.
 */
export function useLayoutCache(dir: string | undefined): void {
  processDir = dir;
}

/** What lays out a request no cache answers: ELK on this thread, unless a command sets another runner. */
let runner: (req: LayoutRequest) => Promise<LayoutResult> = layout;

/**
 * Sets what lays out the requests no cache answers, for every layout in this process that names none
 * (`aksnet report` spreads them over this thread and the layout thread: layout-pool.ts); undefined
 * restores ELK on this thread. The runner must give the result ELK gives: it decides where, not what.
 */
export function useLayoutRunner(run: ((req: LayoutRequest) => Promise<LayoutResult>) | undefined): void {
  runner = run ?? layout;
}

/** How many layouts the in-memory cache keeps (0: off); see useLayoutMemory. */
let memoryLimit = 0;
/** Stored layouts by key, in least-recently-used order (a Map iterates in insertion order). */
const memory = new Map<string, string>();
/**
 * Layouts under way, by key, in their stored form: a request made again while the first is still being
 * laid out (views drawn concurrently) waits for that one instead of running ELK a second time.
 */
const pending = new Map<string, Promise<string>>();

/**
 * Keeps the last `entries` layouts of this process in memory (0 turns it off and empties it). A
 * long-lived process (watch mode, `serve`) redraws every view on each save while usually only one or
 * two views changed: the unchanged ones are answered without ELK and without touching the disk.
 * Entries are kept in the stored (JSON) form, so every hit is a fresh object, exactly as a disk hit is.
 */
export function useLayoutMemory(entries: number): void {
  memoryLimit = Math.max(0, Math.floor(entries));
  if (memoryLimit === 0) memory.clear();
  while (memory.size > memoryLimit) memory.delete(memory.keys().next().value!);
}

/** The hook the diagram pipeline calls: cached when a folder is given or set for the process, or in memory. */
export async function layoutMaybeCached(
  req: LayoutRequest,
  dir: string | undefined = processDir,
  run: (req: LayoutRequest) => Promise<LayoutResult> = runner,
): Promise<LayoutResult> {
  if (memoryLimit === 0) return dir ? cachedLayout(req, dir, run) : run(req);
  const c = canonicalRequest(req);
  // A malformed request is never cached: ELK's checks report it by its own names.
  if (!c) return run(req);
  const key = keyOf(c.request);
  const kept = memory.get(key);
  if (kept !== undefined) {
    memory.delete(key);
    memory.set(key, kept);
    const hit = parse(kept, c);
    if (hit) {
      stats.hits++;
      return hit;
    }
  }
  const underWay = pending.get(key);
  if (underWay) {
    // Parsed from the stored form like any memory hit: each caller gets objects of its own. A speculative
    // layout dropped before it ran (layout-thread.ts) is this caller's to make.
    const text = await underWay.catch((e: unknown) => {
      if (e instanceof LayoutDropped) return '';
      throw e;
    });
    const hit = parse(text, c);
    if (hit) {
      stats.hits++;
      return hit;
    }
  }
  if (!dir) stats.misses++;
  const work = dir ? cachedIn(c, req, dir, run) : run(req).catch(notRun);
  const text = work.then((result) => JSON.stringify(stored(result, c)));
  // A failed layout is thrown to this caller (and to the ones waiting for it), never left unhandled.
  text.catch(() => undefined);
  pending.set(key, text);
  try {
    const result = await work;
    memory.set(key, await text);
    while (memory.size > memoryLimit) memory.delete(memory.keys().next().value!);
    return result;
  } finally {
    pending.delete(key);
  }
}

/** A speculative layout dropped before it ran was no miss that cost a layout; the error goes on to the caller. */
function notRun(e: unknown): never {
  if (e instanceof LayoutDropped) stats.misses--;
  throw e;
}

function stored(result: LayoutResult, c: CanonicalRequest): Stored {
  return { format: FORMAT, width: result.width, height: result.height, ...toPositional(result, c) };
}

/** `layout(req)` (or `run(req)`), answered from `dir` when the same input was laid out before. */
export async function cachedLayout(
  req: LayoutRequest,
  dir: string,
  run: (req: LayoutRequest) => Promise<LayoutResult> = runner,
): Promise<LayoutResult> {
  const c = canonicalRequest(req);
  return c ? cachedIn(c, req, dir, run) : run(req);
}

async function cachedIn(
  c: CanonicalRequest,
  req: LayoutRequest,
  dir: string,
  run: (req: LayoutRequest) => Promise<LayoutResult>,
): Promise<LayoutResult> {
  const key = keyOf(c.request);
  const file = join(dir, key.slice(0, 2), `${key}.json`);
  const hit = read(file, c);
  if (hit) {
    stats.hits++;
    return hit;
  }
  stats.misses++;
  const result = await run(req).catch(notRun);
  writeCacheEntry(file, JSON.stringify(stored(result, c)));
  return result;
}

function read(file: string, c: CanonicalRequest): LayoutResult | undefined {
  try {
    return parse(readFileSync(file, 'utf8'), c);
  } catch {
    return undefined;
  }
}

function parse(text: string, c: CanonicalRequest): LayoutResult | undefined {
  try {
    const s = JSON.parse(text) as Stored;
    if (s.format !== FORMAT || !Array.isArray(s.nodes) || !Array.isArray(s.edges)) return undefined;
    const named = fromPositional(s.nodes, s.edges, c);
    return named && { width: s.width, height: s.height, ...named };
  } catch {
    return undefined;
  }
}
