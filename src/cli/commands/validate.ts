/** `aksnet validate`: findings in the chosen format, exit code from the threshold. */
import type { FileResult } from '../../validate/finding.js';
import { validateFiles, type ValidatedFile } from '../../validate/run-files.js';
import { loadRules } from '../../validate/registry.js';
import { count } from '../../validate/format/summary.js';
import { AksnetError, ExitCode } from '../../load/errors.js';
import { expandFiles } from '../files.js';
import { isCalendarDate } from '../../shared/date.js';
import { colors, useColor, writeFileAtomic } from '../io.js';

export interface ValidateCliOptions {
  format: 'text' | 'json' | 'sarif' | 'github' | 'markdown';
  output?: string;
  asOf?: string;
  config?: string | boolean;
  maxWarnings?: string;
  failOn: 'error' | 'warning' | 'info' | 'none';
}

export async function validateCommand(args: string[], opts: ValidateCliOptions): Promise<number> {
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) {
    throw new AksnetError(`--as-of must be a date YYYY-MM-DD, got "${opts.asOf}"`);
  }
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    // Digits only: Number('') is 0 and Number('0x10') is 16.
    maxWarnings = /^\d{1,9}$/.test(opts.maxWarnings) ? Number(opts.maxWarnings) : NaN;
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

async function render(results: FileResult[], format: ValidateCliOptions['format'], color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../validate/format/json.js')).formatJson(results);
    case 'text':
      return (await import('../../validate/format/text.js')).formatText(results, colors(color));
    default: {
      // sarif, github and markdown formatters live in their own modules.
      const mod = (await import(`../../validate/format/${format}.js`).catch(() => undefined)) as
        | Record<string, (r: FileResult[]) => Promise<string> | string>
        | undefined;
      // Prefer the conventional `format<Name>` export; module namespaces list exports alphabetically,
      // so "the first function" could otherwise be a helper such as an escaping function.
      const named = mod?.[`format${format[0]!.toUpperCase()}${format.slice(1)}`];
      const fn = typeof named === 'function' ? named : mod && Object.values(mod).find((v) => typeof v === 'function');
      if (!fn) throw new AksnetError(`output format "${format}" is not available in this build`, undefined, ExitCode.usage);
      return fn(results);
    }
  }
}

/** 1 when an open finding is at or over the threshold, or warnings exceed --max-warnings. */
export function exitCode(results: FileResult[], failOn: ValidateCliOptions['failOn'], maxWarnings?: number): number {
  const n = count(results);
  const over =
    failOn === 'none' ? false : failOn === 'error' ? n.error > 0 : failOn === 'warning' ? n.error + n.warning > 0 : n.error + n.warning + n.info > 0;
  if (over) return ExitCode.findings;
  if (maxWarnings !== undefined && n.warning > maxWarnings) return ExitCode.findings;
  return ExitCode.ok;
}
