/**
 * Loads a `.ts`/`.mts`/`.js`/`.mjs` file the way Vite loads its config: bundle it with esbuild,
 * write the bundle to a temporary `.mjs` file, import that, delete it. `import … from 'aksnet'`
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

/** Bundles and imports one module file; throws AksnetError with file:line:col on failure. */
export async function loadModule(file: string): Promise<LoadedModule> {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new AksnetError(`file not found: ${displayPath(abs)}`, undefined, ExitCode.usage);
  if (!/\.(m?ts|m?js|cts|cjs)$/.test(abs)) {
    throw new AksnetError(`unsupported file type (expected .ts, .mts, .js or .mjs): ${displayPath(abs)}`, undefined, ExitCode.usage);
  }
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
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-load-'));
  const tmp = join(dir, 'bundle.mjs');
  writeFileSync(tmp, js.text);
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(dirname(abs), p));
  try {
    const mod = (await import(pathToFileURL(tmp).href)) as { default?: unknown };
    let value = mod.default;
    if (typeof value === 'function') value = (value as () => unknown)();
    value = await value;
    return { file: abs, value, inputs, sites: collectSites(value, frameMapper(abs, tmp, map?.text, entry)) };
  } catch (e) {
    throw toLoadError(e, abs, frameMapper(abs, tmp, map?.text, entry));
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
  return (frame) => {
    // Frames name the bundle by file: URL under plain Node, by path under module runners (Vitest).
    const m = /((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!m || (m[1] !== bundleUrl && m[1] !== bundle)) return undefined;
    const hit = sm.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!hit?.originalSource) return undefined;
    const src = hit.originalSource.startsWith('file:') ? fileURLToPath(hit.originalSource) : resolve(mapDir, hit.originalSource);
    if (src === entry || src.startsWith(dslDir)) return undefined;
    return { file: src, line: (hit.originalLine ?? 0) + 1, column: (hit.originalColumn ?? 0) + 1 };
  };
}

/** Reads the call sites DSL builders recorded on the parts they made (see SOURCE_SITE in dsl/builders). */
function collectSites(value: unknown, map: FrameMapper): Map<object, SourceSite> {
  const key = Symbol.for('aksnet.source-site');
  const sites = new Map<object, SourceSite>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    const frame = (v as Record<symbol, unknown>)[key];
    if (typeof frame === 'string') {
      const site = map(frame);
      if (site) sites.set(v, site);
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return sites;
}

/** Maps an error thrown while evaluating the bundle to the user's source position. */
function toLoadError(e: unknown, file: string, map: FrameMapper): AksnetError {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : e.name + ': '}${e.message}` : `threw ${String(e)}`;
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  let location = { file: displayPath(file), line: 1, column: 1 };
  for (const frame of stack.split('\n').slice(1)) {
    const site = map(frame);
    if (!site) continue;
    location = { file: displayPath(site.file), line: site.line, column: site.column };
    break;
  }
  return new AksnetError(`the file threw while being evaluated: ${message}`, location, ExitCode.usage, stack);
}
