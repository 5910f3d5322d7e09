/**
 * Loads elkjs's bundled build (1.6 MB of GWT-compiled JavaScript) with a V8 code cache.
 *
 * Parsing and compiling that bundle, and lazily compiling the functions the first layout runs, is
 * most of ELK's first-layout cost in a fresh process. Node 22's `module.enableCompileCache` would
 * cache it, but Node 20 has no such switch, so this compiles the bundle the way Node's CommonJS
 * loader does (a function wrapper run by `vm.Script`) and keeps the code cache V8 produces *after*
 * the first layout, when it also holds the functions that layout compiled. V8 checks the cache
 * against the source, its version and its flags and rejects a mismatch; a rejected, unreadable or
 * unwritable cache only costs the saving, never correctness.
 *
 * The cache lives in `$AKSNET_CACHE_DIR`, else `$XDG_CACHE_HOME/aksnet`, else `~/.cache/aksnet`
 * (created user-private). `AKSNET_NO_CACHE=1` turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { cacheDir } from '../shared/code-cache.js';
import type { ELK } from 'elkjs/lib/elk-api.js';

type ElkConstructor = new () => ELK;

export interface LoadedElk {
  Ctor: ElkConstructor;
  /** Whether V8 accepted a cached compilation. */
  cacheUsed: boolean;
  /** Writes the code cache once, after the first layout (no-op when the cache was used or is off). */
  saveCache: () => void;
}

export { cacheDir };

/** Loads the ELK constructor; `dir` is the cache directory, or false for no cache. */
export function loadElk(dir: string | false = cacheDir() ?? false): LoadedElk {
  const require = createRequire(import.meta.url);
  const file = require.resolve('elkjs/lib/elk.bundled.js');
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${source}`).digest('hex').slice(0, 16);
  const cacheFile = dir ? join(dir, `elk-${key}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const wrapper = script.runInThisContext() as (
    e: object,
    r: NodeJS.Require,
    m: { exports: unknown },
    f: string,
    d: string,
  ) => void;
  const mod: { exports: unknown } = { exports: {} };
  wrapper(mod.exports as object, createRequire(file), mod, file, dirname(file));
  const exported = mod.exports as ElkConstructor & { default?: ElkConstructor };
  const Ctor = exported.default ?? exported;
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected !== true;
  let pending = cacheFile !== undefined && !cacheUsed;
  return {
    Ctor,
    cacheUsed,
    saveCache() {
      if (!pending || !cacheFile || !dir) return;
      pending = false;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // The layout thread may save at the same moment as the main thread: each writes a file of its own.
        const tmp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only home or a full disk: run without the cache.
      }
    },
  };
}
