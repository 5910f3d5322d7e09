/**
 * Finds and loads `aksnet.config.{ts,mts,js,mjs}`: an explicit path, or the nearest one found by
 * walking up from a directory (the way ESLint finds its flat config).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AksnetConfig } from '../../dsl/types.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { displayPath, loadModule } from './load-module.js';
import { isRecord } from '../shared/is-record.js';
import { readReviewConfig } from '../normalize/document.js';
import { checkConfigValue } from './config-schema.js';

export const CONFIG_FILES = ['aksnet.config.ts', 'aksnet.config.mts', 'aksnet.config.js', 'aksnet.config.mjs'];

/** The nearest config file at or above `dir`, if any. */
export function findConfig(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const p = join(cur, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

export interface LoadedConfig {
  path: string;
  config: AksnetConfig;
}

/** Loads a config file; its default export must come from `defineConfig` or be a plain object. */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  const { value } = await loadModule(path);
  if (!isRecord(value) || (value.kind !== undefined && value.kind !== 'config')) {
    throw new AksnetError('the config file must default-export defineConfig({ … })', { file: displayPath(path), line: 1, column: 1 }, ExitCode.usage);
  }
  const file = displayPath(path);
  const problems = checkConfigValue(value);
  if (problems.length > 0) {
    const { PositionMap } = await import('./positions.js');
    const positions = await PositionMap.forFile(path);
    const first = problems[0]!;
    const at = first.path ? positions.locate(first.path) : { line: 1, column: 1 };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1, 4).map((p) => p.message).join('; ')})` : '';
    throw new AksnetError(`invalid config file: ${first.message}${more}`, { file, line: at.line, column: at.column }, ExitCode.usage);
  }
  // The review settings (rules, asOf, acceptedRisks) are read by the same reader as a design's `review`.
  const problem = readReviewConfig(value).issues[0];
  if (problem) {
    const message = `invalid config file: ${problem.path}: ${problem.message}`;
    throw new AksnetError(message, { file, line: 1, column: 1 }, ExitCode.usage);
  }
  return { path, config: { ...(value as Omit<AksnetConfig, 'kind'>), kind: 'config' } };
}
