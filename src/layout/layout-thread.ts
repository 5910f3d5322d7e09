/**
 * A second ELK, in a worker thread, for layouts that do not depend on each other (the candidates of a
 * flow view or of the overview, the views of a design). ELK is single-threaded JavaScript: on two
 * cores, two layouts then take the wall time of one. Off by default. Review packs turn it on;
 * `aksnet diagram` with more than one view, watch mode and `serve` start it at once (startLayoutThread),
 * so that the worker boots and loads its ELK while the main thread loads the design, and lay out through
 * layoutInPool, which gives each layout to whichever ELK is free (the main thread's or the worker's).
 *
 * ELK's result does not depend on the thread or process it runs in (layout() rounds and copies it), so
 * a layout from the thread is the one the main thread would have made. When the worker entry is not
 * there (sources run under a test runner), or the thread fails, layouts run on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { layout, LayoutError, type Box, type LayoutRequest, type LayoutResult, type Route } from './elk.js';

interface Answer {
  id: number;
  ok: boolean;
  width?: number;
  height?: number;
  nodes?: Array<[string, Box]>;
  edges?: Array<[string, Route]>;
  message?: string;
}

let enabled = false;
/** A session's spare-core policy found no idle core for this run: layouts stay on this thread (see chooseLayoutThreadForRun). */
let paused = false;
let worker: Worker | undefined;
let broken = false;
let next = 0;
const waiting = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();
/** Where the worker entry is looked for (a test points it at a missing or failing file). */
let entryUrl = new URL('./elk-thread.js', import.meta.url);

/** Turns the layout thread on or off for this process (off ends it). */
export function useLayoutThread(on: boolean): void {
  enabled = on;
  paused = false;
  if (!on) session = undefined;
  if (on) broken = false;
  else if (worker) {
    const w = worker;
    worker = undefined;
    w.removeAllListeners('exit');
    void w.terminate();
    // Layouts it still had run on this thread instead (layoutInThread falls back on this error).
    for (const p of waiting.values()) p.reject(new Error('layout thread ended'));
    waiting.clear();
  }
}

function thread(): Worker | undefined {
  if (!enabled || broken) return undefined;
  if (worker) return worker;
  const entry = entryUrl;
  if (!existsSync(fileURLToPath(entry))) return undefined;
  const w = new Worker(entry);
  w.on('message', (m: Answer) => {
    const p = waiting.get(m.id);
    if (!p) return;
    waiting.delete(m.id);
    if (waiting.size === 0) w.unref();
    if (m.ok) p.resolve({ width: m.width!, height: m.height!, nodes: new Map(m.nodes), edges: new Map(m.edges) });
    else p.reject(new LayoutError(m.message ?? 'layout failed in the layout thread'));
  });
  // A thread that cannot run: its pending layouts, and all later ones, run on the main thread.
  const fail = (): void => {
    broken = true;
    worker = undefined;
    for (const p of waiting.values()) p.reject(new Error('layout thread ended'));
    waiting.clear();
    // Layouts queued for the pool go to the main thread now.
    pump();
  };
  w.on('error', fail);
  w.on('exit', fail);
  // An idle thread never keeps the process alive (unref after the listeners: adding one refs the thread again).
  w.unref();
  worker = w;
  return w;
}

/** `layout(req)` in the layout thread when it is on, else (or when the thread fails) on this thread. */
export async function layoutInThread(req: LayoutRequest): Promise<LayoutResult> {
  const w = thread();
  if (!w) return layout(req);
  const id = ++next;
  w.ref();
  try {
    return await new Promise<LayoutResult>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, req });
    });
  } catch (e) {
    // A layout error is the request's own and is thrown as on the main thread; a dead thread falls back.
    if (e instanceof LayoutError) throw e;
    return layout(req);
  }
}

/** Whether layouts sent to layoutInThread run beside this thread (the thread is on and has not failed). */
export function layoutThreadOn(): boolean {
  return enabled && !broken && !paused;
}

/**
 * When the CLI starts the layout thread: `spare-core` (watch mode, `serve`) with the session, used by each run when a
 * core is idle (chooseLayoutThreadForRun), `asked` (a one-off `aksnet diagram --view all`) only when
 * AKSNET_LAYOUT_THREAD=on asks for it, `always` (review packs, tests).
 */
export type ThreadPolicy = 'always' | 'spare-core' | 'asked';

/**
 * Turns the layout thread on and starts it now (not at the first layout): the worker boots and loads its ELK
 * while this thread loads and validates the design. Measured on the 2-core bench machine (bench/README.md,
 * measurement log): in a watch session, where both ELKs are warm after the first render, a save with two views
 * to lay out again took about 20 % less wall time at the same CPU time; in a one-off run both ELKs start cold and the second
 * cost about 60 % more CPU time for under 10 % less wall time, and on a busy machine it was slower. So a
 * watch session uses it for each run that finds a core idle, a one-off run when asked. `AKSNET_LAYOUT_THREAD=on` or `off`
 * overrides the policy. Returns whether the thread started (a session's may sit out a run: layoutThreadOn).
 */
