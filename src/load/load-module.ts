/**
 * Loads a `.ts`/`.mts`/`.js`/`.mjs` file the way Vite loads its config: bundle it with esbuild,
 * write the bundle to a temporary `.mjs` file, evaluate it in a worker thread with a time limit
 * (see evaluate.ts), delete it. A design is executed code with the user's privileges. `import … from 'aksnet'`
 * resolves to the running aksnet's DSL wherever the file lives, and the file's own relative imports
 * are bundled in. Errors are mapped back through the bundle's source map to the user's file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire, SourceMap } from 'node:module';
import { AksnetError, ExitCode } from '../shared/errors.js';
import type * as Esbuild from 'esbuild';
import type { BuildResult, Metafile, OutputFile } from 'esbuild';
import { terminalSafe as escapeControl } from '../shared/text-safety.js';
import { registerInputs, sweepStale, trackTemp, untrackTemp } from '../shared/output-file.js';
import { mainThreadWaits } from '../shared/idle-work.js';
import { spareEvaluatorReady, startEvaluator, type Evaluation, type Evaluator, type ThrownInfo } from './evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The DSL entry the `aksnet` import resolves to: compiled JS when running from dist, TS in tests. */
export function dslEntry(): string {
  const js = resolve(here, '../../dsl/index.js');
  if (existsSync(js)) return js;
  return resolve(here, '../../dsl/index.ts');
}

/**
 * Whether a file is one of the DSL's own (the user's files are the inputs outside its folder). Inside the folder, not
 * merely beside it: a user's `dsl-helpers/` next to aksnet's `dsl/` is the user's.
 */
function isDslFile(path: string): boolean {
  return path === DSL_DIR || path.startsWith(DSL_DIR + sep);
}
/** The folder of dslEntry, compiled or not: no file-system check per file asked about. */
const DSL_DIR = resolve(here, '../../dsl');

export interface LoadedModule {
  /** Absolute path of the file. */
  file: string;
  /** Its default export (awaited). */
  value: unknown;
  /** Files the bundle was built from (for watch mode). */
  inputs: string[];
  /** Where each part made by a DSL builder was built, in the user's sources. */
  sites: Map<object, SourceSite>;
  /** With no default export: the exports that are architectures, by name, and where defineArchitecture was called. */
  named?: Array<{ name: string; site?: SourceSite }>;
}

/** A position in one of the user's source files (absolute path, 1-based line and column). */
export interface SourceSite {
  file: string;
  line: number;
  column: number;
  /**
   * For a part built in another of the user's files (a helper module's factory): the design file's own call that led
   * there, the first frame outward from the builder that is in the design file.
   */
  calledFrom?: SourceSite;
}

/**
 * The folder displayPath is relative to: the working directory, except while `aksnet build` runs, whose
 * outputs (findings reports, packs' source lines) name files relative to the config file's folder so they
 * are the same bytes from any folder.
 */
let displayBase: string | undefined;

/** Runs `fn` with paths shown relative to `dir` instead of the working directory. */
export async function withDisplayBase<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = displayBase;
  displayBase = dir;
  try {
    return await fn();
  } finally {
    displayBase = before;
  }
}

/** Shows a path relative to the working directory (see displayBase) when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(displayBase ?? process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

/** What one design's bundling gave: its bundle, or the error that names the file:line:col. */
type Built = { ok: true; bundle: Bundle } | { ok: false; error: AksnetError };

/** One design's bundle: the code, its source map, and the files it was built from. */
interface Bundle {
  js: string;
  map: string | undefined;
  /** The folder the source map's `sources` are relative to. */
  mapDir: string;
  inputs: string[];
}

/** What evaluating a prepared design gave (never a rejected promise: a prefetched failure waits for its caller). */
type Loaded = { ok: true; module: LoadedModule } | { ok: false; error: unknown };

