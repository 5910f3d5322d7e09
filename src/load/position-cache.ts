/**
 * Remembers the positions PositionMap worked out for a source file across runs, so validating an
 * unchanged design again neither loads the TypeScript parser (9 MB) nor parses the file: with many
 * designs, parsing them was the largest cost of `validate` after start-up.
 *
 * A position is a pure function of the file's text, the question asked (a DSL path, or a path below a
 * call site) and the code that walks the syntax tree. So one cache file per source path holds the
 * answers together with a hash of that text and of the walker (this module's and positions' own
 * file identity); any difference drops every answer. Entries are checked on read; an unreadable,
 * corrupt or unwritable cache only costs the saving. One file per source path keeps the cache from
 * growing with each edit. `AKSNET_NO_CACHE=1` turns it off, as it does aksnet's other caches.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../shared/code-cache.js';
import { noteOwnWrite } from '../shared/own-writes.js';

export interface CachedPosition {
  line: number;
  column: number;
  exact: boolean;
}

/** The answers for one source file: read from disk, added to on misses, written by flushPositionCaches(). */
export interface PositionMemo {
  get(key: string): CachedPosition | undefined;
  set(key: string, pos: CachedPosition): void;
}

const FORMAT = 1;
const pending = new Map<string, { file: string; textHash: string; entries: Map<string, CachedPosition> }>();
let exitHook = false;

/**
 * Identity of the code that computes positions: the walker (positions) and this module, by size and
 * modification time, so a rebuilt or edited aksnet never reuses answers of other code.
 */
let walkerId: string | undefined;
function walker(): string {
  if (walkerId === undefined) {
    const parts = [String(FORMAT)];
    for (const name of ['positions', 'position-cache']) {
      const own = new URL(import.meta.url);
      const file = fileURLToPath(new URL(`./${name}${own.pathname.endsWith('.ts') ? '.ts' : '.js'}`, own));
      try {
        const st = statSync(file);
        parts.push(`${st.size}:${st.mtimeMs}`);
      } catch {
        parts.push('?');
      }
    }
    walkerId = parts.join('|');
  }
  return walkerId;
}

function isPosition(v: unknown): v is CachedPosition {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return Number.isInteger(p.line) && Number.isInteger(p.column) && typeof p.exact === 'boolean' && (p.line as number) >= 1 && (p.column as number) >= 1;
}

/**
 * The memo for `file` with content `text`, or undefined when caching is off. `dir` is the cache
 * folder (default: aksnet's cache folder).
 */
export function positionMemo(file: string, text: string, dir: string | undefined = cacheDir()): PositionMemo | undefined {
  if (!dir) return undefined;
  const textHash = createHash('sha256').update(walker()).update('\0').update(text).digest('hex');
  const path = join(dir, `pos-${createHash('sha256').update(file).digest('hex').slice(0, 24)}.json`);
  let entries = new Map<string, CachedPosition>();
  const open = pending.get(path);
  if (open && open.textHash === textHash) entries = open.entries;
  else {
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { file?: unknown; textHash?: unknown; entries?: unknown };
      if (raw.file === file && raw.textHash === textHash && typeof raw.entries === 'object' && raw.entries !== null) {
        for (const [k, v] of Object.entries(raw.entries)) if (isPosition(v)) entries.set(k, v);
      }
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
  }
  return {
    get: (key) => entries.get(key),
    set: (key, pos) => {
      entries.set(key, { line: pos.line, column: pos.column, exact: pos.exact });
      pending.set(path, { file, textHash, entries });
      if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
          flushPositionCaches();
        });
      }
    },
  };
}

/** Writes the memos that learnt something (atomically); called after a run and, as a backstop, at exit. */
export function flushPositionCaches(): void {
  for (const [path, { file, textHash, entries }] of pending) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      noteOwnWrite(path);
      writeFileSync(tmp, JSON.stringify({ file, textHash, entries: Object.fromEntries(entries) }), { mode: 0o600 });
      renameSync(tmp, path);
    } catch {
      // A read-only home or a full disk: run without the cache.
    }
  }
  pending.clear();
}
