/** `aksnet model`: the normalized model as canonical JSON, or where each of its facts comes from. */
import { loadArchitecture } from '../../load/load-architecture.js';
import type { Model } from '../../model/types.js';
import type { NormalizeIssue } from '../../normalize/reader.js';
import { writeFileAtomic } from '../../shared/io.js';
import { ExitCode } from '../../shared/errors.js';
import { terminalSafe } from '../../shared/text-safety.js';

export async function modelCommand(file: string, opts: { output?: string; facts?: boolean }): Promise<ExitCode> {
  const arch = await loadArchitecture(file);
  const text = opts.facts ? factsText(arch.model, arch.issues) : JSON.stringify(arch.model, null, 2) + '\n';
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
  for (const i of arch.issues) process.stderr.write(terminalSafe(`${arch.file}: ${i.ruleId}: ${i.path}: ${i.message}`) + '\n');
  return ExitCode.ok;
}

/**
 * The origin of every fact that is not stated: platform defaults with their source, aksnet's
 * inferences, and unknown facts (which rules report as unverified checks). Every other field of the
 * model is stated in the design as written.
 */
export function factsText(model: Model, issues: readonly NormalizeIssue[] = []): string {
  const lines: string[] = [
    `${model.metadata.title}: where the facts come from`,
    'Every field not listed here is stated in the design.',
    '',
  ];
  // A field stated with a value of the wrong shape holds a stand-in in the model (see Fields.reqOneOf): not a fact.
  const invalid = issues.filter((i) => i.standIn).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (invalid.length > 0) {
    lines.push(`invalid (${invalid.length}): stated with a value of the wrong shape; the model holds a stand-in and checks on the element do not run`);
    for (const i of invalid) lines.push(terminalSafe(`  ${i.path}  (${i.message})`));
    lines.push('');
  }
  const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const platform = model.defaults.filter((d) => !d.inferred).sort(byPath);
  const inferred = model.defaults.filter((d) => d.inferred).sort(byPath);
  const unknown = [...model.unknown].sort(byPath);
  lines.push(`defaulted (${platform.length}): documented platform defaults`);
  for (const d of platform) lines.push(`  ${d.path} = ${String(d.value)}  (${d.reason}; ${d.source ?? 'no source'})`);
  lines.push('', `inferred (${inferred.length}): derived by aksnet from other facts`);
  for (const d of inferred) lines.push(`  ${d.path} = ${String(d.value)}  (${d.reason})`);
  lines.push('', `unknown (${unknown.length}): not stated and no platform default; checks that need them cannot run`);
  for (const u of unknown)
    lines.push(`  ${u.path}  (${u.fact}${u.formerly ? `; aksnet used to assume ${u.formerly}` : ''})`);
  return lines.join('\n') + '\n';
}
