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
import { SourceMap } from 'node:module';
import { AksnetError, ExitCode } from './errors.js';

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
  const esbuild = await import('esbuild');
  const entry = dslEntry();
  let result: import('esbuild').BuildResult & { outputFiles: import('esbuild').OutputFile[]; metafile: import('esbuild').Metafile };
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
    return { file: abs, value, inputs };
  } catch (e) {
    throw toLoadError(e, abs, tmp, map?.text, entry);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Maps an error thrown while evaluating the bundle to the user's source position. */
function toLoadError(e: unknown, file: string, bundle: string, mapText: string | undefined, entry: string): AksnetError {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : e.name + ': '}${e.message}` : `threw ${String(e)}`;
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  const bundleUrl = pathToFileURL(bundle).href;
  let location = { file: displayPath(file), line: 1, column: 1 };
  if (mapText) {
    const sm = new SourceMap(JSON.parse(mapText));
    const mapDir = dirname(file);
    // Frames name the bundle by file: URL under plain Node, by path under module runners (Vitest).
    for (const m of stack.matchAll(/((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)/g)) {
      if (m[1] !== bundleUrl && m[1] !== bundle) continue;
      const entryHit = sm.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
      if (!entryHit?.originalSource) continue;
      const src = entryHit.originalSource.startsWith('file:') ? fileURLToPath(entryHit.originalSource) : resolve(mapDir, entryHit.originalSource);
      if (src === entry || src.startsWith(dirname(entry))) continue;
      location = { file: displayPath(src), line: (entryHit.originalLine ?? 0) + 1, column: (entryHit.originalColumn ?? 0) + 1 };
      break;
    }
  }
  return new AksnetError(`the file threw while being evaluated: ${message}`, location, ExitCode.usage, stack);
}
