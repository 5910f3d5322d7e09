/**
 * Evaluates a bundled design in a worker thread, so the design cannot keep the CLI alive, hang it,
 * write to its stdout or end it: a design is executed code (like a Vite config), and this is where
 * its side effects stop. The worker imports the bundle, awaits the default export (calling it when it
 * is a function), posts the value back by structured clone, and is then terminated, taking the
 * design's timers, servers and pending promises with it. Its stdout goes to the CLI's stderr.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** How long a design may take to evaluate, in milliseconds (`--load-timeout`). */
export const DEFAULT_LOAD_TIMEOUT_MS = 5_000;
let loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS;

/** Sets the evaluation time limit for the rest of the run (the CLI's `--load-timeout`). */
export function setLoadTimeout(ms: number): void {
  loadTimeoutMs = ms;
}

export function loadTimeout(): number {
  return loadTimeoutMs;
}

/** What the design threw, described in the worker (where the value lives) without trusting it. */
export interface ThrownInfo {
  name?: string;
  message: string;
  stack?: string;
}

export type Evaluation =
  | {
      ok: true;
      value: unknown;
      /** Objects of `value` (the same clones) that a DSL builder tagged, and the frames it recorded (one a line, its caller's first). */
      tagged: object[];
      frames: string[];
      /** With no default export: the exports that are architectures (made by defineArchitecture), and their frames. */
      named?: Array<{ name: string; frame?: string }>;
    }
  | { ok: false; kind: 'threw'; thrown: ThrownInfo }
  | { ok: false; kind: 'timeout'; ms: number }
  | { ok: false; kind: 'exit'; code: number }
  | { ok: false; kind: 'unsettled' }
  | { ok: false; kind: 'unclonable'; message: string };

// Runs as a CommonJS script inside the worker (eval), so it needs no file of its own in dist/ or under Vitest.
const WORKER = String.raw`
const { parentPort } = require('node:worker_threads');
const KEY = Symbol.for('aksnet.source-site');
const safe = (f, d) => { try { const v = f(); return typeof v === 'string' ? v : d; } catch { return d; } };
function describe(e) {
  let isError = false;
  try { isError = e instanceof Error; } catch {}
  if (isError) {
    return {
      name: safe(() => e.name, 'Error'),
      message: safe(() => e.message, ''),
      stack: safe(() => e.stack, undefined),
    };
  }
  let text;
  try { text = typeof e === 'string' ? JSON.stringify(e) : String(e); }
  catch { text = safe(() => Object.prototype.toString.call(e), 'a value that cannot be printed'); }
  return { message: 'threw ' + text };
}
// A builder records an Error (dsl/builders.ts) whose stack V8 formats only when it is read, here, after the design
// has run: each frame is reduced to its line:column in the bundle, from the builder's caller outward (frames [0] and
// [1] are the DSL's own; frames in other files map to nothing and are left out). Formatting just that costs less than
// the full frames a builder formatted as it ran, and the loader maps the outer frames only for parts built in a helper
// module (load-module.ts).
const { fileURLToPath } = require('node:url');
function bundleFrames(url) {
  let path;
  try { path = fileURLToPath(url); } catch {}
  return (_error, calls) => {
    let out = '';
    for (let i = 2; i < calls.length; i++) {
      const file = calls[i].getFileName();
      // Below the design's frames lies only Node's module loader.
      if (typeof file === 'string' && file.startsWith('node:')) break;
      if (file !== url && file !== path) continue;
      out += (out ? '\n' : '') + calls[i].getLineNumber() + ':' + calls[i].getColumnNumber();
    }
    return out;
  };
}
// The frames of a builder's record, one a line; '' when it has none. A stack read before (by the design) was formatted
// by V8: its frames after the builder's are passed on as they are, and the loader reads either form.
function siteFrames(holder) {
  if (typeof holder !== 'object' || holder === null) return '';
  const text = safe(() => holder.stack, '');
  return text.startsWith('Error') ? text.split('\n').slice(3).join('\n') : text;
}
// One design at a time; done says whether the current one has been answered.
let done = true;
let seq = 0;
const realExit = process.exit.bind(process);
process.exit = (code) => {
  if (!done) {
    done = true;
    parentPort.postMessage({ type: 'exit', seq, code: Number(code ?? process.exitCode ?? 0) || 0 });
  }
  realExit(code);
};
function send(msg) {
  if (done) return;
  done = true;
  parentPort.postMessage({ ...msg, seq });
  parentPort.ref();
}
// Node sets up its ES module loader at a worker's first import(): loaded here, while the worker waits for its
// design, instead of on the design's own import (about 2.5 of a watch save's 15 ms of evaluation, measured).
import('data:text/javascript,').catch(() => {});
process.on('unhandledRejection', (e) => send({ type: 'threw', thrown: describe(e) }));
process.on('uncaughtException', (e) => send({ type: 'threw', thrown: describe(e) }));
parentPort.on('message', async (msg) => {
  const { url } = msg;
  seq = msg.seq;
  done = false;
  // While a design evaluates, only the design may keep the worker alive: a top-level await that can
  // never settle then ends the worker with exit code 13 instead of waiting for the time limit.
  parentPort.unref();
  let value;
  let mod;
  try {
    mod = await import(url);
    value = mod.default;
    if (typeof value === 'function') value = value();
    value = await value;
  } catch (e) {
    return send({ type: 'threw', thrown: describe(e) });
  }
  // A design that forgot \`default\` exports its architecture by name: found here, so that it is an error at
  // the defineArchitecture call rather than a helper module skipped with a note.
  const named = [];
  const tagged = [];
  const frames = [];
  const before = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = bundleFrames(url);
  } catch {}
  try {
    if (value === undefined) {
      for (const name of Object.keys(mod)) {
        try {
          const v = mod[name];
          if (v !== null && typeof v === 'object' && v.kind === 'architecture') named.push({ name, frame: siteFrames(v[KEY]) });
        } catch {}
      }
    }
    const seen = new Set();
    const stack = [value];
    while (stack.length) {
      const v = stack.pop();
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      const frame = siteFrames(v[KEY]);
      if (frame) { tagged.push(v); frames.push(frame); }
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
    }
  } catch (e) {
    return send({ type: 'threw', thrown: describe(e) });
  } finally {
    try {
      Error.prepareStackTrace = before;
    } catch {}
  }
  try {
    // Let what the design printed reach the parent before the worker is ended.
    await new Promise((r) => process.stdout.write('', () => r()));
    // One message: structured clone keeps shared and circular objects, so tagged[i] is the very clone inside value.
    if (!done) { parentPort.postMessage({ type: 'value', seq, value, tagged, frames, named }); done = true; parentPort.ref(); }
  } catch (e) {
    send({ type: 'unclonable', message: safe(() => e.message, String(e)) });
  }
});
`;

