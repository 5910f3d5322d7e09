/** `aksnet model`: the normalized model as canonical JSON. */
import { loadArchitecture } from '../../load/load-architecture.js';
import { writeFileAtomic } from '../io.js';
import { ExitCode } from '../../load/errors.js';
import { terminalSafe } from '../../shared/text-safety.js';

export async function modelCommand(file: string, opts: { output?: string }): Promise<number> {
  const arch = await loadArchitecture(file);
  const text = JSON.stringify(arch.model, null, 2) + '\n';
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
  for (const i of arch.issues) process.stderr.write(terminalSafe(`${arch.file}: ${i.ruleId}: ${i.path}: ${i.message}`) + '\n');
  return ExitCode.ok;
}
