/** `aksnet diagram`: SVG views per architecture file, optionally re-rendered on save. */
import { watch, type FSWatcher } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { AksnetError, ExitCode } from '../../load/errors.js';
import { loadArchitecture } from '../../load/load-architecture.js';
import type { Finding } from '../../validate/finding.js';
import { VIEWS, renderDiagrams, type ViewName } from '../../diagram/index.js';
import { expandFiles } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../io.js';
import { xmlSafe } from '../../shared/text-safety.js';

export interface DiagramCliOptions {
  view: ViewName | 'all';
  output: string;
  findings?: boolean;
  iconPack?: string;
  watch?: boolean;
}

/** The stem used in output names: `examples/a-hub.ts` → `a-hub`. */
export function fileStem(path: string): string {
  return basename(path, extname(path));
}

interface RenderOutcome {
  written: string[];
  inputs: string[];
  /** SVGs that could not be written (the others were), with the reason. */
  failed: Array<{ path: string; error: AksnetError }>;
}

async function renderFile(file: string, opts: DiagramCliOptions): Promise<RenderOutcome> {
  let model;
  let inputs: string[];
  let findings: Finding[] | undefined;
  if (opts.findings) {
    const { validateFile } = await import('../../validate/run-files.js');
    const v = await validateFile(file);
    model = v.arch.model;
    inputs = v.arch.inputs;
    findings = v.result.findings;
  } else {
    const arch = await loadArchitecture(file);
    model = arch.model;
    inputs = arch.inputs;
  }
  const views = opts.view === 'all' ? [...VIEWS] : [opts.view];
  const diagrams = await renderDiagrams(model, { views, ...(findings ? { findings } : {}), ...(opts.iconPack ? { iconPack: opts.iconPack } : {}) });
  const written: string[] = [];
  const failed: RenderOutcome['failed'] = [];
  for (const d of diagrams) {
    const out = join(opts.output, `${fileStem(file)}.${d.view}.svg`);
    try {
      writeFileAtomic(out, xmlSafe(d.svg));
      written.push(out);
    } catch (e) {
      // One view that cannot be written does not cost the others; each is named below.
      if (!(e instanceof AksnetError)) throw e;
      failed.push({ path: out, error: e });
    }
  }
  return { written, inputs, failed };
}

export async function diagramCommand(args: string[], opts: DiagramCliOptions): Promise<number> {
  const files = await expandFiles(args);
  const c = colors(useColor(process.stderr));
  let outputFailure: number | undefined;
  const report = (file: string, r: RenderOutcome) => {
    if (r.written.length === 0 && r.failed.length === 0) process.stderr.write(`${c.yellow('no diagrams')} for ${file}: nothing to show in the requested view\n`);
    for (const w of r.written) process.stdout.write(`${w}\n`);
    for (const f of r.failed) process.stderr.write(`${f.error.format()}\nnot written: ${f.path}\n`);
    if (r.failed.length) outputFailure = r.failed.some((f) => f.error.exitCode === ExitCode.usage) ? ExitCode.usage : ExitCode.output;
  };
  const inputsOf = new Map<string, string[]>();
  for (const f of files) {
    try {
      const r = await renderFile(f, opts);
      report(f, r);
      inputsOf.set(f, r.inputs);
    } catch (e) {
      if (!opts.watch) throw e;
      printError(e);
      inputsOf.set(f, [f]);
    }
  }
  if (!opts.watch) return outputFailure ?? ExitCode.ok;
  return watchFiles(files, inputsOf, opts, report);
}

function printError(e: unknown): void {
  if (e instanceof AksnetError) process.stderr.write(e.format() + '\n');
  else process.stderr.write(`aksnet: ${(e as Error)?.message ?? String(e)}\n`);
}

/** Watches every architecture file and its inputs; re-renders the affected files, debounced. */
function watchFiles(files: string[], inputsOf: Map<string, string[]>, opts: DiagramCliOptions, report: (f: string, r: RenderOutcome) => void): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const owners = (changed: string) => files.filter((f) => f === changed || (inputsOf.get(f) ?? []).map((i) => resolve(i)).includes(changed));

  const sync = () => {
    const wanted = new Set<string>();
    for (const f of files) for (const i of [f, ...(inputsOf.get(f) ?? [])]) wanted.add(resolve(i));
    for (const [p, w] of watchers) if (!wanted.has(p)) (w.close(), watchers.delete(p));
    for (const p of wanted) {
      if (watchers.has(p)) continue;
      try {
        watchers.set(
          p,
          watch(p, () => {
            for (const o of owners(p)) pending.add(o);
            schedule();
          }),
        );
      } catch {
        // A vanished input: it is watched again after the next successful render.
      }
    }
  };

  const flush = async () => {
    if (running) return schedule();
    running = true;
    const batch = [...pending];
    pending.clear();
    for (const f of batch) {
      try {
        const r = await renderFile(f, opts);
        inputsOf.set(f, r.inputs);
        report(f, r);
      } catch (e) {
        printError(e);
      }
    }
    // Editors replace files on save; re-arm every watcher.
    for (const w of watchers.values()) w.close();
    watchers.clear();
    sync();
    running = false;
  };

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), 150);
  }

  sync();
  process.stderr.write(`watching ${watchers.size} file(s); press Ctrl+C to stop\n`);
  return new Promise((resolveExit) => {
    const stop = () => {
      for (const w of watchers.values()) w.close();
      if (timer) clearTimeout(timer);
      resolveExit(ExitCode.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
