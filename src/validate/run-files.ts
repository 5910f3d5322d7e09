/**
 * The validate stage for files: load each architecture, find its config, run the rules and
 * resolve positions. Shared by `aksnet validate`, `diagram` (finding overlays) and `report`.
 */
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AksnetConfig } from '../../dsl/types.js';
import { findConfig, loadConfig } from '../load/config.js';
import { AksnetError } from '../shared/errors.js';
import { loadArchitecture, NotAnArchitectureError, type LoadedArchitecture } from '../load/load-architecture.js';
import { displayPath, LoadSession } from '../load/load-module.js';
import { SourceLocator } from '../load/locate.js';
import { flushPositionCaches } from '../load/position-cache.js';
import type { FileResult } from './finding.js';
import { loadFailureResult } from './load-failure.js';
import { validateModel } from './validate.js';
import { loadRules } from './registry.js';

export interface ValidateFilesOptions {
  /** `--as-of` date. */
  asOf?: string;
  /** Explicit config path, or false to ignore config files. */
  config?: string | false;
}

export interface ValidatedFile {
  arch: LoadedArchitecture;
  result: FileResult;
  config?: AksnetConfig;
}

export class ConfigCache {
  private readonly cache = new Map<string, Promise<AksnetConfig>>();

  async forFile(file: string, explicit: string | false | undefined): Promise<AksnetConfig | undefined> {
    if (explicit === false) return undefined;
    const path = explicit ?? findConfig(dirname(file));
    if (!path) return undefined;
    let p = this.cache.get(path);
    if (!p) this.cache.set(path, (p = loadConfig(path).then((c) => c.config)));
    return p;
  }
}

/** Loads and validates one architecture file. */
export async function validateFile(path: string, opts: ValidateFilesOptions = {}, configs = new ConfigCache()): Promise<ValidatedFile> {
  return validateLoaded(await loadArchitecture(path), opts, configs);
}

async function validateLoaded(arch: LoadedArchitecture, opts: ValidateFilesOptions, configs: ConfigCache): Promise<ValidatedFile> {
  const t0 = performance.now();
  const config = await configs.forFile(arch.path, opts.config);
  // Positions need the TypeScript parser: it is loaded, and the files parsed, only when a finding or an unverified
  // check asks.
  const locator = SourceLocator.lazy(arch);
  const result = await validateModel(arch.model, arch.issues, {
    file: arch.file,
    config,
    asOf: opts.asOf,
    locator,
  });
  performance.measure('aksnet:validate', { start: t0, detail: { design: arch.file } });
  return { arch, result, ...(config ? { config } : {}) };
}

/** Validates files one after another, in the given order. */
export async function validateFiles(paths: string[], opts: ValidateFilesOptions = {}): Promise<ValidatedFile[]> {
  const configs = new ConfigCache();
  const out: ValidatedFile[] = [];
  for (const p of paths) out.push(await validateFile(p, opts, configs));
  return out;
}

/**
 * What became of one file in a multi-file run: validated; skipped because it is not a design (a
 * helper module); or failed to load, which is an error result for that file only.
 */
export type FileOutcome =
  | { kind: 'validated'; path: string; validated: ValidatedFile; result: FileResult }
  | { kind: 'skipped'; path: string; file: string; reason: string }
  | { kind: 'failed'; path: string; file: string; error: AksnetError; result: FileResult };

/** Validates one file without letting its failure end the run; config errors still throw (they concern every file). */
export async function validateOutcome(
  path: string,
  opts: ValidateFilesOptions = {},
  configs = new ConfigCache(),
  session?: LoadSession,
): Promise<FileOutcome> {
  let arch: LoadedArchitecture;
  try {
    arch = await loadArchitecture(path, session);
  } catch (e) {
    const file = displayPath(path);
    if (e instanceof NotAnArchitectureError) return { kind: 'skipped', path, file, reason: e.message };
    if (e instanceof AksnetError) return { kind: 'failed', path, file, error: e, result: loadFailureResult(file, e, opts.asOf) };
    throw e;
  }
  const validated = await validateLoaded(arch, opts, configs);
  return { kind: 'validated', path, validated, result: validated.result };
}

/** Validates every file in order; one file's load failure never stops the others. */
export async function validateOutcomes(paths: string[], opts: ValidateFilesOptions = {}): Promise<FileOutcome[]> {
  const configs = new ConfigCache();
  // One esbuild build and one evaluation worker for all the files (a single file keeps the single-use worker).
  const session = paths.length > 1 ? new LoadSession() : undefined;
  session?.prepare(paths);
  // The rule modules load while esbuild bundles (the first validation would otherwise wait for both);
  // a failure here shows again, and is handled, where the rules are used.
  if (session) loadRules().catch(() => undefined);
  const out: FileOutcome[] = [];
  try {
    for (const p of paths) out.push(await validateOutcome(p, opts, configs, session));
  } finally {
    session?.dispose();
    // Positions learnt in this run serve the next one (watch mode, or the next CI run on a warm cache).
    flushPositionCaches();
  }
  return out;
}

/** The results that belong in a findings report: validated files and load failures, not skipped helpers. */
export function outcomeResults(outcomes: readonly FileOutcome[]): FileResult[] {
  return outcomes.flatMap((o) => (o.kind === 'skipped' ? [] : [o.result]));
}

/** The note printed for a skipped file. */
export function skipNote(o: Extract<FileOutcome, { kind: 'skipped' }>): string {
  return `note: skipped ${o.file}: not a design (${o.reason.replace(/;.*$/, '')})`;
}
