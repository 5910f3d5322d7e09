/**
 * `aksnet build`: everything `aksnet.config.ts` asks for (diagrams, review packs, findings reports)
 * computed in memory first as a plan of path → bytes, so the same plan can be written, compared
 * with what is on disk (`--check`), or used to find orphans (`--clean`).
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findConfig, loadConfig } from '../load/config.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { displayPath, withDisplayBase } from '../load/load-module.js';
import type { FileResult } from '../validate/finding.js';
import { ConfigCache, outcomeResults, skipNote, validateOutcome, type FileOutcome } from '../validate/run-files.js';
import { findingsExitCode, renderFindings, summaryLine, type FailOn } from './findings.js';
import { expandInputs } from './inputs.js';
import { designStems } from './output-names.js';
import { VIEWS } from '../diagram/view-names.js';
import { selectShard, shardSuffix, type Shard } from './shard.js';

export interface BuildOptions {
  /** Explicit config file (default: the nearest aksnet.config.* at or above cwd). */
  config?: string;
  cwd?: string;
  asOf?: string;
  shard?: Shard;
  /** One line per step: `[3/10] eu/prod: drawing`. */
  progress?: (done: number, total: number, what: string) => void;
}

export interface PlannedOutput {
  /** Absolute path. */
  path: string;
  data: string | Uint8Array;
}

export interface BuildPlan {
  configPath: string;
  configDir: string;
  outputs: PlannedOutput[];
  outcomes: FileOutcome[];
  results: FileResult[];
  /** Files the run read (designs, their imports, the config): what watch mode watches. */
  inputs: string[];
  /** Problems that did not stop the build (e.g. a PDF that could not be printed). */
  outputErrors: AksnetError[];
  notes: string[];
  /** Existing files the build manages but no design produces. */
  orphans: string[];
  /** Designs of this run (after sharding), by stem. */
  stems: string[];
}

/** Diagram file names: `<stem>.<view>.<svg|png>`, for every view `build` draws (the registry's, so none is missed). */
const DIAGRAM_FILE = new RegExp(
  `^(.+)\\.(${VIEWS.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.(svg|png)$`,
);
/** Review pack files: `<stem>/review-pack.<ext>` and the Markdown pack's `<stem>/diagrams/*.svg`. */
const REPORT_FILE = /^(.+)\/(?:review-pack\.(?:pdf|html|md|json|csv)|diagrams\/[^/]+\.svg)$/;

export async function planBuild(opts: BuildOptions = {}): Promise<BuildPlan> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const configPath = opts.config ? resolve(cwd, opts.config) : findConfig(cwd);
  if (!configPath || !existsSync(configPath)) {
    throw new AksnetError(
      opts.config
        ? `config file not found: ${opts.config}`
        : 'no aksnet.config.ts here or in a parent folder (run `aksnet init` to create one)',
      undefined,
      ExitCode.usage,
    );
  }
  // Every file the outputs name is relative to the config file's folder, as the config's paths are: the
  // outputs are then the same bytes whichever folder the build runs from.
  const configDir = dirname(configPath);
  return withDisplayBase(configDir, () => planFrom(configPath, configDir, opts));
}