/**
 * Loads the files of a multi-file run together. `prepare(files)` bundles all of them in ONE esbuild
 * build (esbuild's start, the DSL's parsing and the round trips are paid once, not per design) and
 * boots one evaluation worker shared by them: booting a worker per design cost more CPU than
 * evaluating it. Each design is still evaluated on its own, one after another, with its own time limit,
 * and the next prepared design is evaluated while the caller validates the current one (the worker is
 * otherwise idle). A design that fails in the shared worker is evaluated again in a fresh one, so its
 * error is its own (see Evaluator); the shared worker is replaced after a failure. A build error is
 * isolated too: the designs it concerns are bundled again alone (each gets exactly the error it gets
 * alone), and the others again together.
 */
export class LoadSession {
  private evaluator: Evaluator | undefined;
  private readonly builds = new Map<string, Promise<Built>>();
  private readonly order: string[] = [];
  private readonly pending = new Map<string, Promise<Loaded>>();
  private chain: Promise<unknown> = Promise.resolve();
  private dir: string | undefined;
  private seq = 0;

  /** The shared evaluator, started now (it boots while esbuild bundles) unless one is still usable. */
  acquire(): Evaluator {
    if (!this.evaluator?.usable) this.evaluator = startEvaluator({ reusable: true });
    return this.evaluator;
  }

  /**
   * Starts bundling every loadable file among `files` in one build; `loadModule(file, session)` then
   * uses these bundles. Files that do not exist or are of another type are left to loadModule's own errors.
   */
  prepare(files: readonly string[]): void {
    const fresh = [...new Set(files.map((f) => resolve(f)))].filter((f) => !this.builds.has(f) && existsSync(f) && LOADABLE.test(f));
    if (fresh.length === 0) return;
    this.acquire();
    // The first design is bundled on its own, beside the build of the others: its evaluation (and the
    // caller's validation) then starts when it is ready, not when the last design of a large run is.
    const groups = fresh.length > 2 ? [fresh.slice(0, 1), fresh.slice(1)] : [fresh];
    for (const group of groups) {
      const built = buildMany(group);
      for (const f of group) this.builds.set(f, built.then((m) => m.get(f)!));
    }
    this.order.push(...fresh);
  }

  /** Loads one prepared (or, failing that, newly bundled) file; throws AksnetError with file:line:col. */
  async load(abs: string): Promise<LoadedModule> {
    if (!this.builds.has(abs)) this.builds.set(abs, buildOne(abs));
    const own = this.evaluate(abs);
    // The worker runs a few designs ahead, so it stays busy while the caller validates (one design
    // ahead left it idle whenever a validation took longer than the next evaluation, and the other way round).
    const at = this.order.indexOf(abs);
    for (let k = 1; k <= LOOKAHEAD; k++) {
      const next = this.order[at + k];
      if (next !== undefined && this.builds.has(next)) void this.evaluate(next);
    }
    const r = await own;
    this.pending.delete(abs);
    this.builds.delete(abs);
    if (!r.ok) throw r.error;
    return r.module;
  }

  /** Evaluations run one at a time, in the order asked for, on the shared worker. */
  private evaluate(abs: string): Promise<Loaded> {
    let p = this.pending.get(abs);
    if (!p) {
      p = this.chain.then(() => this.evaluateNow(abs));
      this.chain = p;
      this.pending.set(abs, p);
    }
    return p;
  }