export function startLayoutThread(opts: { when?: ThreadPolicy; env?: NodeJS.ProcessEnv; cores?: number } = {}): boolean {
  const when = opts.when ?? 'always';
  const env = opts.env ?? process.env;
  const cores = opts.cores ?? availableParallelism();
  session = undefined;
  if (!wantThread(when, env, cores)) return false;
  useLayoutThread(true);
  // A session (watch mode, serve) lasts: its first run warms both ELKs, and each later run uses the second when a
  // core was idle meanwhile (chooseLayoutThreadForRun). A worker whose ELK sat out the first run lays out its first
  // layouts two to three times slower: a save after a busy start took 400-490 ms against 180-250 ms for the next.
  if (when === 'spare-core' && !forcedThread(env)) session = { last: undefined };
  return thread() !== undefined;
}

/** AKSNET_LAYOUT_THREAD's answer, when it gives one. */
function forcedThread(env: NodeJS.ProcessEnv): 'on' | 'off' | undefined {
  const forced = env.AKSNET_LAYOUT_THREAD?.trim().toLowerCase();
  if (forced === 'on' || forced === '1') return 'on';
  if (forced === 'off' || forced === '0') return 'off';
  return undefined;
}

/** CPU time of the whole machine and of this process (all its threads), in milliseconds. */
export interface CpuSample {
  /** Summed over the cores. */
  busy: number;
  total: number;
  own: number;
}

export function cpuSample(): CpuSample {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const used = times.user + times.nice + times.sys + times.irq;
    busy += used;
    total += used + times.idle;
  }
  const own = process.cpuUsage();
  return { busy, total, own: (own.user + own.system) / 1000 };
}

/**
 * How many cores other processes kept busy between two samples, on average: the machine's busy time less this
 * process's own, over the time that passed. Undefined when no time passed on the machine's clock of ticks.
 */
export function othersBusyCores(from: CpuSample, to: CpuSample, cores: number): number | undefined {
  const total = to.total - from.total;
  if (!(total > 0) || cores < 1) return undefined;
  const others = to.busy - from.busy - (to.own - from.own);
  return Math.max(0, others) / (total / cores);
}

/**
 * A run of a session may use the second ELK when other processes left at least this much of the machine idle since
 * the last run started: one core for each ELK, less the part of a save this thread spends loading and drawing
 * rather than laying out. A chosen threshold, not a tuned one (on two cores: others at half a core or less).
 */
const SESSION_IDLE_CORES = 1.5;

/** The spare-core policy of the session under way: when its last run started (undefined before its first). */
let session: { last: CpuSample | undefined } | undefined;

/**
 * Called when a watch or serve run starts. Under the spare-core policy the session's thread is used for this run
 * when other processes left a core and a half idle since the last run started (the machine's CPU times less this
 * process's own). The one-minute load average that decided before lags: after a build, a minute of saves laid out
 * on one ELK on an idle machine. Which thread lays out never changes a byte.
 */
export function chooseLayoutThreadForRun(now: CpuSample = cpuSample(), cores = cpus().length): void {
  if (!session) return;
  const others = session.last ? othersBusyCores(session.last, now, cores) : undefined;
  if (others !== undefined) paused = !(cores - others >= SESSION_IDLE_CORES);
  session.last = now;
}

/**
 * Whether to start a second ELK under a policy: AKSNET_LAYOUT_THREAD first; `spare-core` on a machine of two cores
 * or more (each run of the session then uses it when a core is idle: chooseLayoutThreadForRun).
 */
export function wantThread(when: ThreadPolicy, env: NodeJS.ProcessEnv, cores = availableParallelism()): boolean {
  const forced = forcedThread(env);
  if (forced) return forced === 'on';
  if (when === 'always') return true;
  if (when === 'asked') return false;
  return cores >= 2;
}

/** A layout waiting for a free ELK in the pool. */
interface Job {
  req: LayoutRequest;
  resolve: (r: LayoutResult) => void;
  reject: (e: unknown) => void;
  /** The order it was asked in: a speculative layout that turns out to be needed keeps its place by it. */
  seq: number;
}

/** Why a speculative layout's promise rejects: it was dropped before an ELK started it (see Speculation). */
export class LayoutDropped extends Error {
  override name = 'LayoutDropped';
}

/**
 * Layouts asked for before it is known whether they are needed (a flow view's top-down candidate, wanted only
 * when its left-to-right layout needs more than one page). They wait behind every layout that is needed and
 * start only on an ELK that would otherwise be idle; `want()` queues them with the needed ones in the order
 * they were asked, `drop()` rejects those not started yet with LayoutDropped (one already running finishes,
 * its result unused). Which layouts run never changes a result: a layout is the same wherever and whenever
 * it is made.
 */
