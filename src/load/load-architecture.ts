/** Loads an architecture file and normalizes it. */
import { performance } from 'node:perf_hooks';
import type { Model } from '../model/types.js';
import { normalize, type NormalizeIssue } from '../normalize/normalize.js';
import { isRecord } from '../shared/is-record.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { displayPath, loadModule, type LoadSession, type SourceSite } from './load-module.js';

export interface LoadedArchitecture {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages (relative to the working directory when shorter). */
  file: string;
  model: Model;
  issues: NormalizeIssue[];
  /** Files the architecture was built from (for watch mode). */
  inputs: string[];
  /** The architecture value as the file exported it (what DSL paths index into). */
  value: unknown;
  /** Where each builder-made part was built (see SOURCE_SITE). */
  sites: Map<object, SourceSite>;
}

/**
 * The file loaded but its default export is not an architecture (a helper module, a config or a
 * library of parts). Multi-file runs skip such files with a note instead of failing.
 */
export class NotAnArchitectureError extends AksnetError {
  override name = 'NotAnArchitectureError';
}

/** Loads, evaluates and normalizes one architecture file. Throws AksnetError (exit 2) on failure. */
export async function loadArchitecture(path: string, session?: LoadSession): Promise<LoadedArchitecture> {
  const t0 = performance.now();
  const loaded = await loadModule(path, session);
  const file = displayPath(loaded.file);
  // User Timing entries feed `--timings` (read and cleared by the CLI); recording one costs microseconds.
  performance.measure('aksnet:load', { start: t0, detail: { design: file } });
  const v = loaded.value;
  const named = loaded.named?.[0];
  if (v === undefined && named) {
    // An architecture exported by name is a design that forgot `default`, not a helper module: an error, not a skip.
    const at = named.site ? { file: displayPath(named.site.file), line: named.site.line, column: named.site.column } : { file, line: 1, column: 1 };
    throw new AksnetError(
      `the architecture is exported as "${named.name}" but not as default; write \`export default defineArchitecture({ … })\` (or add \`export default ${named.name};\`)`,
      at,
      ExitCode.usage,
    );
  }
  if (v === undefined) {
    throw new NotAnArchitectureError(
      'the file has no default export; end it with `export default defineArchitecture({ … })`',
      { file, line: 1, column: 1 },
      ExitCode.usage,
    );
  }
  const looksLikeArchitecture = isRecord(v) && (v.kind === 'architecture' || (v.kind === undefined && 'network' in v && 'clusters' in v));
  if (!looksLikeArchitecture) {
    const what = isRecord(v) && typeof v.kind === 'string' ? `a ${v.kind} object` : Array.isArray(v) ? 'an array' : typeof v;
    throw new NotAnArchitectureError(
      `the default export is ${what}, not an architecture; export defineArchitecture({ … })`,
      { file, line: 1, column: 1 },
      ExitCode.usage,
    );
  }
  const t1 = performance.now();
  const { model, issues } = normalize(v);
  performance.measure('aksnet:normalize', { start: t1, detail: { design: file } });
  return { path: loaded.file, file, model, issues, inputs: loaded.inputs, value: v, sites: loaded.sites };
}