  private async evaluateNow(abs: string): Promise<Loaded> {
    try {
      const built = await this.builds.get(abs)!;
      if (!built.ok) return { ok: false, error: built.error };
      this.dir ??= bundleDir();
      const tmp = join(this.dir, `design-${++this.seq}.mjs`);
      const module = await evaluateBundle(abs, built.bundle, tmp, async (path) => {
        const first = await this.acquire().run(path);
        return first.ok ? first : startEvaluator().run(path);
      });
      return { ok: true, module };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Ends the shared worker and removes the run's bundle folder. */
  dispose(): void {
    this.evaluator?.dispose();
    this.evaluator = undefined;
    if (this.dir) removeBundleDir(this.dir);
    this.dir = undefined;
  }
}

/** Designs evaluated ahead of the one asked for in a multi-file run (their values wait in memory). */
const LOOKAHEAD = 3;

const LOADABLE = /\.(m?ts|m?js|cts|cjs)$/;

/** Bundles and imports one module file; throws AksnetError with file:line:col on failure. */
export async function loadModule(file: string, session?: LoadSession): Promise<LoadedModule> {
  const abs = resolve(file);
  // At the file's start, as every other per-file error: one `file:1:1 - error: …` line.
  const at = { file: displayPath(abs), line: 1, column: 1 };
  if (!existsSync(abs)) throw new AksnetError(`file not found: ${displayPath(abs)}`, at, ExitCode.usage);
  if (!LOADABLE.test(abs)) {
    throw new AksnetError(`unsupported file type (expected .ts, .mts, .js or .mjs): ${displayPath(abs)}`, at, ExitCode.usage);
  }
  if (session) return session.load(abs);
  loadedAlone?.add(abs);
  const early = ahead.get(abs);
  if (early) {
    ahead.delete(abs);
    // Used only when every file it read still holds what it read: a save written in two parts can come with one
    // change event, after the first part, and the load ahead may have read that part alone.
    const r = await early.result;
    if (stillHolds(early.read, r.ok ? r.module.inputs : [])) {
      aheadStats.taken++;
      if (!r.ok) throw r.error;
      return r.module;
    }
    aheadStats.stale++;
  }
  return loadAlone(abs);
}

/** Bundles one design and evaluates it in a worker of its own. */
async function loadAlone(abs: string, read?: Map<string, string>): Promise<LoadedModule> {
  // The worker boots, and the bundle's folder is made, while esbuild bundles. A spare worker booted beforehand (watch
  // mode) is taken only once the design has bundled: a load ahead of a file still being written fails to bundle and
  // leaves the spare to the load that reads the whole file (booting another took tens of milliseconds of that save).
  let evaluator = spareEvaluatorReady() ? undefined : startEvaluator();
  const building = buildOne(abs, read);
  const dir = bundleDir();
  try {
    const built = await building;
    if (!built.ok) throw built.error;
    const run = (evaluator ??= startEvaluator());
    return await evaluateBundle(abs, built.bundle, join(dir, 'bundle.mjs'), (path) => run.run(path));
  } finally {
    evaluator?.dispose();
    removeBundleDir(dir);
  }
}

/**
 * Loads started when a watch session sees a change (loadAhead), by absolute path: during the debounce that follows a
 * change the design is bundled and evaluated instead of after it, and the run that the debounce then starts takes the
 * result (loadModule). Any later change event drops them all (dropLoadsAhead), and loadModule uses one only when the
 * files it read still hold what it read (`read`: see stillHolds).
 */
const ahead = new Map<string, { result: Promise<Loaded>; read: Map<string, string> }>();
/** The files loaded alone (without a LoadSession) since the run under way started: see startLoadRecord. */
let loadedAlone: Set<string> | undefined;
/** What loadAhead repeats: the files loaded alone by the last run that finished recording. */
let lastLoadedAlone: readonly string[] = [];

/**
 * A watch run starts: the files loadModule loads alone from now on are those a change event loads ahead of the
 * next run (loadAhead). The record of the run before stays in use until this one has loaded something.
 */
export function startLoadRecord(): void {
  loadedAlone = new Set();
}

/**
 * A change that will start a run: loads ahead the design the last run loaded, so that the debounce before the run
 * (watch.ts) overlaps the bundling and the evaluation. Only when that run loaded one file alone: several designs
 * loaded at once would take the cores the first design's own load needs, and a multi-design run loads through a
 * LoadSession, which bundles them together. Call dropLoadsAhead first: loads started before this event are stale.
 */
export function loadAhead(): void {
  if (loadedAlone && loadedAlone.size > 0) lastLoadedAlone = [...loadedAlone];
  if (lastLoadedAlone.length !== 1) return;
  const abs = lastLoadedAlone[0]!;
  if (ahead.has(abs) || !existsSync(abs)) return;
  const read = new Map<string, string>();
  const result: Promise<Loaded> = loadAlone(abs, read).then(
    (module) => ({ ok: true, module }),
    (error: unknown) => ({ ok: false, error }),
  );
  ahead.set(abs, { result, read });
  aheadStats.started++;
}

/** A change event: every load started before it may have read old content, so none is used (see `ahead`). */
export function dropLoadsAhead(): void {
  ahead.clear();
}

/**
 * Whether every file a load ahead read (`read`, recorded by recordReads) still holds what it read, and every input of
 * its bundle outside the DSL is among them. Compared by content, not by timestamps: two writes within one tick of the
 * file system's clock leave the same modification time.
 */
function stillHolds(read: ReadonlyMap<string, string>, inputs: readonly string[]): boolean {
  if (read.size === 0) return false;
  for (const [f, text] of read) {
    try {
      if (readFileSync(f, 'utf8') !== text) return false;
    } catch {
      return false;
    }
  }
  return inputs.every((f) => isDslFile(f) || read.has(f));
}

/** How many loads ahead were started, how many a load took, and how many it found stale (tests, the bench). */
const aheadStats = { started: 0, taken: 0, stale: 0 };

export function loadAheadStats(): { started: number; taken: number; stale: number } {
  return { ...aheadStats };
}

/**
 * The bundle holds the design's full source: it lives only while the design is evaluated, and one
 * left by a killed run is removed by the next (the folder name carries the pid).
 */
function bundleDir(): string {
  sweepStale(tmpdir(), 'aksnet-load-');
  const dir = mkdtempSync(join(tmpdir(), `aksnet-load-${process.pid}-`));
  trackTemp(dir);
  return dir;
}

function removeBundleDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  untrackTemp(dir);
}

/** Writes the bundle to `tmp`, evaluates it with `run`, deletes it, and maps the result to the user's sources. */
async function evaluateBundle(
  abs: string,
  bundle: Bundle,
  tmp: string,
  run: (path: string) => Promise<Evaluation>,
): Promise<LoadedModule> {
  registerInputs(bundle.inputs.filter((p) => !isDslFile(p)));
  let evaluation: Evaluation;
  const mapper = frameMapper(bundle.mapDir, tmp, bundle.map);
  try {
    writeFileSync(tmp, bundle.js);
    const evaluated = run(tmp);
    // The design is with the worker: work queued for this wait runs now (not earlier: esbuild's resolve callback for
    // `aksnet` needs this thread, and a busy thread held the build back by the length of the work).
    mainThreadWaits();
    evaluation = await evaluated;
  } finally {
    rmSync(tmp, { force: true });
  }
  if (!evaluation.ok) throw evaluationError(evaluation, abs, mapper);
  const sites = new Map<object, SourceSite>();
  evaluation.tagged.forEach((part, i) => {
    const site = builderSite(evaluation.frames[i]!, abs, mapper);
    if (site) sites.set(part, site);
  });
  const named = evaluation.named?.map((a) => ({ name: a.name, ...(a.frame ? { site: builderSite(a.frame, abs, mapper) } : {}) }));
  return { file: abs, value: evaluation.value, inputs: bundle.inputs, sites, ...(named?.length ? { named } : {}) };
}

/**
 * Where a builder was called (the first of the frames the worker sent for the part, one a line), and for a part built
 * in a helper module, the design's call that led there. The outer frames are mapped only for such parts: a part built
 * in the design file itself has its site already.
 */
function builderSite(frames: string, abs: string, mapper: FrameMapper): SourceSite | undefined {
  const list = frames.split('\n');
  const site = mapper.site(list[0]!);
  if (!site || site.file === abs) return site;
  for (let i = 1; i < list.length; i++) {
    const outer = mapper.site(list[i]!);
    if (outer?.file === abs) return { ...site, calledFrom: outer };
  }
  return site;
}

function esbuildModule(): typeof Esbuild {
  // require(), not import(): esbuild's package declares no module type, so import() would first make
  // Node parse its main file to detect the format (about 0.1 s of every design's first load).
  return createRequire(import.meta.url)('esbuild') as typeof Esbuild;
}

type BuildOk = BuildResult & { outputFiles: OutputFile[]; metafile: Metafile };

/** The esbuild options every design is bundled with: `aksnet` resolves to the running DSL. */
function buildOptions(dir: string): Esbuild.BuildOptions & { write: false; metafile: true } {
  const entry = dslEntry();
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: dir,
    // An alias, not a resolve plugin: esbuild resolves it itself. A plugin's callback runs on this thread, once per
    // design, and the build waits for it whenever this thread is busy (an isolated 100-design build: 300–370 ms
    // with the alias, 350–420 ms with the callback; no whole-process difference measured through the noise).
    alias: { aksnet: entry, 'aksnet/dsl': entry },
    plugins: [
      {
        // The alias also rewrites any other `aksnet/…` import to a path inside the DSL's file, which esbuild
        // would report as an unreadable directory; such an import gets a plain "could not resolve" instead.
        // Go's regular expressions have no look-ahead: the pattern spells out "a subpath that is not dsl".
        name: 'aksnet-subpaths',
        setup(build) {
          build.onResolve({ filter: /^aksnet\/(|[^d].*|d|d[^s].*|ds|ds[^l].*|dsl.+)$/ }, (args) => ({
            errors: [{ text: `Could not resolve "${args.path}": aksnet exports only "aksnet" and "aksnet/dsl"` }],
          }));
        },
      },
    ],
  };
}

