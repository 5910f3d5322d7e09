/** `aksnet validate`: findings in the chosen format, exit code from the worst result. */
import { writeError } from '../error-output.js';
import { dirname } from 'node:path';
import type { FileResult } from '../../validate/finding.js';
import { outcomeResults, skipNote, validateOutcomes, type ValidatedFile } from '../../validate/run-files.js';
import { loadRules } from '../../validate/registry.js';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { findingsExitCode, renderFindings, renderFindingsFile, summaryLine, type FailOn, type FindingsFormat } from '../../workflow/findings.js';
import { commandInputs } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../../shared/io.js';
import { checkAsOf } from '../../shared/date.js';

export interface ValidateCliOptions {
  format: FindingsFormat;
  output?: string;
  asOf?: string;
  config?: string | boolean;
  maxWarnings?: string;
  failOn: FailOn;
  watch?: boolean;
  omitSuppressed?: boolean;
  shard?: string;
  compact?: boolean;
}

export async function validateCommand(args: string[], opts: ValidateCliOptions): Promise<ExitCode> {
  checkAsOf(opts.asOf);
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    // Digits only: Number('') is 0 and Number('0x10') is 16.
    maxWarnings = /^\d{1,9}$/.test(opts.maxWarnings) ? Number(opts.maxWarnings) : NaN;
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new AksnetError(`--max-warnings must be a whole number, got "${opts.maxWarnings}"`);
  }
  if (!opts.watch) return (await validateOnce(args, opts, maxWarnings)).code;
  const { watchLoop, watchRoots } = await import('../../workflow/watch.js');
  // Without arguments the config's inputs are validated: watch the config's folder.
  const { findConfig } = await import('../../load/config.js');
  const configFile = typeof opts.config === 'string' ? opts.config : findConfig(process.cwd());
  const roots = args.length > 0 ? await watchRoots(args) : [configFile ? dirname(configFile) : process.cwd()];
  return watchLoop({
    roots,
    run: async () => {
      const r = await validateOnce(args, opts, maxWarnings);
      return { inputs: r.inputs, summary: `aksnet validate: ${r.summary}` };
    },
  });
}

async function validateOnce(args: string[], opts: ValidateCliOptions, maxWarnings: number | undefined) {
  const config = opts.config === false ? false : typeof opts.config === 'string' ? opts.config : undefined;
  const expanded = await commandInputs(args, config);
  let files = expanded.files;
  if (opts.shard !== undefined) {
    // The same deterministic split as `build --shard`: by output name below the input root.
    const { parseShard, selectShard } = await import('../../workflow/shard.js');
    const { designStems } = await import('../../workflow/output-names.js');
    const stems = designStems(files, expanded.root);
    const mine = selectShard([...stems.values()], parseShard(opts.shard));
    files = files.filter((f) => mine.has(stems.get(f)!));
    if (files.length === 0) process.stderr.write(`note: shard ${opts.shard} has no designs\n`);
  }
  const outcomes = await validateOutcomes(files, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(config !== undefined ? { config } : {}) });
  const skipped = outcomes.filter((o) => o.kind === 'skipped');
  for (const o of skipped) process.stderr.write(skipNote(o) + '\n');
  // Load errors also go to stderr in the documented one-line form, whatever the report format.
  for (const o of outcomes) if (o.kind === 'failed') writeError(o.error);
  if (outcomes.length > 0 && skipped.length === outcomes.length) {
    throw new AksnetError(`no designs among the inputs: ${skipped.length === 1 ? 'the file is' : `all ${skipped.length} files are`} helper modules`, undefined, ExitCode.usage);
  }
  const validated = outcomes.flatMap((o) => (o.kind === 'validated' ? [o.validated] : []));
  const all = outcomeResults(outcomes);
  const results = opts.omitSuppressed ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.status !== 'suppressed') })) : all;
  await warnUnknownRules(validated);
  const color = !opts.output && useColor(process.stdout);
  const context = { colors: colors(color), ...(opts.compact ? { compact: true } : {}) };
  if (opts.output) writeFileAtomic(opts.output, await renderFindingsFile(results, opts.format, context));
  else process.stdout.write(await renderFindings(results, opts.format, context));
  const inputs = [...files, ...validated.flatMap((v) => v.arch.inputs)];
  return { code: exitCode(results, opts.failOn, maxWarnings), inputs, summary: summaryLine(results, skipped.length) };
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

/** 2 when a design failed to load; 1 when an open finding is at or over the threshold, or warnings exceed --max-warnings. */
export function exitCode(results: FileResult[], failOn: FailOn, maxWarnings?: number): ExitCode {
  return findingsExitCode(results, failOn, maxWarnings);
}
