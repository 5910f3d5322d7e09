/**
 * Watch mode shared by `validate`, `diagram`, `report` and `build`: re-runs the whole command when a
 * source file under the inputs' folders is added, changed or deleted, or when any file a run of the
 * session read (a helper module outside those folders, the config) changes, is deleted or comes back.
 * The command re-expands its arguments on each run, so new designs are picked up and deleted ones drop
 * out. Which file events count is source-watch.ts's job.
 */
import type { ExitCode } from '../shared/errors.js';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from './inputs.js';
import { watchSources } from './source-watch.js';

export interface WatchedRun {
  /** Files the run read: designs, their imports, the config. Watched even outside `roots`. */
  inputs: string[];
  /** Printed after the run (the findings summary). */
  summary: string;
}

export interface WatchOptions {
  /** Folders whose source files trigger a re-run when added, changed or deleted. */
  roots: string[];
  /** One complete run of the command. Errors it throws are printed and the loop keeps watching. */
  run: () => Promise<WatchedRun>;
  /** Where messages go (stderr by default). */
  log?: (line: string) => void;
  /** Debounce after the last event, in milliseconds. */
  debounceMs?: number;
  /** Ends the loop as SIGINT does (an embedding program or a test); resolves with exit code 0. */
  signal?: AbortSignal;
}

/**
 * How long the loop waits after the last event before it runs. A save is reported milliseconds after the write
 * (source-watch.ts; 2026-12-02: a plain write, a temporary file renamed over the design, a truncate then two
 * writes); the wait gathers the files of one "save all", whose events come milliseconds apart. The design is loaded
 * during the wait (loadAhead in load-module.ts), so the wait costs latency only where it is longer than that load.
 * An event that still comes during a run makes the loop run again when that run ends, so a late one costs a second
 * run, never a missed change.
 */
const DEBOUNCE_MS = 20;

/** How long a session stopped by a signal may take to end by itself (a run under way finishes) before it is ended. */
const STOP_GRACE_MS = 5000;

/** Schedules a watch loop's runs: see debouncedRunner. */
export interface DebouncedRunner {
  /** A change: run `debounceMs` after the last of a burst of these. */
  trigger: () => void;
  /** Forgets a run that has not started yet. */
  cancel: () => void;
  /** The run under way (and the runs it was asked for again), if any. */
  running: () => Promise<void> | undefined;
  /** Runs now, without the wait (the first run of a session); during a run, once more after it. */
  now: () => Promise<void>;
}

/**
 * Runs `run` DEBOUNCE_MS (or `debounceMs`) after the last of a burst of triggers. Runs never overlap: a trigger
 * whose wait ends during a run makes the loop run once more when that run ends, so no change is missed. Shared by
 * the watch loop and `aksnet serve`. `run` reports its own errors: a rejection is not caught here.
 */
export function debouncedRunner(run: () => Promise<void>, debounceMs = DEBOUNCE_MS): DebouncedRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const start = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return {
    trigger: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void start();
      }, debounceMs);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    running: () => running,
    now: start,
  };
}

/** Runs once, then again after every relevant change; resolves with exit code 0 on SIGINT/SIGTERM. */
export async function watchLoop(opts: WatchOptions): Promise<ExitCode> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  // A save usually changes one or two views: the others are laid out from memory, not by ELK again.
  (await import('../layout/cache.js')).useLayoutMemory(256);
  // `aksnet diagram --watch` starts the layout thread itself (layout-thread.ts): its ELK is warmed by the first
  // render (every view) and then shares each save's layouts. Each run's design evaluates in a fresh worker, booted
  // before the save instead of after it.
  (await import('../load/evaluate.js')).keepSpareEvaluator(true);
  const roots = [...new Set(opts.roots.map((r) => resolve(r)))];
  const extra = new Set<string>();
  const loads = await import('../load/load-module.js');
  const once = async (): Promise<void> => {
    // Whether this run lays out on two ELKs: decided per run by what the machine did meanwhile (layout-thread.ts).
    (await import('../layout/layout-thread.js')).chooseLayoutThreadForRun();
    loads.startLoadRecord();
    try {
      const r = await opts.run();
      // Inputs stay watched for the session: a run that fails to load (a helper deleted, an import misspelt) cannot
      // name the files the next save brings back.
      const more = r.inputs.map((i) => resolve(i)).filter((i) => !extra.has(i) && !roots.some((root) => isInside(root, i)));
      for (const i of more) extra.add(i);
      // Watched before the run reports itself done: a save right after it (the first run's "watching") is seen.
      await watcher.add(more);
      log(r.summary);
    } catch (e) {
      const { AksnetError } = await import('../shared/errors.js');
      log(e instanceof AksnetError ? e.format() : `aksnet: ${(e as Error)?.message ?? String(e)}`);
    } finally {
      (await import('../load/evaluate.js')).refillSpareEvaluator();
    }
  };

  const runner = debouncedRunner(once, opts.debounceMs);
  // Runs start only once the watcher is up (the first with runner.now() below), so they see it.
  const watcher = await watchSources({
    roots,
    isInput: (abs) => extra.has(abs),
    onEvents: (relevant) => {
      // Any event may be a change a design reads: what was loaded ahead before it is stale (load-module.ts).
      loads.dropLoadsAhead();
      if (!relevant) return;
      runner.trigger();
      // The design is bundled and evaluated during the debounce, not after it.
      loads.loadAhead();
    },
  });
  await runner.now();
  log(`watching ${roots.join(', ')} for changes; press Ctrl+C to stop`);

  return new Promise((resolveExit) => {
    const stop = (settled: () => Promise<void> | undefined = () => undefined) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      runner.cancel();
      void import('../load/evaluate.js').then((m) => m.keepSpareEvaluator(false));
      void watcher
        .close()
        .then(settled)
        .then(() => resolveExit(0));
    };
    const onSignal = () => {
      stop();
      // Ctrl+C ends the session even when something outlives it: a CI run of the tests once left a `diagram --watch`
      // alive after SIGTERM (not reproduced since, in 24 tries). The command's own exit comes first whenever it can;
      // this timer does not keep the process alive by itself.
      setTimeout(() => process.exit(process.exitCode ?? 0), STOP_GRACE_MS).unref();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    // Aborted, the loop also lets a run under way finish: the caller goes on after the loop has settled.
    const onAbort = () => stop(() => runner.running());
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The folders to watch for a command's arguments: each directory, each glob's base, each file's folder. */
export async function watchRoots(args: string[], cwd = process.cwd()): Promise<string[]> {
  const { isDynamicPattern } = await import('tinyglobby');
  const { existsSync, statSync } = await import('node:fs');
  const { globBase } = await import('./inputs.js');
  return args.map((a) => {
    const abs = resolve(cwd, a);
    if (existsSync(abs) && statSync(abs).isDirectory()) return abs;
    if (isDynamicPattern(a)) return resolve(cwd, globBase(a));
    return dirname(abs);
  });
}

/**
 * Whether `path` is a regular file that already holds exactly `data`. A watch session redraws every view on
 * each save while a save usually changes one or two of them: the others are left as they are, without a
 * rewrite (each output is fsynced) and without a change event for whatever watches the outputs.
 */
export function holds(path: string, data: string | Uint8Array): boolean {
  try {
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const st = statSync(path);
    return st.isFile() && st.size === bytes.length && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}