/** The first esbuild error as one AksnetError (exit 2) at its file:line:col; esbuild's own error (all of them) for --debug. */
function buildError(e: unknown, abs: string, dir: string): AksnetError {
  const err = e as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }>; stack?: unknown };
  const detail = typeof err?.stack === 'string' ? err.stack : undefined;
  const first = err.errors?.[0];
  if (first) {
    const loc = first.location;
    return new AksnetError(
      first.text,
      loc ? { file: displayPath(resolve(dir, loc.file)), line: loc.line, column: loc.column + 1 } : { file: displayPath(abs), line: 1, column: 1 },
      ExitCode.usage,
      detail,
    );
  }
  return new AksnetError(`could not bundle ${displayPath(abs)}: ${String(e)}`, undefined, ExitCode.usage, detail);
}

/** Bundles one design alone. */
async function buildOne(abs: string, read?: Map<string, string>): Promise<Built> {
  const dir = dirname(abs);
  let result: BuildOk;
  try {
    const options = buildOptions(dir);
    if (read) options.plugins = [...(options.plugins ?? []), recordReads(read)];
    result = await esbuildModule().build({ ...options, entryPoints: [abs], outfile: 'bundle.mjs' });
  } catch (e) {
    return { ok: false, error: buildError(e, abs, dir) };
  }
  const js = result.outputFiles.find((o) => o.path.endsWith('.mjs'))!;
  const map = result.outputFiles.find((o) => o.path.endsWith('.map'));
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(dir, p));
  return { ok: true, bundle: { js: js.text, map: map?.text, mapDir: dir, inputs } };
}

