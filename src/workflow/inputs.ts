/**
 * Expands file arguments, directories and globs into a sorted, de-duplicated list of candidate design
 * files, and finds the input root that output names are made relative to.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { CONFIG_FILES } from '../load/config.js';

const ARCH_EXT = /\.(m?ts|m?js)$/;
const SOURCE_GLOB = '**/*.{ts,mts,js,mjs}';
/** Never designs: dependencies, declaration files, config files. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/*.d.ts', '**/aksnet.config.*'];

/** `designs/*.ts` also matches the config file that sits beside the designs; it is not a design. */
const isConfig = (f: string): boolean => CONFIG_FILES.includes(basename(f));

export interface InputSet {
  /** Absolute paths, sorted. */
  files: string[];
  /** Absolute directory every file lies under: the deepest folder shared by all arguments' bases. */
  root: string;
}

export interface ExpandOptions {
  /** Globs (relative to `cwd`) of files that are never designs, e.g. config `inputs.ignore`. */
  ignore?: string[];
  /** Directory relative arguments and ignore globs are resolved against (default: the working directory). */
  cwd?: string;
  /** The config's `inputs.ignore`, relative to the config's folder; applies to folders and globs, not named files. */
  configIgnore?: { dir: string; globs: string[] };
}

/**
 * Expands the arguments; throws a usage error (exit 2) for an empty glob or no design at all. A named file that does
 * not exist stays in the list: loading it is that file's failure, not the run's.
 */
export async function expandInputs(args: string[], opts: ExpandOptions = {}): Promise<InputSet> {
  if (args.length === 0)
    throw new AksnetError('no input files given (try `aksnet validate examples/*.ts`)', undefined, ExitCode.usage);
  const cwd = resolve(opts.cwd ?? process.cwd());
  const ignore = [...ALWAYS_IGNORED, ...(opts.ignore ?? [])];
  const out = new Set<string>();
  const named = new Set<string>();
  const bases: string[] = [];
  const { glob, escapePath, isDynamicPattern } = await import('tinyglobby');
  for (const a of args) {
    const abs = resolve(cwd, a);
    if (existsSync(abs) && statSync(abs).isFile()) {
      // A file named explicitly is taken even when an ignore glob matches it.
      out.add(abs);
      named.add(abs);
      bases.push(dirname(abs));
      continue;
    }
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const pattern = `${escapePath(toPosix(relative(cwd, abs)) || '.')}/${SOURCE_GLOB}`;
      for (const f of await glob([pattern], { cwd, absolute: true, ignore })) out.add(resolve(f));
      bases.push(abs);
      continue;
    }
    if (isDynamicPattern(a)) {
      const hits = (await glob([a], { cwd, absolute: true, ignore })).filter((f) => ARCH_EXT.test(f) && !isConfig(f));
      if (hits.length === 0) throw new AksnetError(`no files match ${a}`, undefined, ExitCode.usage);
      for (const f of hits) out.add(resolve(f));
      bases.push(resolve(cwd, globBase(a)));
      continue;
    }
    // A named file that is not there is kept: loading it fails for that file alone ("file not found", exit 2),
    // and the other inputs are still checked and written.
    out.add(abs);
    named.add(abs);
    bases.push(dirname(abs));
  }
  // A file reached twice (a symlink to it, a symlink loop in a directory) is read once: the first
  // path in sorted order names it.
  const byReal = new Map<string, string>();
  for (const f of [...out].sort()) {
    let real = f;
    try {
      real = realpathSync(f);
    } catch {
      // A dangling link: kept, and loading it reports "file not found".
    }
    if (!byReal.has(real)) byReal.set(real, f);
  }
  let files = [...byReal.values()].filter((f) => !isConfig(f)).sort();
  if (opts.configIgnore && opts.configIgnore.globs.length > 0) {
    const ignored = new Set(
      (await glob(opts.configIgnore.globs, { cwd: opts.configIgnore.dir, absolute: true })).map((f) => resolve(f)),
    );
    files = files.filter((f) => named.has(f) || !ignored.has(f));
  }
  if (files.length === 0) {
    throw new AksnetError(
      'no architecture files among the inputs (only aksnet.config files or ignored files)',
      undefined,
      ExitCode.usage,
    );
  }
  return { files, root: commonDir(bases) };
}

/** The folder part of a glob before its first dynamic segment: `designs/** /*.ts` → `designs`. */
export function globBase(pattern: string): string {
  const parts = toPosix(pattern).split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[\]{}()!]/.test(p)) break;
    fixed.push(p);
  }
  // A pattern without magic in its folders still names a file last; its folder is the base.
  if (fixed.length === parts.length) fixed.pop();
  const base = fixed.join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

/** The deepest directory containing every given directory. */
export function commonDir(dirs: string[]): string {
  if (dirs.length === 0) return process.cwd();
  let common = resolve(dirs[0]!).split(sep);
  for (const d of dirs.slice(1)) {
    const parts = resolve(d).split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const joined = common.join(sep);
  return joined === '' ? sep : joined;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Whether `file` lies inside `dir` (or is it). */
export function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
