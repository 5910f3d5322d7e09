/**
 * The validate stage for files: load each architecture, find its config, run the rules and
 * resolve positions. Shared by `aksnet validate`, `diagram` (finding overlays) and `report`.
 */
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AksnetConfig } from '../../dsl/types.js';
import { findConfig, loadConfig } from '../load/config.js';
import { loadArchitecture, type LoadedArchitecture } from '../load/load-architecture.js';
import { SourceLocator } from '../load/locate.js';
import type { FileResult } from './finding.js';
import { validateModel } from './validate.js';

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
  const arch = await loadArchitecture(path);
  const t0 = performance.now();
  const config = await configs.forFile(arch.path, opts.config);
  // Positions need the TypeScript parser; a first pass tells whether any finding needs one.
  const first = await validateModel(arch.model, arch.issues, { file: arch.file, config, asOf: opts.asOf });
  let result = first;
  if (first.findings.length > 0) {
    const locator = await SourceLocator.create(arch);
    result = await validateModel(arch.model, arch.issues, { file: arch.file, config, asOf: opts.asOf, locator });
  }
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