async function planFrom(configPath: string, configDir: string, opts: BuildOptions): Promise<BuildPlan> {
  const { config } = await loadConfig(configPath);
  const at = (p: string) => resolve(configDir, p);
  if (!config.inputs) {
    throw new AksnetError(
      "the config names no designs: add `inputs: { include: ['designs/**/*.ts'] }`",
      { file: displayPath(configPath), line: 1, column: 1 },
      ExitCode.usage,
    );
  }
  const { files, root } = await expandInputs(config.inputs.include, {
    cwd: configDir,
    ...(config.inputs.ignore ? { ignore: config.inputs.ignore } : {}),
  });
  const allStems = designStems(files, root);
  const mine = selectShard([...allStems.values()], opts.shard);
  const designs = files.filter((f) => mine.has(allStems.get(f)!));

  const outputs: PlannedOutput[] = [];
  const outputErrors: AksnetError[] = [];
  const notes: string[] = [];
  const outcomes: FileOutcome[] = [];
  const inputs = new Set<string>([configPath, ...files]);
  const configs = new ConfigCache();
  const total = designs.length;
  const diagramsOut = config.outputs?.diagrams;
  const reportsOut = config.outputs?.reports;
  const layoutCache = config.cache?.dir ? at(config.cache.dir) : undefined;
  const { useLayoutCache } = await import('../layout/cache.js');
  // Also the diagrams the review packs embed go through the cache, and a pack's drawings of a design
  // unchanged since the last build are read from its `drawings/` folder (diagram/drawing-cache.ts).
  useLayoutCache(layoutCache);
  const { useDrawingCache } = await import('../diagram/drawing-cache.js');
  useDrawingCache(layoutCache ? join(layoutCache, 'drawings') : undefined);
  try {
    for (const [i, file] of designs.entries()) {
      const stem = allStems.get(file)!;
      opts.progress?.(i, total, `${stem}: validating`);
      const o = await validateOutcome(file, { config: configPath, ...(opts.asOf ? { asOf: opts.asOf } : {}) }, configs);
      outcomes.push(o);
      if (o.kind === 'skipped') notes.push(skipNote(o));
      if (o.kind !== 'validated') continue;
      for (const input of o.validated.arch.inputs) inputs.add(input);
      if (diagramsOut) {
        opts.progress?.(i, total, `${stem}: drawing`);
        const { renderDiagrams } = await import('../diagram/index.js');
        const diagrams = await renderDiagrams(o.validated.arch.model, {
          ...(diagramsOut.views ? { views: diagramsOut.views } : {}),
          ...(diagramsOut.findings ? { findings: o.result.findings } : {}),
          ...(config.iconPack ? { iconPack: at(config.iconPack) } : {}),
          ...(layoutCache ? { layoutCache } : {}),
        });
        const formats = diagramsOut.formats ?? ['svg'];
        for (const d of diagrams) {
          const base = join(at(diagramsOut.dir), `${stem}.${d.view}`);
          if (formats.includes('svg')) outputs.push({ path: `${base}.svg`, data: d.svg });
          if (formats.includes('png')) {
            try {
              // The same renderer as `aksnet diagram --format png`: resvg, no browser.
              const { svgToPng } = await import('../render/png.js');
              outputs.push({ path: `${base}.png`, data: await svgToPng(d.svg, 2) });
            } catch (e) {
              if (!(e instanceof AksnetError)) throw e;
              if (!outputErrors.some((x) => x.message === e.message)) outputErrors.push(e);
            }
          }
        }
      }
      if (reportsOut) {
        opts.progress?.(i, total, `${stem}: writing the review pack`);
        const { writeReport } = await import('../report/pack.js');
        const dir = join(at(reportsOut.dir), stem);
        const res = await writeReport({
          files: [file],
          outputs: reportsOut.formats.map((format) => ({ format, path: join(dir, `review-pack.${format}`) })),
          config: configPath,
          paper: reportsOut.paper ?? 'a4',
          ...(opts.asOf || reportsOut.asOf ? { asOf: opts.asOf ?? reportsOut.asOf } : {}),
          write: (path, data) => outputs.push({ path: resolve(path), data }),
        });
        notes.push(...res.warnings.map((w) => `warning: ${w}`));
        if (res.pdfError && !outputErrors.some((x) => x.message === res.pdfError!.message))
          outputErrors.push(res.pdfError);
      }
    }
  } finally {
    useLayoutCache(undefined);
    useDrawingCache(undefined);
  }
  opts.progress?.(total, total, 'findings reports');
  const results = outcomeResults(outcomes);
  for (const f of config.outputs?.findings ?? []) {
    const path = at(opts.shard ? shardSuffix(f.file, opts.shard) : f.file);
    outputs.push({ path, data: await renderFindings(results, f.format, { cwd: configDir }) });
  }
  const duplicate = outputs.map((o) => o.path).find((p, i, all) => all.indexOf(p) !== i);
  if (duplicate)
    throw new AksnetError(
      `two outputs of the build would be written to ${displayPath(duplicate)}; give them distinct names in the config`,
      undefined,
      ExitCode.usage,
    );

  // Orphans: managed files no design of this run produces. A design that failed to load keeps its old outputs.
  const planned = new Set(outputs.map((o) => o.path));
  const failedStems = new Set(outcomes.filter((o) => o.kind === 'failed').map((o) => allStems.get(o.path)!));
  const knownStems = new Set(allStems.values());
  const owned = (stem: string) => {
    if (failedStems.has(stem)) return false;
    // Under --shard a stem of another shard's design belongs to that shard; outputs of no design go to shard 1.
    if (knownStems.has(stem)) return mine.has(stem);
    return !opts.shard || opts.shard.index === 1;
  };
  const orphans: string[] = [];
  const scan = (dir: string | undefined, pattern: RegExp) => {
    if (!dir) return;
    for (const f of listFiles(at(dir))) {
      const rel = relative(at(dir), f).split(sep).join('/');
      const m = pattern.exec(rel);
      if (m && !planned.has(f) && owned(m[1]!)) orphans.push(f);
    }
  };
  scan(diagramsOut?.dir, DIAGRAM_FILE);
  scan(reportsOut?.dir, REPORT_FILE);
  orphans.sort();
  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    configPath,
    configDir,
    outputs,
    outcomes,
    results,
    inputs: [...inputs],
    outputErrors,
    notes,
    orphans,
    stems: designs.map((d) => allStems.get(d)!),
  };
}

