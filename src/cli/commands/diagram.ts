/** `aksnet diagram`: SVG views per architecture file, optionally re-rendered on save. */
import { watch, type FSWatcher } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { loadArchitecture } from '../../load/load-architecture.js';
import type { Finding } from '../../validate/finding.js';
import { VIEWS, renderDiagrams, type ViewName } from '../../diagram/index.js';
import { expandFiles } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../../shared/io.js';
import { flushTimings } from '../timings.js';

export interface DiagramCliOptions {
  view: ViewName | 'all';
  output: string;
  findings?: boolean;
  iconPack?: string;
  watch?: boolean;
  /** Base design whose differences from this one are marked (`--diff`). */
  diff?: string;
  /** Output format: SVG (default) or PNG rendered without a browser. */
  format?: 'svg' | 'png';
  /** PNG scale factor (`--scale`, default 2). */
  scale?: string;
}

/** The PNG scale of `--scale`: a number in (0, 8], else a usage error. */
export function pngScale(raw: string | undefined): number {
  if (raw === undefined) return 2;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(n > 0 && n <= 8)) {
    throw new AksnetError(`--scale must be a number greater than 0 and at most 8 (got "${raw}")`, undefined, ExitCode.usage);
  }
  return n;
}

/** The stem used in output names: `examples/a-hub.ts` → `a-hub`. */
export function fileStem(path: string): string {
  return basename(path, extname(path));
}

interface RenderOutcome {
  written: string[];
  inputs: string[];
}

async function renderFile(file: string, opts: DiagramCliOptions): Promise<RenderOutcome> {
  let model;
  let inputs: string[];
  let findings: Finding[] | undefined;
  let design: string;
  if (opts.findings) {
    const { validateFile } = await import('../../validate/run-files.js');
    const v = await validateFile(file);
    model = v.arch.model;
    inputs = v.arch.inputs;
    design = v.arch.file;
    findings = v.result.findings;
  } else {
    const arch = await loadArchitecture(file);
    model = arch.model;
    inputs = arch.inputs;
    design = arch.file;
  }
  const views = opts.view === 'all' ? [...VIEWS] : [opts.view];
  let mark = (svg: string) => svg;
  if (opts.diff) {
    const { diffModel, markSvg } = await import('../../diff/diagram-marks.js');
    const base = await loadArchitecture(opts.diff);
    const d = diffModel(base.model, model);
    model = d.model;
    mark = (svg) => markSvg(svg, d.marks);
  }
  const diagrams = await renderDiagrams(model, {
    views,
    design,
    ...(findings ? { findings } : {}),
    ...(opts.iconPack ? { iconPack: opts.iconPack } : {}),
  });
  const written: string[] = [];
  const png = opts.format === 'png';
  const scale = png ? pngScale(opts.scale) : 1;
  const toPng = png ? (await import('../../render/png.js')).svgToPng : undefined;
  for (const d of diagrams) {
    const out = join(opts.output, `${fileStem(file)}.${d.view}.${png ? 'png' : 'svg'}`);
    const t0 = performance.now();
    writeFileAtomic(out, toPng ? await toPng(mark(d.svg), scale) : mark(d.svg));
    performance.measure('aksnet:write', { start: t0, detail: { design, view: d.view } });
    written.push(out);
  }
  return { written, inputs };
}

export async function diagramCommand(args: string[], opts: DiagramCliOptions): Promise<ExitCode> {
  const files = await expandFiles(args);
  const c = colors(useColor(process.stderr));
  const report = (file: string, r: RenderOutcome) => {
    if (r.written.length === 0) process.stderr.write(`${c.yellow('no diagrams')} for ${file}: nothing to show in the requested view\n`);
    for (const w of r.written) process.stdout.write(`${w}\n`);
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
  if (!opts.watch) return ExitCode.ok;
  return watchFiles(files, inputsOf, opts, report);
}

function printError(e: unknown): void {
  if (e instanceof AksnetError) process.stderr.write(e.format() + '\n');
  else process.stderr.write(`aksnet: ${(e as Error)?.message ?? String(e)}\n`);
}

/** Watches every architecture file and its inputs; re-renders the affected files, debounced. */
function watchFiles(files: string[], inputsOf: Map<string, string[]>, opts: DiagramCliOptions, report: (f: string, r: RenderOutcome) => void): Promise<ExitCode> {
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
    flushTimings();
    // Editors replace files on save; re-arm every watcher.
    for (const w of watchers.values()) w.close();
    watchers.clear();
    sync();
    running = false;
  };

  function schedule(): void {
    if (timer) clearTimeout(timer);
    // An editor's save (write, or write-then-rename) fires its events within a few ms; 40 ms gathers
    // them without adding much to save → SVG latency.
    timer = setTimeout(() => void flush(), 40);
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
