/**
 * The file watching behind watch mode and `aksnet serve`: which saves start a run.
 *
 * chokidar rather than node's fs.watch alone: editors save by rename, recursive fs.watch differs per platform, and
 * chokidar re-arms watchers on replaced files and reports additions in new folders. But chokidar reports at most one
 * `change` per file in 50 ms, with no event at the end of that window: a save written in two parts 20–50 ms apart
 * was reported after its first part only, so the run read half a file ("Unterminated string literal") and no run
 * followed the rest. chokidar's raw events (one per event of the operating system's watcher) are never held back,
 * so changes are taken from them. chokidar's own event for a file a raw event has just reported tells nothing new (a
 * later change of the file brings raw events of its own) and is not passed on: its `change` would restart the
 * debounce and the load ahead a few milliseconds later, and its `unlink`, which it holds back 100 ms to see whether
 * the file comes back (a save by rename), would run everything a second time.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './inputs.js';
import { isOwnWrite } from '../shared/own-writes.js';

/** The files whose addition, change or deletion under a watched folder may change a run: sources and JSON. */
export const SOURCE = /\.(m?ts|m?js|cts|cjs|json)$/;

const IGNORED = /[\\/](node_modules|\.git)([\\/]|$)/;

/**
 * How long after a raw event for a file chokidar's own event for it is taken as the same one: its `change` comes
 * within milliseconds (it stats the file first), its `unlink` 100 ms after the deletion.
 */
const SAME_EVENT_MS = 500;

export interface SourceWatchOptions {
  /** Folders watched recursively. */
  roots: string[];
  /** Files outside those folders that count as well (a run's inputs: a helper module, the config). */
  isInput: (abs: string) => boolean;
  /**
   * Events, reported once per turn of the event loop (the operating system reports one save as several events):
   * `relevant` when one of them was for a source file under the roots or for an input. Every event counts as a change
   * to a file a loaded design may read (load-module.ts: dropLoadsAhead), relevant or not.
   */
  onEvents: (relevant: boolean) => void;
}

export interface SourceWatcher {
  /**
   * Also watch these files (a run's inputs; those under the roots are watched already). Their folders are watched,
   * not the files alone: a file watched alone is forgotten when it is deleted, so a helper module deleted and
   * written again would not be seen (the run between them fails to load and cannot name it as an input). Resolves
   * once the folders are watched: a save after that is seen (chokidar's own add() returns before it attaches).
   */
  add(paths: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts watching; resolves once the initial scan is done (events before it are not reported). */
export async function watchSources(opts: SourceWatchOptions): Promise<SourceWatcher> {
  const { watch } = await import('chokidar');
  const roots = opts.roots.map((r) => resolve(r));
  const options = { ignoreInitial: true, ignored: (p: string) => IGNORED.test(p), awaitWriteFinish: false };
  const watcher = watch(roots, options);
  // The folders of inputs outside the roots, each without its subfolders: only the inputs in them are relevant. One
  // watcher per batch of folders, because only a watcher's `ready` says its folders are watched: a folder added to a
  // running watcher is attached some milliseconds later, and a save in between was lost (a CI run under load).
  const around: Array<typeof watcher> = [];
  const folders = new Set<string>();
  let ready = false;
  let pending: boolean | undefined;
  const echoes = rawEchoes();
  const report = (relevant: boolean): void => {
    const was = pending;
    pending = (pending ?? false) || relevant;
    if (was !== undefined) return;
    setImmediate(() => {
      const r = pending ?? false;
      pending = undefined;
      opts.onEvents(r);
    });
  };

  const listen = (w: typeof watcher, relevant: (abs: string) => boolean): void => {
    w.on('raw', (_event, evPath: string | null, details: unknown) => {
      const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
      if (!ready || typeof watched !== 'string') return;
      // A file's own watcher names the file; a folder's names the entry in it.
      const abs = resolve(!evPath || basename(watched) === evPath ? watched : join(watched, evPath));
      if (IGNORED.test(abs)) return;
      echoes.raw(abs, performance.now());
      report(relevant(abs));
    });
    w.on('all', (event, p) => {
      if (event === 'addDir' || event === 'unlinkDir') return;
      const abs = resolve(p);
      if (echoes.isEcho(abs, performance.now())) return;
      report(relevant(abs));
    });
  };
  // What aksnet wrote itself (outputs, cache entries beside the designs) is never a save.
  listen(watcher, (abs) => !isOwnWrite(abs) && (SOURCE.test(abs) || opts.isInput(abs)));
  await new Promise<void>((r) => watcher.once('ready', () => r()));
  ready = true;
  let closed = false;
  return {
    add: async (paths) => {
      const more = [...new Set(paths.map((p) => dirname(resolve(p))))].filter(
        (d) => !folders.has(d) && !roots.some((root) => isInside(root, d)),
      );
      if (more.length === 0 || closed) return;
      for (const d of more) folders.add(d);
      const w = watch(more, { ...options, depth: 0 });
      around.push(w);
      listen(w, (abs) => !isOwnWrite(abs) && opts.isInput(abs));
      await new Promise<void>((r) => w.once('ready', () => r()));
    },
    close: async () => {
      closed = true;
      await Promise.all([watcher.close(), ...around.map((w) => w.close())]);
    },
  };
}

/**
 * Which of chokidar's own events repeat what raw events have just reported: those for a path with a raw event
 * SAME_EVENT_MS or less before (times in milliseconds, any monotonic clock).
 */
export function rawEchoes(): { raw(path: string, now: number): void; isEcho(path: string, now: number): boolean } {
  const last = new Map<string, number>();
  return {
    raw: (path, now) => {
      last.set(path, now);
      for (const [p, t] of last) if (now - t > SAME_EVENT_MS) last.delete(p);
    },
    isEcho: (path, now) => {
      const t = last.get(path);
      return t !== undefined && now - t <= SAME_EVENT_MS;
    },
  };
}