/**
 * Reads the user's files for esbuild and keeps what it read, by absolute path (a load ahead: see loadAhead). The DSL's
 * own files are left to esbuild. The callback runs on this thread; a load ahead runs while it waits for the debounce.
 */
function recordReads(read: Map<string, string>): Esbuild.Plugin {
  return {
    name: 'aksnet-record-reads',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        if (isDslFile(args.path)) return undefined;
        const contents = readFileSync(args.path, 'utf8');
        read.set(args.path, contents);
        return { contents, loader: 'default' };
      });
    },
  };
}

/**
 * Bundles many designs in one build, one entry point each (no code splitting: every design keeps its
 * own copy of the DSL, as when it is bundled alone). When the build fails, the designs whose own file
 * an error is in are bundled alone and the others together again; errors only in helper modules make
 * every design be bundled alone, so each error goes to the designs that import it.
 */
async function buildMany(files: readonly string[]): Promise<Map<string, Built>> {
  const out = new Map<string, Built>();
  if (files.length === 1) {
    out.set(files[0]!, await buildOne(files[0]!));
    return out;
  }
  const dir = commonDir(files);
  let result: BuildOk;
  try {
    result = await esbuildModule().build({
      ...buildOptions(dir),
      entryPoints: files.map((f, i) => ({ in: f, out: `design-${i}` })),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
    });
  } catch (e) {
    const errors = (e as { errors?: Array<{ location?: { file: string } | null }> }).errors ?? [];
    const named = new Set(errors.flatMap((x) => (x.location ? [resolve(dir, x.location.file)] : [])));
    const alone = files.filter((f) => named.has(f));
    const together = files.filter((f) => !named.has(f));
    const rest = alone.length > 0 && together.length > 0 ? buildMany(together) : undefined;
    const single = rest ? alone : files;
    const built = await Promise.all(single.map((f) => buildOne(f)));
    single.forEach((f, i) => out.set(f, built[i]!));
    if (rest) for (const [f, b] of await rest) out.set(f, b);
    return out;
  }
  const text = new Map(result.outputFiles.map((o) => [o.path, o.text]));
  // Each output's entry point by its absolute path, resolved once: a search per design resolved every output
  // key again (20,000 path resolutions for 100 designs: 14 ms in a CPU profile of a 100-design validate).
  const entryOf = new Map(Object.entries(result.metafile.outputs).map(([k, o]) => [resolve(dir, k), o.entryPoint]));
  files.forEach((f, i) => {
    const js = join(dir, `design-${i}.mjs`);
    const entryKey = entryOf.get(js);
    out.set(f, {
      ok: true,
      bundle: {
        js: text.get(js)!,
        map: text.get(`${js}.map`),
        mapDir: dir,
        inputs: entryKey === undefined ? [f] : reachable(result.metafile, entryKey).map((p) => resolve(dir, p)),
      },
    });
  });
  return out;
}