function listFiles(dir: string): string[] {
  // A file where the output folder should be holds no outputs: writing them says why they cannot be written.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export interface StaleReport {
  missing: string[];
  stale: string[];
  orphans: string[];
}

/** Compares the plan with the files on disk; writes nothing. */
export function compareWithDisk(plan: BuildPlan): StaleReport {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const o of plan.outputs) {
    if (!existsSync(o.path) || !statSync(o.path).isFile()) missing.push(o.path);
    else if (!Buffer.from(readFileSync(o.path)).equals(Buffer.from(o.data))) stale.push(o.path);
  }
  return { missing, stale, orphans: [...plan.orphans] };
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Outputs that could not be written (exit 3); the others are still written. */
  failed: AksnetError[];
}

/** Writes every output whose bytes changed (atomically); with `clean`, deletes orphans and empty folders they leave. */
export async function writePlan(plan: BuildPlan, clean: boolean): Promise<WriteReport> {
  const { writeFileAtomic } = await import('../shared/io.js');
  const written: string[] = [];
  const unchanged: string[] = [];
  const failed: AksnetError[] = [];
  for (const o of plan.outputs) {
    if (existsSync(o.path) && statSync(o.path).isFile() && Buffer.from(readFileSync(o.path)).equals(Buffer.from(o.data)))
      unchanged.push(o.path);
    else {
      try {
        writeFileAtomic(o.path, o.data);
        written.push(o.path);
      } catch (e) {
        if (!(e instanceof AksnetError)) throw e;
        failed.push(e);
      }
    }
  }
  const removed: string[] = [];
  if (clean) {
    for (const f of plan.orphans) {
      rmSync(f, { force: true });
      removed.push(f);
      let d = dirname(f);
      while (d.startsWith(plan.configDir + sep) && existsSync(d) && readdirSync(d).length === 0) {
        rmSync(d, { recursive: true, force: true });
        d = dirname(d);
      }
    }
  }
  return { written, unchanged, removed, failed };
}

/** The exit code of a build: 2 a design failed to load, 3 an output could not be made, else the findings threshold. */
export function buildExitCode(plan: BuildPlan, failOn: FailOn): number {
  const code = findingsExitCode(plan.results, failOn);
  if (code === ExitCode.usage) return code;
  if (plan.outputErrors.length) return ExitCode.output;
  return code;
}

export { summaryLine };
