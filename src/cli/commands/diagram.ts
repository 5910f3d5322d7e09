/** `aksnet diagram`: SVG views per architecture file, optionally re-rendered on save. */
import { writeError } from '../error-output.js';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { displayPath } from '../../load/load-module.js';
import type { FileResult } from '../../validate/finding.js';
import type { MarkKeyInput } from '../../model/diagram-target.js';
import { loadFailureResult } from '../../validate/load-failure.js';
import { loadArchitecture, NotAnArchitectureError, type LoadedArchitecture } from '../../load/load-architecture.js';
import { summaryLine } from '../../validate/format/summary.js';
import { VIEWS, renderDiagrams, type ThemeName, type ViewName } from '../../diagram/index.js';
import { designStems, overviewRegionFiles } from '../../workflow/output-names.js';
import { commandInputs } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../../shared/io.js';
import { flushTimings } from '../timings.js';
import { whenMainThreadWaits } from '../../shared/idle-work.js';
import { xmlSafe } from '../../shared/text-safety.js';

export interface DiagramCliOptions {
  view: ViewName | 'all';
  output: string;
  findings?: boolean;
  iconPack?: string;
  watch?: boolean;
  /** A base design: mark what changed since it (added, changed, removed ghosted). */
  diff?: string;
  /** Output format: SVG (default) or PNG rendered without a browser. */
  format?: 'svg' | 'png';
  /** PNG scale factor (`--scale`, default 2). */
  scale?: string;
  /** Colour theme (`--theme`, default light). */
  theme?: ThemeName;
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

type Outcome =
  | {
      kind: 'drawn';
      written: string[];
      /** SVGs that could not be written (the others were), with the reason. */
      failed: Array<{ path: string; error: AksnetError }>;
      inputs: string[];
      result: FileResult;
    }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; error: AksnetError; result: FileResult };

/**
 * Validates when findings are wanted (badges with --findings, the summary in --watch), otherwise only
 * loads: a plain `aksnet diagram` never pays for the rules or the position map.
 */
async function renderFile(file: string, stem: string, opts: DiagramCliOptions): Promise<Outcome> {
  let arch: LoadedArchitecture;
  let result: FileResult;
  if (opts.findings || opts.watch) {
    const { validateOutcome } = await import('../../validate/run-files.js');
    const o = await validateOutcome(file);
    if (o.kind === 'skipped') return { kind: 'skipped', reason: o.reason };
    if (o.kind === 'failed') return { kind: 'failed', error: o.error, result: o.result };
    arch = o.validated.arch;
    result = o.result;
  } else {
    try {
      arch = await loadArchitecture(file);
    } catch (e) {
      if (e instanceof NotAnArchitectureError) return { kind: 'skipped', reason: e.message };
      if (e instanceof AksnetError)
        return { kind: 'failed', error: e, result: loadFailureResult(displayPath(file), e) };
      throw e;
    }
    result = { file: arch.file, title: arch.model.metadata.title, findings: [], rulesRun: [], asOf: '' };
  }
  const views = opts.view === 'all' ? [...VIEWS] : [opts.view];
  let model = arch.model;
  let mark = (svg: string) => svg;
  let key: MarkKeyInput | undefined;
  // The base design and its imports are inputs too: watch mode draws again when the base changes.
  const baseInputs: string[] = [];
  if (opts.diff) {
    const { diffModel, markKey, markSvg } = await import('../../diff/diagram-marks.js');
    const base = await loadArchitecture(opts.diff);
    baseInputs.push(...base.inputs);
    const d = diffModel(base.model, model);
    model = d.model;
    mark = (svg) => markSvg(svg, d.marks);
    key = markKey(d.marks);
  }
  const design = arch.file;
  const drawOpts = {
    views,
    design,
    ...(opts.findings ? { findings: result.findings } : {}),
    ...(opts.iconPack ? { iconPack: opts.iconPack } : {}),
    ...(opts.theme && opts.theme !== 'light' ? { theme: opts.theme } : {}),
    ...(key ? { markKey: key } : {}),
  };
  const diagrams = await renderDiagrams(model, drawOpts);
  const written: string[] = [];
  const failed: Array<{ path: string; error: AksnetError }> = [];
  const png = opts.format === 'png';
  const scale = png ? pngScale(opts.scale) : 1;
  const toPng = png ? (await import('../../render/png.js')).svgToPng : undefined;
  // In watch mode a view the save did not change is not written again.
  const holds = opts.watch ? (await import('../../workflow/watch.js')).holds : () => false;
  for (const d of diagrams) {
    const out = join(opts.output, `${stem}.${d.view}.${png ? 'png' : 'svg'}`);
    const t0 = performance.now();
    try {
      const svg = xmlSafe(mark(d.svg));
      const data = toPng ? await toPng(svg, scale) : svg;
      if (!holds(out, data)) writeFileAtomic(out, data);
      written.push(out);
    } catch (e) {
      // One view that cannot be written does not cost the others; each is named below.
      if (!(e instanceof AksnetError)) throw e;
      failed.push({ path: out, error: e });
    }
    performance.measure('aksnet:write', { start: t0, detail: { design, view: d.view } });
  }
  // ---- an overview too large for one A4 landscape page: one more picture per region (overview-pack.ts) ----
  const whole = diagrams.find((d) => d.view === 'overview');
  if (whole) {
    const { standaloneRegionPages } = await import('../../diagram/overview-pack.js');
    const pages = await standaloneRegionPages(model, whole, drawOpts);
    const names = overviewRegionFiles(stem, pages.map((p) => p.region), png ? 'png' : 'svg');
    // Listed right after the whole overview, which they stand beside.
    const after = written.indexOf(join(opts.output, `${stem}.overview.${png ? 'png' : 'svg'}`)) + 1 || written.length;
    const listed: string[] = [];
    for (const [i, page] of pages.entries()) {
      const out = join(opts.output, names[i]!);
      try {
        const svg = xmlSafe(mark(page.svg));
        const data = toPng ? await toPng(svg, scale) : svg;
        if (!holds(out, data)) writeFileAtomic(out, data);
        listed.push(out);
      } catch (e) {
        if (!(e instanceof AksnetError)) throw e;
        failed.push({ path: out, error: e });
      }
    }
    written.splice(after, 0, ...listed);
    // Region pages an earlier run wrote that this one does not (the whole now fits, a region was removed) would
    // say the design still needs them: they go, with a note.
    const ext = png ? 'png' : 'svg';
    const dir = join(opts.output, dirname(stem));
    const prefix = `${basename(stem)}.overview.region-`;
    const keep = new Set(names.map((n) => basename(n)));
    const stale = existsSync(dir)
      ? readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith(`.${ext}`) && !keep.has(f))
      : [];
    for (const f of stale) {
      rmSync(join(dir, f), { force: true });
      process.stderr.write(`note: removed ${join(dir, f)}: the overview no longer has this region page\n`);
    }
  }
  // ---- end of the overview's region pages ----
  return { kind: 'drawn', written, failed, inputs: [...arch.inputs, ...baseInputs], result };
}

