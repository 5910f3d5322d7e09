/** `aksnet import`: writes a design file from Azure's JSON, and says what it could not import. */
import { existsSync } from 'node:fs';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { designSource, importAzure } from '../../import/import.js';
import { writeFileAtomic } from '../../shared/io.js';

export interface ImportCliOptions {
  output?: string;
  title?: string;
  force?: boolean;
}

export function importCommand(input: string, opts: ImportCliOptions): number {
  if (opts.output && existsSync(opts.output) && !opts.force) {
    throw new AksnetError(`${opts.output} exists; pass --force to overwrite it`, undefined, ExitCode.usage);
  }
  const design = importAzure(input, { ...(opts.title ? { title: opts.title } : {}) });
  const text = designSource(design);
  if (opts.output) {
    try {
      writeFileAtomic(opts.output, text);
    } catch (e) {
      // writeFileAtomic's own errors already say "cannot write <path>: <reason>".
      if (e instanceof AksnetError) throw e;
      throw new AksnetError(`cannot write ${opts.output}: ${(e as Error).message}`, undefined, ExitCode.output);
    }
  } else process.stdout.write(text);
  const parts = design.decls.length;
  const summary = [`aksnet import: ${parts} parts from ${design.files.length} file(s) (${design.styles.join(', ')})`];
  if (design.unknown.length > 0) {
    const types = [...new Set(design.unknown.map((u) => u.type))].sort();
    summary.push(
      `  not imported, ${design.unknown.length} resource(s) of types aksnet does not model: ${types.join(', ')}`,
    );
  }
  for (const u of design.unmapped) summary.push(`  not imported: ${u.property} of ${u.id}: ${u.reason}`);
  for (const t of design.todos) summary.push(`  to finish: ${t}`);
  process.stderr.write(summary.join('\n') + '\n');
  return ExitCode.ok;
}
