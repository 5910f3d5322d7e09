/** `aksnet validate`: findings in the chosen format, exit code from the threshold. */
import type { FileResult } from '../../validate/finding.js';
import { validateFiles, type ValidatedFile } from '../../validate/run-files.js';
import { loadRules } from '../../validate/registry.js';
import { count } from '../../validate/format/summary.js';
import type { FormatContext } from '../../validate/format/formatter.js';
import { FORMATTERS, type FormatName } from '../../validate/format/registry.js';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { expandFiles } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../../shared/io.js';

export interface ValidateCliOptions {
  format: FormatName;
  output?: string;
  asOf?: string;
  config?: string | boolean;
  maxWarnings?: string;
  failOn: 'error' | 'warning' | 'info' | 'none';
}

export async function validateCommand(args: string[], opts: ValidateCliOptions): Promise<ExitCode> {
  if (opts.asOf !== undefined && !isDate(opts.asOf)) {
    throw new AksnetError(`--as-of must be a date YYYY-MM-DD, got "${opts.asOf}"`);
  }
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new AksnetError(`--max-warnings must be a whole number, got "${opts.maxWarnings}"`);
  }
  const files = await expandFiles(args);
  const config = opts.config === false ? false : typeof opts.config === 'string' ? opts.config : undefined;
  const validated = await validateFiles(files, { asOf: opts.asOf, config });
  const results = validated.map((v) => v.result);
  await warnUnknownRules(validated);
  const text = await render(results, opts.format, !opts.output && useColor(process.stdout));
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
  return exitCode(results, opts.failOn, maxWarnings);
}

/** A real calendar date written YYYY-MM-DD. */
function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A misspelt rule id in a setting or an acceptance silently does nothing; say so on stderr. */
async function warnUnknownRules(validated: ValidatedFile[]): Promise<void> {
  const known = new Set((await loadRules()).map((r) => r.meta.id));
  const seen = new Set<string>();
  const check = (where: string, ids: Iterable<string>): void => {
    for (const id of ids) {
      const key = `${where}|${id}`;
      if (known.has(id) || seen.has(key)) continue;
      seen.add(key);
      process.stderr.write(`aksnet: warning: ${where}: unknown rule "${id}" (see \`aksnet rules\`)\n`);
    }
  };
  for (const v of validated) {
    if (v.config) check('config file', [...Object.keys(v.config.rules ?? {}), ...(v.config.acceptedRisks ?? []).map((r) => r.rule)]);
    const own = v.arch.model.review;
    check(`${v.arch.file} review`, [...Object.keys(own.rules ?? {}), ...(own.acceptedRisks ?? []).map((r) => r.rule)]);
  }
}

async function render(results: FileResult[], format: FormatName, color: boolean): Promise<string> {
  const context: FormatContext = { rules: (await loadRules()).map((r) => r.meta), colors: colors(color), cwd: process.cwd() };
  return FORMATTERS[format](results, context);
}

/** 1 when an open finding is at or over the threshold, or warnings exceed --max-warnings. */
export function exitCode(results: FileResult[], failOn: ValidateCliOptions['failOn'], maxWarnings?: number): ExitCode {
  const n = count(results);
  const over =
    failOn === 'none' ? false : failOn === 'error' ? n.error > 0 : failOn === 'warning' ? n.error + n.warning > 0 : n.error + n.warning + n.info > 0;
  if (over) return ExitCode.findings;
  if (maxWarnings !== undefined && n.warning > maxWarnings) return ExitCode.findings;
  return ExitCode.ok;
}
