/**
 * Loads a `.ts`/`.mts`/`.js`/`.mjs` file the way Vite loads its config: bundle it with esbuild,
 * write the bundle to a temporary `.mjs` file, evaluate it in a worker thread with a time limit
 * (see evaluate.ts), delete it. A design is executed code with the user's privileges. `import … from 'aksnet'`
 * resolves to the running aksnet's DSL wherever the file lives, and the file's own relative imports
 * are bundled in. Errors are mapped back through the bundle's source map to the user's file.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire, SourceMap } from 'node:module';
import { AksnetError, ExitCode } from '../shared/errors.js';
import type * as Esbuild from 'esbuild';
import type { BuildResult, Metafile, OutputFile } from 'esbuild';
import { terminalSafe as escapeControl } from '../shared/text-safety.js';
import { registerInputs, sweepStale, trackTemp, untrackTemp } from '../shared/output-file.js';
import { startEvaluator, type Evaluation, type Evaluator, type ThrownInfo } from './evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The DSL entry the `aksnet` import resolves to: compiled JS when running from dist, TS in tests. */
export function dslEntry(): string {
  const js = resolve(here, '../../dsl/index.js');
  if (existsSync(js)) return js;
  return resolve(here, '../../dsl/index.ts');
}

export interface LoadedModule {
  /** Absolute path of the file. */
  file: string;
  /** Its default export (awaited). */
  value: unknown;
  /** Files the bundle was built from (for watch mode). */
  inputs: string[];
  /** Where each part made by a DSL builder was built, in the user's sources. */
  sites: Map<object, SourceSite>;
}

/** A position in one of the user's source files (absolute path, 1-based line and column). */
export interface SourceSite {
  file: string;
  line: number;
  column: number;
}

/** Shows a path relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

/**
 * Shares one evaluation worker between the files of a multi-file run: booting a worker per design
 * cost more CPU than evaluating it. A design that fails in the shared worker is evaluated again in a
 * fresh one, so its error is its own (see Evaluator); the shared worker is replaced after a failure.
 */
export class LoadSession {
  private evaluator: Evaluator | undefined;

  /** The shared evaluator, started now (it boots while esbuild bundles) unless one is still usable. */
  acquire(): Evaluator {
    if (!this.evaluator?.usable) this.evaluator = startEvaluator({ reusable: true });
    return this.evaluator;
  }

  /** Ends the shared worker (an idle one never keeps the CLI alive, but it holds every design's module). */
  dispose(): void {
    this.evaluator?.dispose();
    this.evaluator = undefined;
  }
}

/** Bundles and imports one module file; throws AksnetError with file:line:col on failure. */
export async function loadModule(file: string, session?: LoadSession): Promise<LoadedModule> {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new AksnetError(`file not found: ${displayPath(abs)}`, undefined, ExitCode.usage);
  if (!/\.(m?ts|m?js|cts|cjs)$/.test(abs)) {
    throw new AksnetError(`unsupported file type (expected .ts, .mts, .js or .mjs): ${displayPath(abs)}`, undefined, ExitCode.usage);
  }
  // The worker boots while esbuild bundles: most of its start-up cost is hidden.
  const evaluator = session ? session.acquire() : startEvaluator();
  // require(), not import(): esbuild's package declares no module type, so import() would first make
  // Node parse its main file to detect the format (about 0.1 s of every design's first load).
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  const entry = dslEntry();
  let result: BuildResult & { outputFiles: OutputFile[]; metafile: Metafile };
  try {
    result = await esbuild.build({
      entryPoints: [abs],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      outfile: 'bundle.mjs',
      sourcemap: 'external',
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: dirname(abs),
      plugins: [
        {
          name: 'aksnet-self',
          setup(build) {
            build.onResolve({ filter: /^aksnet(\/dsl)?$/ }, () => ({ path: entry }));
          },
        },
      ],
    });
  } catch (e) {
    if (!session) evaluator.dispose();
    const err = e as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> };
    const first = err.errors?.[0];
    if (first) {
      const loc = first.location;
      throw new AksnetError(
        first.text,
        loc ? { file: displayPath(resolve(dirname(abs), loc.file)), line: loc.line, column: loc.column + 1 } : { file: displayPath(abs), line: 1, column: 1 },
        ExitCode.usage,
      );
    }
    throw new AksnetError(`could not bundle ${displayPath(abs)}: ${String(e)}`, undefined, ExitCode.usage);
  }
  const js = result.outputFiles.find((o) => o.path.endsWith('.mjs'))!;
  const map = result.outputFiles.find((o) => o.path.endsWith('.map'));
  // The bundle holds the design's full source: it lives only while the design is evaluated, and one
  // left by a killed run is removed by the next (the folder name carries the pid).
  sweepStale(tmpdir(), 'aksnet-load-');
  const dir = mkdtempSync(join(tmpdir(), `aksnet-load-${process.pid}-`));
  trackTemp(dir);
  const tmp = join(dir, 'bundle.mjs');
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(dirname(abs), p));
  registerInputs(inputs.filter((p) => p !== entry && !p.startsWith(dirname(entry))));
  try {
    writeFileSync(tmp, js.text);
    const mapper = frameMapper(abs, tmp, map?.text, entry);
    let evaluation = await evaluator.run(tmp);
    if (!evaluation.ok && session) evaluation = await startEvaluator().run(tmp);
    if (!evaluation.ok) throw evaluationError(evaluation, abs, mapper);
    const sites = new Map<object, SourceSite>();
    evaluation.tagged.forEach((part, i) => {
      const site = mapper(evaluation.frames[i]!);
      if (site) sites.set(part, site);
    });
    return { file: abs, value: evaluation.value, inputs, sites };
  } finally {
    if (!session) evaluator.dispose();
    rmSync(dir, { recursive: true, force: true });
    untrackTemp(dir);
  }
}

/** Maps one stack frame in the bundle to the user's source, or undefined (another file, or the DSL itself). */
type FrameMapper = (frame: string) => SourceSite | undefined;

function frameMapper(file: string, bundle: string, mapText: string | undefined, entry: string): FrameMapper {
  if (!mapText) return () => undefined;
  const sm = new SourceMap(JSON.parse(mapText));
  const bundleUrl = pathToFileURL(bundle).href;
  const mapDir = dirname(file);
  const dslDir = dirname(entry);
  // Parts built in a loop share their frame: each distinct frame is looked up and resolved once.
  const seen = new Map<string, SourceSite | undefined>();
  const map = (frame: string): SourceSite | undefined => {
    // Frames name the bundle by file: URL under plain Node, by path under module runners (Vitest).
    const m = /((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!m || (m[1] !== bundleUrl && m[1] !== bundle)) return undefined;
    const hit = sm.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!hit?.originalSource) return undefined;
    const src = hit.originalSource.startsWith('file:') ? fileURLToPath(hit.originalSource) : resolve(mapDir, hit.originalSource);
    if (src === entry || src.startsWith(dslDir)) return undefined;
    return { file: src, line: (hit.originalLine ?? 0) + 1, column: (hit.originalColumn ?? 0) + 1 };
  };
  return (frame) => {
    if (seen.has(frame)) return seen.get(frame);
    const site = map(frame);
    seen.set(frame, site);
    return site;
  };
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
    const site = map(frame);
    if (!site) continue;
    location = { file: displayPath(site.file), line: site.line, column: site.column };
    break;
  }
  return new AksnetError(`the file threw while being evaluated: ${message}`, location, ExitCode.usage, stack);
}
