/** `aksnet drift`: the reviewed design against an Azure export, as findings in every validate format. */
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { today } from '../../shared/date.js';
import { driftRun } from '../../drift/run.js';
import type { FileResult } from '../../validate/finding.js';
import { FORMATTERS, type FormatName } from '../../validate/format/registry.js';
import type { FormatContext } from '../../validate/format/formatter.js';
import { loadRules } from '../../validate/registry.js';
import { colors, useColor, writeFileAtomic } from '../../shared/io.js';
import { exitCode } from './validate.js';

export interface DriftCliOptions {
  from: string;
  format: FormatName;
  output?: string;
  failOn: 'error' | 'warning' | 'info' | 'none';
}

export async function driftCommand(file: string, opts: DriftCliOptions): Promise<ExitCode> {
  // The as-of date only labels the result (drift has no dated rules); SOURCE_DATE_EPOCH pins it.
  const { result, notCompared } = await driftRun(file, opts.from, today());
  if (notCompared.length > 0) {
    process.stderr.write(`aksnet drift: not compared (types aksnet does not model): ${notCompared.join(', ')}\n`);
  }
  const text = await render([result], opts.format, !opts.output && useColor(process.stdout));
  if (opts.output) {
    try {
      writeFileAtomic(opts.output, text);
    } catch (e) {
      // writeFileAtomic's own errors already say "cannot write <path>: <reason>".
      if (e instanceof AksnetError) throw e;
      throw new AksnetError(`cannot write ${opts.output}: ${(e as Error).message}`, undefined, ExitCode.output);
    }
  } else process.stdout.write(text);
  return exitCode([result], opts.failOn);
}

async function render(results: FileResult[], format: FormatName, color: boolean): Promise<string> {
  const context: FormatContext = { rules: (await loadRules()).map((r) => r.meta), colors: colors(color), cwd: process.cwd() };
  return FORMATTERS[format](results, context);
}
