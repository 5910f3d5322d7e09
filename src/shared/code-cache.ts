/**
 * `require` with a V8 code cache for the very large CommonJS files a package loads (ts-morph's bundled
 * TypeScript is 9 MB): compiling them is a fixed cost of every process that needs them, which Node 22's
 * `module.enableCompileCache` removes and Node 20 cannot. Where that switch exists (see bin/aksnet.js)
 * this is a plain `require`.
 *
 * While the require runs, Node's CommonJS compile step is replaced for files of at least LARGE
 * characters: they are compiled as Node compiles them (the same function wrapper) by a `vm.Script`
 * given the cached data, and run with the module's own exports, require, module, file and folder
 * names. The cache is written when the process exits, so it also holds the functions that ran. V8
 * checks cached data against the source and its own version and flags and rejects a mismatch; a
 * rejected, unreadable or unwritable cache only costs the saving.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** Directory for aksnet's caches, or undefined when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AKSNET_NO_CACHE && env.AKSNET_NO_CACHE !== '0') return undefined;
  if (env.AKSNET_CACHE_DIR) return env.AKSNET_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'aksnet');
}

/** Files smaller than this compile fast enough: the cache would cost more than it saves. */
const LARGE = 1_000_000;

type Compile = (this: Module & { exports: unknown }, content: string, filename: string) => unknown;

const pendingWrites = new Map<string, vm.Script>();
let exitHookInstalled = false;

/** The cache file for a source file: its path, size and mtime, the Node version and the architecture. */
function cacheFile(dir: string, filename: string): string {
  const st = statSync(filename);
  const key = createHash('sha256')
    .update(`${process.version}\0${process.arch}\0${filename}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 24);
  return join(dir, `cjs-${key}.v8cache`);
}

function writeCaches(dir: string): void {
  for (const [file, script] of pendingWrites) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, file);
    } catch {
      // A read-only home or a full disk: run without the cache.
    }
  }
  pendingWrites.clear();
}

/** `require(id)` from the module at `from` (an import.meta.url), with large files compiled from the code cache. */
export function requireWithCodeCache(from: string, id: string, dir: string | false = cacheDir() ?? false): unknown {
  const require = createRequire(from);
  const hasNativeCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (!dir || hasNativeCache) return require(id);
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  proto._compile = function (content, filename) {
    if (content.length < LARGE) return original.call(this, content, filename);
    let file: string | undefined;
    let cachedData: Buffer | undefined;
    try {
      file = cacheFile(dir, filename);
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const body = content.startsWith('#!') ? `//${content}` : content;
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${body}\n});`, {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    if (file && (!cachedData || script.cachedDataRejected === true)) {
      pendingWrites.set(file, script);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', () => writeCaches(dir));
      }
    }
    const wrapper = script.runInThisContext() as (
      e: unknown,
      r: NodeJS.Require,
      m: unknown,
      f: string,
      d: string,
    ) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  try {
    return require(id);
  } finally {
    proto._compile = original;
  }
}
