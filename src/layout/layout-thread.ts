/**
 * A second ELK, in a worker thread, for layouts that do not depend on each other (the left-to-right
 * and top-down layouts of a flow view). ELK is single-threaded JavaScript: on two cores, the second
 * layout of a flow view then costs no wall time beside the first. Off by default; review packs, which
 * lay out dozens of views, turn it on: the thread's own ELK (from the same V8 code cache) is cold at
 * first and needs many layouts to warm up, which a watch session's one or two views per save never give.
 *
 * ELK's result does not depend on the thread or process it runs in (layout() rounds and copies it), so
 * a layout from the thread is the one the main thread would have made. When the worker entry is not
 * there (sources run under a test runner), or the thread fails, layouts run on the main thread.
 */
import { existsSync } from 'node:fs';
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
let worker: Worker | undefined;
let broken = false;
let next = 0;
const waiting = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

/** Turns the layout thread on or off for this process (off ends it). */
export function useLayoutThread(on: boolean): void {
  enabled = on;
  if (on) broken = false;
  else if (worker) {
    const w = worker;
    worker = undefined;
    w.removeAllListeners('exit');
    void w.terminate();
  }
}

function thread(): Worker | undefined {
  if (!enabled || broken) return undefined;
  if (worker) return worker;
  const entry = new URL('./elk-thread.js', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  const w = new Worker(entry);
  w.unref();
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
  };
  w.on('error', fail);
  w.on('exit', fail);
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
  return enabled && !broken;
}
