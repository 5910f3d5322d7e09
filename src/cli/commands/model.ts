/** `aksnet model`: the normalized model as canonical JSON. */
import { loadArchitecture } from '../../load/load-architecture.js';
import { writeFileAtomic } from '../../shared/io.js';
import { ExitCode } from '../../shared/errors.js';

export async function modelCommand(file: string, opts: { output?: string }): Promise<ExitCode> {
  const arch = await loadArchitecture(file);
  const text = JSON.stringify(arch.model, null, 2) + '\n';
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
  for (const i of arch.issues) process.stderr.write(`${arch.file}: ${i.ruleId}: ${i.path}: ${i.message}\n`);
  return ExitCode.ok;
}
