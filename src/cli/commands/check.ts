/** `aksnet check`: TypeScript diagnostics for architecture files. */
import { expandFiles } from '../files.js';
import { ExitCode } from '../../shared/errors.js';
import { formatDiagnostic, typecheck } from '../../load/typecheck.js';

export async function checkCommand(args: string[]): Promise<ExitCode> {
  const files = await expandFiles(args);
  const ts = files.filter((f) => /\.m?ts$/.test(f));
  const diags = ts.length ? await typecheck(ts) : [];
  for (const d of diags) process.stdout.write(formatDiagnostic(d) + '\n');
  const errors = diags.filter((d) => d.category === 'error').length;
  process.stderr.write(errors ? `${errors} type error${errors === 1 ? '' : 's'} in ${ts.length} file${ts.length === 1 ? '' : 's'}\n` : `no type errors in ${ts.length} file${ts.length === 1 ? '' : 's'}\n`);
  return errors ? ExitCode.usage : ExitCode.ok;
}