/** The metafile inputs an entry reaches through its imports (what a build of that entry alone lists). */
function reachable(meta: Metafile, entryKey: string): string[] {
  const seen = new Set<string>([entryKey]);
  const todo = [entryKey];
  while (todo.length > 0) {
    for (const imp of meta.inputs[todo.pop()!]?.imports ?? []) {
      if (imp.external || seen.has(imp.path) || !(imp.path in meta.inputs)) continue;
      seen.add(imp.path);
      todo.push(imp.path);
    }
  }
  return Object.keys(meta.inputs).filter((k) => seen.has(k));
}

/** The deepest folder that holds every file. */
function commonDir(files: readonly string[]): string {
  let dir = dirname(files[0]!);
  for (const f of files) {
    while (relative(dir, f).startsWith('..') || isAbsolute(relative(dir, f))) {
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return dir;
}

/** Maps positions in the bundle back to the sources it was built from. */
interface FrameMapper {
  /** One stack frame (a V8 `at …` line, or a builder's `line:column`) to the user's source, or undefined (another file, or the DSL itself). */
  site(frame: string): SourceSite | undefined;
  /** A stack with every frame in the bundle shown at its source's file:line:col (the DSL's own files too), for `--debug`. */
  stack(stack: string): string;
}

/** A frame's bundle position: `… (file:///…/bundle.mjs:12:5)`, `at file:///…/bundle.mjs:12:5`, or a path under module runners. */
const FRAME_AT = /((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)(\)?)$/;
/** A frame the worker reduced to its position in the bundle (see evaluate.ts). */
const BUNDLE_POSITION = /^(\d+):(\d+)$/;

function frameMapper(mapDir: string, bundle: string, mapText: string | undefined): FrameMapper {
  if (!mapText) return { site: () => undefined, stack: (s) => s };
  const sm = new SourceMap(JSON.parse(mapText));
  const bundleUrl = pathToFileURL(bundle).href;
  const source = (line: number, column: number): SourceSite | undefined => {
    const hit = sm.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!hit?.originalSource) return undefined;
    return { file: mapSourcePath(mapDir, hit.originalSource), line: (hit.originalLine ?? 0) + 1, column: (hit.originalColumn ?? 0) + 1 };
  };
  // Parts built in a loop share their frame: each distinct frame is looked up and resolved once.
  const seen = new Map<string, SourceSite | undefined>();
  const map = (frame: string): SourceSite | undefined => {
    const own = BUNDLE_POSITION.exec(frame);
    // Frames name the bundle by file: URL under plain Node, by path under module runners (Vitest).
    const m = own ? undefined : FRAME_AT.exec(frame.trim());
    if (!own && (!m || (m[1] !== bundleUrl && m[1] !== bundle))) return undefined;
    const site = own ? source(Number(own[1]), Number(own[2])) : source(Number(m![2]), Number(m![3]));
    return site && !isDslFile(site.file) ? site : undefined;
  };
  return {
    site(frame) {
      if (seen.has(frame)) return seen.get(frame);
      const site = map(frame);
      seen.set(frame, site);
      return site;
    },
    stack(stack) {
      return stack
        .split('\n')
        .map((line) => {
          const m = FRAME_AT.exec(line);
          if (!m || (m[1] !== bundleUrl && m[1] !== bundle)) return line;
          const site = source(Number(m[2]), Number(m[3]));
          if (!site) return line;
          return `${line.slice(0, m.index)}${displayPath(site.file)}:${site.line}:${site.column}${m[4] ?? ''}`;
        })
        .join('\n');
    },
  };
}

/**
 * The file a source map's `sources` entry names. Entries are URLs: esbuild percent-encodes a relative one
 * (`pr%C3%B8d%25.ts` for `prød%.ts`), so each segment is decoded once. Not resolved as a URL against the
 * folder: a relative `na:me.ts` would read as a scheme.
 */
function mapSourcePath(mapDir: string, source: string): string {
  if (source.startsWith('file:')) return fileURLToPath(source);
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // a `%` esbuild did not encode: the name as written
    }
  };
  return resolve(mapDir, source.split('/').map(decode).join(sep));
}

