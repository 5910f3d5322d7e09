/**
 * Finds and loads `aksnet.config.{ts,mts,js,mjs}`: an explicit path, or the nearest one found by
 * walking up from a directory (the way ESLint finds its flat config).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AksnetConfig } from '../../dsl/types.js';
import { AksnetError, ExitCode } from './errors.js';
import { displayPath, loadModule } from './load-module.js';
import { isRecord } from '../normalize/reader.js';
import { isCalendarDate } from '../shared/date.js';

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
  const problem = checkConfig(value);
  if (problem) throw new AksnetError(`invalid config file: ${problem}`, { file, line: 1, column: 1 }, ExitCode.usage);
  return { path, config: { ...(value as Omit<AksnetConfig, 'kind'>), kind: 'config' } };
}

const SETTINGS = ['off', 'error', 'warning', 'info'];
/** A real calendar date: 2026-02-30 has the right shape but is no day (h15). */
const DATE = { test: isCalendarDate };

/** The first problem with a config value's review fields, if any (a `.js` config is not type-checked). */
function checkConfig(v: Record<string, unknown>): string | undefined {
  if (v.rules !== undefined) {
    if (!isRecord(v.rules)) return '"rules" must be an object of rule id to "off", "error", "warning" or "info"';
    for (const [id, s] of Object.entries(v.rules)) {
      if (typeof s !== 'string' || !SETTINGS.includes(s)) return `rules["${id}"] must be one of ${SETTINGS.map((x) => `"${x}"`).join(', ')}, got ${JSON.stringify(s)}`;
    }
  }
  if (v.asOf !== undefined && (typeof v.asOf !== 'string' || !DATE.test(v.asOf))) return `"asOf" must be a date YYYY-MM-DD, got ${JSON.stringify(v.asOf)}`;
  if (v.acceptedRisks !== undefined) {
    if (!Array.isArray(v.acceptedRisks)) return '"acceptedRisks" must be an array';
    for (const [i, r] of v.acceptedRisks.entries()) {
      if (!isRecord(r)) return `acceptedRisks[${i}] must be an object`;
      for (const key of ['rule', 'justification', 'owner', 'expires']) {
        if (typeof r[key] !== 'string' || r[key] === '') return `acceptedRisks[${i}].${key} is required`;
      }
      if (r.element !== undefined && typeof r.element !== 'string') return `acceptedRisks[${i}].element must be a string`;
      if (!DATE.test(r.expires as string)) return `acceptedRisks[${i}].expires must be a date YYYY-MM-DD, got "${String(r.expires)}"`;
    }
  }
  return undefined;
}