function readString(read: () => unknown): string | undefined {
  try {
    const v = read();
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A worker's failure as a ThrownInfo, whatever it is (an Error, a plain object, a hostile value). */
export function describeWorkerError(e: unknown): ThrownInfo {
  const obj = typeof e === 'object' && e !== null ? (e as { name?: unknown; message?: unknown; stack?: unknown }) : undefined;
  const name = obj ? readString(() => obj.name) : undefined;
  const message = obj ? readString(() => obj.message) : readString(() => String(e));
  const stack = obj ? readString(() => obj.stack) : undefined;
  return {
    ...(name !== undefined ? { name } : {}),
    message: message ?? 'the design failed with a value that cannot be printed',
    ...(stack ? { stack } : {}),
  };
}

/**
 * A worker started ahead of time (it boots while esbuild bundles). A single-use evaluator runs one
 * design and ends its worker. A reusable one (several files in one run: booting a worker costs tens
 * of milliseconds of CPU per design) keeps its worker after a design evaluated cleanly and ends it on
 * any failure: the caller then re-evaluates that design alone in a fresh worker, so a failure caused
 * by an earlier design's leftovers (a late rejection, a timer calling process.exit) is never
 * attributed to the wrong file.
 */
export interface Evaluator {
  /** Evaluates the bundle file; never throws. A single-use evaluator ends the worker when the result is in. */
  run(bundlePath: string, timeoutMs?: number): Promise<Evaluation>;
  /** Whether run() may be called (again): false once a single-use run or any failure ended the worker. */
  readonly usable: boolean;
  /** Ends the worker. */
  dispose(): void;
}

/** A single-use evaluator booted ahead of need (watch mode), and whether to keep one. */
let spare: Evaluator | undefined;
let keepSpare = false;

/**
 * Keeps one fresh, never-used worker booted for the next single-use evaluation (watch mode: a save
 * then finds its worker ready instead of waiting tens of milliseconds for one to boot). Each design
 * still runs in a worker of its own; the spare only boots earlier. `false` ends the spare. The watch
 * loop and `serve` boot the next one after each run (refillSpareEvaluator): while the editor is idle,
 * not beside the save's layouts (a worker's boot costs tens of milliseconds of CPU, on two cores).
 */
export function keepSpareEvaluator(on: boolean): void {
  keepSpare = on;
  if (on) spare ??= bootEvaluator(false);
  else {
    spare?.dispose();
    spare = undefined;
  }
}

/** Boots the next spare when spares are kept (keepSpareEvaluator) and none is ready: call when the loop is idle. */
export function refillSpareEvaluator(): void {
  if (keepSpare && !spare?.usable) spare = bootEvaluator(false);
}

/** Whether a single-use evaluator would start at once: a spare is kept and booted (see keepSpareEvaluator). */
export function spareEvaluatorReady(): boolean {
  return keepSpare && spare?.usable === true;
}

export function startEvaluator(opts: { reusable?: boolean } = {}): Evaluator {
  const reusable = opts.reusable ?? false;
  if (!reusable && keepSpare) {
    const ready = spare?.usable ? spare : bootEvaluator(false);
    spare = undefined;
    return ready;
  }
  return bootEvaluator(reusable);
}

function bootEvaluator(reusable: boolean): Evaluator {
  const worker = new Worker(WORKER, {
    eval: true,
    stdout: true,
    // A design that allocates without end fails alone instead of taking the CLI down.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  worker.stdout.pipe(process.stderr, { end: false });
  // An idle or finished worker never keeps the CLI alive.
  worker.unref();
  let seq = 0;
  let usable = true;
  let report: ((e: Evaluation) => void) | undefined;
  let early: Evaluation | undefined;
  const finish = (e: Evaluation): void => {
    if (report) report(e);
    else early ??= e;
  };
  worker.on('message', (m: { type: string; seq: number; [k: string]: unknown }) => {
    // A message about an earlier design (it cannot happen, as the worker answers once per design) is dropped.
    if (m.seq !== seq) return;
    if (m.type === 'value') {
      finish({ ok: true, value: m.value, tagged: m.tagged as object[], frames: m.frames as string[], named: m.named as Array<{ name: string; frame?: string }> });
    }
    else if (m.type === 'threw') finish({ ok: false, kind: 'threw', thrown: m.thrown as ThrownInfo });
    else if (m.type === 'exit') finish({ ok: false, kind: 'exit', code: m.code as number });
    else if (m.type === 'unclonable') finish({ ok: false, kind: 'unclonable', message: String(m.message) });
  });
  // After the result is in, whatever the worker still does (late rejections, errors) is ignored.
  // What reaches here is whatever the worker failed with, not necessarily an Error: read it defensively, so a
  // hostile value (a getter or toString that throws) is described instead of crashing the parent.
  worker.on('error', (e: unknown) => {
    usable = false;
    finish({ ok: false, kind: 'threw', thrown: describeWorkerError(e) });
  });
  // 13 is Node's "unsettled top-level await"; 0 is a worker whose event loop simply ran dry.
  worker.on('exit', (code) => {
    usable = false;
    finish(code === 0 || code === 13 ? { ok: false, kind: 'unsettled' } : { ok: false, kind: 'exit', code });
  });
  return {
    get usable() {
      return usable;
    },
    run(bundlePath, timeoutMs = loadTimeoutMs) {
      return new Promise((resolveEval) => {
        let settled = false;
        seq++;
        const timer = setTimeout(() => report!({ ok: false, kind: 'timeout', ms: timeoutMs }), timeoutMs);
        report = (e) => {
          if (settled) return;
          settled = true;
          report = undefined;
          clearTimeout(timer);
          if (reusable && e.ok && usable) return resolveEval(e);
          usable = false;
          // A value is posted only after the worker's stdout has reached this process (the worker waits for its
          // write callback, which comes when this side has taken the data): the design's output is already out,
          // and the worker ends while the caller goes on (about 4 ms of a watch save spent waiting for it).
          if (e.ok) {
            void worker.terminate();
            return resolveEval(e);
          }
          // Whatever the design printed is passed on before the run goes on (bounded: a flood cannot stall it).
          const flushed = new Promise<void>((r) => {
            worker.stdout.once('end', () => r());
            setTimeout(r, 200).unref();
          });
          void worker.terminate().then(() => flushed).then(() => resolveEval(e));
        };
        // A failure before this run (a worker that could not boot) is this run's answer; the caller
        // of a reusable evaluator re-evaluates the design in a fresh worker on any failure.
        if (early || !usable) {
          const e = early ?? { ok: false, kind: 'unsettled' };
          early = undefined;
          return report(e);
        }
        worker.postMessage({ url: pathToFileURL(bundlePath).href, seq });
      });
    },
    dispose() {
      usable = false;
      void worker.terminate();
    },
  };
}