export class Speculation {
  #state: 'open' | 'wanted' | 'dropped' = 'open';
  /** This speculation's layouts still waiting in the pool's low-priority queue. */
  readonly waiting = new Set<Job & { speculation: Speculation }>();

  /** Open until the caller knows whether the layouts are needed (wanted) or not (dropped). */
  get state(): 'open' | 'wanted' | 'dropped' {
    return this.#state;
  }

  /** The layouts are needed: they queue with the others, each at the place it was asked at. */
  want(): void {
    if (this.#state !== 'open') return;
    this.#state = 'wanted';
    for (const job of this.waiting) {
      later.splice(later.indexOf(job), 1);
      const at = queue.findIndex((j) => j.seq > job.seq);
      queue.splice(at < 0 ? queue.length : at, 0, job);
    }
    this.waiting.clear();
    pump();
  }

  /** The layouts are not needed: those not started are dropped (their promises reject with LayoutDropped). */
  drop(): void {
    if (this.#state !== 'open') return;
    this.#state = 'dropped';
    for (const job of this.waiting) {
      later.splice(later.indexOf(job), 1);
      ran.dropped++;
      job.reject(new LayoutDropped('speculative layout dropped'));
    }
    this.waiting.clear();
  }
}

const queue: Job[] = [];
/** Speculative layouts not yet wanted, in the order asked: they start only when `queue` is empty. */
const later: Array<Job & { speculation: Speculation }> = [];
let seq = 0;
let mainBusy = false;
/**
 * Pool layouts sent to the worker and not answered yet: one, or two while this thread's ELK is busy (the
 * worker's ELK does one at a time, the other waits in its message queue).
 */
let inWorker = 0;

/**
 * `layout(req)` on whichever ELK is free, the worker's or this thread's, in the order asked; on this thread
 * alone when the layout thread is off or has failed. The result is the same wherever it is made: ELK is
 * deterministic and layout() copies and rounds its output, so the bytes drawn do not depend on the thread.
 * With an open `speculation` the layout waits behind the needed ones until the speculation is wanted or
 * dropped (see Speculation); on one thread it runs at once, as the caller asked.
 */
export function layoutInPool(req: LayoutRequest, speculation?: Speculation): Promise<LayoutResult> {
  if (speculation?.state === 'dropped') return Promise.reject(new LayoutDropped('speculative layout dropped'));
  if (!layoutThreadOn()) return layout(req);
  return new Promise<LayoutResult>((resolve, reject) => {
    const job = { req, resolve, reject, seq: ++seq };
    if (speculation?.state === 'open') {
      later.push({ ...job, speculation });
      speculation.waiting.add(later.at(-1)!);
    } else queue.push(job);
    pump();
  });
}

/** Where the pool's layouts ran in this process (for tests and the bench), and speculative ones dropped unrun. */
const ran = { main: 0, worker: 0, dropped: 0 };

/** How many pool layouts ran on this thread, how many the worker answered, how many were dropped unrun. */
export function layoutPoolStats(): { main: number; worker: number; dropped: number } {
  return { ...ran };
}

/**
 * The next layout to start: a needed one first, else (`speculative`) one that may not be needed. This thread's
 * ELK takes no speculative layout while the worker lives: it would block the event loop, and the drawing done
 * there, for a layout that is often dropped.
 */
function nextJob(speculative: boolean): Job | undefined {
  const job = queue.shift();
  if (job || !speculative) return job;
  const maybe = later.shift();
  maybe?.speculation.waiting.delete(maybe);
  return maybe;
}

function pump(): void {
  while (queue.length > 0 || later.length > 0) {
    const w = thread();
    // This thread's ELK blocks its event loop while it runs, so the worker, done with a layout, would wait for
    // it to end before being sent the next one: while this thread's ELK is busy the worker gets a needed layout
    // in advance, waiting in its message queue (a speculative one waits for an ELK that is really idle).
    const ahead = mainBusy && queue.length > 0 ? 1 : 0;
    if (w && inWorker <= ahead) {
      const job = nextJob(inWorker === 0)!;
      inWorker++;
      // layoutInThread falls back to this thread itself when the worker dies with the job.
      layoutInThread(job.req)
        .then((r) => {
          ran.worker++;
          job.resolve(r);
        }, job.reject)
        .finally(() => {
          inWorker--;
          pump();
        });
      continue;
    }
    if (!mainBusy && (queue.length > 0 || !w)) {
      const job = nextJob(!w)!;
      mainBusy = true;
      layout(job.req)
        .then((r) => {
          ran.main++;
          job.resolve(r);
        }, job.reject)
        .finally(() => {
          mainBusy = false;
          pump();
        });
      continue;
    }
    return;
  }
}

/** Points the worker at another entry file (tests: a missing or failing worker); undefined restores the default. */
export function setLayoutThreadEntry(url: URL | undefined): void {
  entryUrl = url ?? new URL('./elk-thread.js', import.meta.url);
}
