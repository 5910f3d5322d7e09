/** `aksnet diagram`: SVG views per architecture file, optionally re-rendered on save. */
import { join } from 'node:path';
import { AksnetError, ExitCode } from '../../load/errors.js';
import { loadArchitecture, NotAnArchitectureError } from '../../load/load-architecture.js';
import { displayPath } from '../../load/load-module.js';
import type { Finding } from '../../validate/finding.js';
import { VIEWS, renderDiagrams, type ViewName } from '../../diagram/index.js';
import { designStems } from '../../workflow/output-names.js';
import { expandInputs } from '../files.js';
import { colors, useColor, writeFileAtomic } from '../io.js';

export interface DiagramCliOptions {
  view: ViewName | 'all';
  output: string;
  findings?: boolean;
  iconPack?: string;
  watch?: boolean;
}

type Outcome = { kind: 'drawn'; written: string[]; inputs: string[] } | { kind: 'skipped'; reason: string } | { kind: 'failed'; error: AksnetError };

async function renderFile(file: string, stem: string, opts: DiagramCliOptions): Promise<Outcome> {
  let model;
  let inputs: string[];
  let findings: Finding[] | undefined;
  try {
    if (opts.findings) {
      const { validateFile } = await import('../../validate/run-files.js');
      const v = await validateFile(file);
      model = v.arch.model;
      inputs = v.arch.inputs;
      findings = v.result.findings;
    } else {
      const arch = await loadArchitecture(file);
      model = arch.model;
      inputs = arch.inputs;
    }
  } catch (e) {
    if (e instanceof NotAnArchitectureError) return { kind: 'skipped', reason: e.message };
    if (e instanceof AksnetError) return { kind: 'failed', error: e };
    throw e;
  }
  const views = opts.view === 'all' ? [...VIEWS] : [opts.view];
  const diagrams = await renderDiagrams(model, { views, ...(findings ? { findings } : {}), ...(opts.iconPack ? { iconPack: opts.iconPack } : {}) });
  const written: string[] = [];
  for (const d of diagrams) {
    const out = join(opts.output, `${stem}.${d.view}.svg`);
    writeFileAtomic(out, d.svg);
    written.push(out);
  }
  return { kind: 'drawn', written, inputs };
}

/** One pass over every input: a file that fails to load is reported and the others are still drawn. */
async function drawAll(args: string[], opts: DiagramCliOptions) {
  const { files, root } = await expandInputs(args);
  const stems = designStems(files, root);
  const c = colors(useColor(process.stderr));
  let drawn = 0;
  let skipped = 0;
  let failed = 0;
  const inputs: string[] = [...files];
  for (const f of files) {
    const r = await renderFile(f, stems.get(f)!, opts);
    if (r.kind === 'skipped') {
      skipped++;
      process.stderr.write(`note: skipped ${displayPath(f)}: not a design (${r.reason.replace(/;.*$/, '')})\n`);
    } else if (r.kind === 'failed') {
      failed++;
      process.stderr.write(r.error.format() + '\n');
    } else {
      drawn++;
      inputs.push(...r.inputs);
      if (r.written.length === 0) process.stderr.write(`${c.yellow('no diagrams')} for ${displayPath(f)}: nothing to show in the requested view\n`);
      for (const w of r.written) process.stdout.write(`${w}\n`);
    }
  }
  if (drawn + failed === 0) throw new AksnetError('no designs among the inputs: every file is a helper module', undefined, ExitCode.usage);
  const parts = [`${drawn} design${drawn === 1 ? '' : 's'} drawn`];
  if (failed) parts.push(`${failed} failed to load`);
  if (skipped) parts.push(`${skipped} skipped`);
  return { code: failed ? ExitCode.usage : ExitCode.ok, inputs, summary: `aksnet diagram: ${parts.join(', ')}` };
}

export async function diagramCommand(args: string[], opts: DiagramCliOptions): Promise<number> {
  if (!opts.watch) return (await drawAll(args, opts)).code;
  const { watchLoop, watchRoots } = await import('../../workflow/watch.js');
  return watchLoop({ roots: await watchRoots(args), run: () => drawAll(args, opts) });
}