/** One clear error (exit 2, `file:line:col`) for every way evaluating a design can fail. */
function evaluationError(e: Exclude<Evaluation, { ok: true }>, file: string, map: FrameMapper): AksnetError {
  const at = { file: displayPath(file), line: 1, column: 1 };
  switch (e.kind) {
    case 'threw':
      return toLoadError(e.thrown, file, map);
    case 'timeout':
      return new AksnetError(
        `the file did not finish evaluating within ${e.ms / 1000} s (an endless loop or a promise that never settles?); ` +
          'raise the limit with --load-timeout <seconds>',
        at,
        ExitCode.usage,
      );
    case 'exit':
      return new AksnetError(`the file called process.exit(${e.code}) while being evaluated`, at, ExitCode.usage);
    case 'unsettled':
      return new AksnetError('the file\'s top-level await never settled (nothing was left to wait for)', at, ExitCode.usage);
    case 'unclonable':
      return new AksnetError(
        `the default export is not plain data (${escapeControl(e.message)}); an architecture holds no functions or class handles`,
        at,
        ExitCode.usage,
      );
  }
}

/** Maps an error thrown while evaluating the bundle to the user's source position. */
function toLoadError(e: ThrownInfo, file: string, map: FrameMapper): AksnetError {
  const name = e.name === undefined || e.name === 'Error' ? '' : `${e.name}: `;
  const message = escapeControl(`${name}${e.message}`);
  const stack = e.stack ?? '';
  let location = { file: displayPath(file), line: 1, column: 1 };
  for (const frame of stack.split('\n').slice(1)) {
    const site = map.site(frame);
    if (!site) continue;
    location = { file: displayPath(site.file), line: site.line, column: site.column };
    break;
  }
  // The bundle is deleted by the time --debug prints the stack, and its positions mean nothing to the user.
  return new AksnetError(`the file threw while being evaluated: ${message}`, location, ExitCode.usage, stack ? map.stack(stack) : undefined);
}