/** One pass over every input: a file that fails to load is reported and the others are still drawn. */
async function drawAll(args: string[], opts: DiagramCliOptions) {
  const { files, root } = await commandInputs(args, undefined);
  const stems = designStems(files, root);
  const c = colors(useColor(process.stderr));
  let drawn = 0;
  let skipped = 0;
  let failed = 0;
  let outputFailure: ExitCode | undefined;
  const inputs: string[] = [...files];
  const results: FileResult[] = [];
  for (const f of files) {
    const r = await renderFile(f, stems.get(f)!, opts);
    if (r.kind === 'skipped') {
      skipped++;
      process.stderr.write(`note: skipped ${displayPath(f)}: not a design (${r.reason.replace(/;.*$/, '')})\n`);
    } else if (r.kind === 'failed') {
      failed++;
      results.push(r.result);
      writeError(r.error);
    } else {
      drawn++;
      results.push(r.result);
      inputs.push(...r.inputs);
      // Nothing written because writing failed is said by the failures below, not as an empty view.
      if (r.written.length === 0 && r.failed.length === 0)
        process.stderr.write(
          `${c.yellow('no diagrams')} for ${displayPath(f)}: nothing to show in the requested view\n`,
        );
      for (const w of r.written) process.stdout.write(`${w}\n`);
      for (const x of r.failed) process.stderr.write(`${x.error.format()}\nnot written: ${x.path}\n`);
      if (r.failed.length) outputFailure = r.failed.some((x) => x.error.exitCode === ExitCode.usage) ? ExitCode.usage : ExitCode.output;
    }
  }
  if (drawn + failed === 0)
    throw new AksnetError('no designs among the inputs: every file is a helper module', undefined, ExitCode.usage);
  return {
    code: failed ? ExitCode.usage : (outputFailure ?? ExitCode.ok),
    inputs,
    summary: `aksnet diagram: ${summaryLine(results, skipped)}`,
  };
}

export async function diagramCommand(args: string[], opts: DiagramCliOptions): Promise<ExitCode> {
  // A view drawn before (the same layout input: box sizes and structure, not names) is laid out from aksnet's
  // cache folder instead of by ELK, as in `aksnet report`: in an edit-render loop only the views an edit
  // changed cost a layout, and a run with every view cached runs no ELK layout (src/layout/cache.ts).
  const cache = await import('../../layout/cache.js');
  cache.useLayoutCache(cache.defaultLayoutCacheDir());
  try {
    return await diagramRuns(args, opts);
  } finally {
    cache.useLayoutCache(undefined);
  }
}

async function diagramRuns(args: string[], opts: DiagramCliOptions): Promise<ExitCode> {
  // A watch session (both ELKs warm after its first render) shares its layouts with a second ELK when a core is
  // idle; a one-off run of several views when AKSNET_LAYOUT_THREAD=on asks (see startLayoutThread). Started now,
  // the thread boots and loads ELK while this thread loads the design. One view alone is laid out here.
  if (opts.view === 'all' || opts.watch) {
    const { startLayoutThread } = await import('../../layout/layout-thread.js');
    startLayoutThread({ when: opts.watch ? 'spare-core' : 'asked' });
  }
  // ELK is loaded while this thread waits for the evaluation worker to run the design (whenMainThreadWaits), not
  // before: loaded first, its compile held back esbuild's start; loaded while esbuild bundled, it held back the
  // build, which calls back into this thread. On the 2-core bench machine, where esbuild and the worker keep the
  // other core busy, each ordering measured within noise of the others (30–40 interleaved runs, example a); with
  // more cores the load and ELK overlap. Loading ELK pays when a view is laid out (a first run, a CI run without a
  // kept cache, an edit that resizes a box); a run whose layouts all come from the cache loads it for nothing.
  const elkModule = import('../../layout/elk.js');
  whenMainThreadWaits(() => void elkModule.then((m) => m.elk()).catch(() => undefined));
  if (!opts.watch) return (await drawAll(args, opts)).code;
  const { watchLoop, watchRoots } = await import('../../workflow/watch.js');
  const run = async () => {
    const r = await drawAll(args, opts);
    flushTimings();
    return r;
  };
  return watchLoop({ roots: await watchRoots(args), run });
}
