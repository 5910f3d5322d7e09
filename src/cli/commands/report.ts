/** `aksnet report`: builds the review pack and writes each requested output. */
import { writeError } from '../error-output.js';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { REPORT_FORMATS, resolveOutputs, writeReport, type ReportFormat } from '../../report/pack.js';
import { commandInputs } from '../files.js';
import { checkAsOf } from '../../shared/date.js';

export interface ReportCliOptions {
  output: string[];
  format?: ReportFormat;
  title?: string;
  asOf?: string;
  paper: 'a4' | 'letter';
  templates?: string;
  config?: string | boolean;
  watch?: boolean;
}

export async function reportCommand(args: string[], opts: ReportCliOptions): Promise<ExitCode> {
  // A pack lays out every view of every design: a design drawn before (the same layout input) is laid out
  // from the cache folder, not by ELK again (src/layout/cache.ts).
  const cache = await import('../../layout/cache.js');
  cache.useLayoutCache(cache.defaultLayoutCacheDir());
  // A design drawn before, unchanged and by the same aksnet, is not drawn again: its pictures are read
  // (src/diagram/drawing-cache.ts).
  const drawings = await import('../../diagram/drawing-cache.js');
  drawings.useDrawingCache(drawings.defaultDrawingCacheDir());
  // Designs are drawn concurrently (report/pack.ts): layouts go to whichever of the two ELKs is free (the layout
  // pool, layout-thread.ts), and a layout asked for twice is laid out once (watch mode keeps a memory of its own).
  if (!opts.watch) cache.useLayoutMemory(256);
  try {
    if (!opts.watch) return (await reportOnce(args, opts)).code;
    const { watchLoop, watchRoots } = await import('../../workflow/watch.js');
    return await watchLoop({
      roots: await watchRoots(args),
      run: async () => {
        const r = await reportOnce(args, opts);
        return { inputs: [], summary: `aksnet report: ${r.summary}` };
      },
    });
  } finally {
    cache.useLayoutCache(undefined);
    drawings.useDrawingCache(undefined);
    if (!opts.watch) cache.useLayoutMemory(0);
  }
}

async function reportOnce(args: string[], opts: ReportCliOptions): Promise<{ code: ExitCode; summary: string }> {
  checkAsOf(opts.asOf);
  if (opts.format && !REPORT_FORMATS.includes(opts.format)) throw new AksnetError(`unknown format "${opts.format}"`);
  const config = opts.config === false ? false : typeof opts.config === 'string' ? opts.config : undefined;
  const { files } = await commandInputs(args, config);
  const outputs = resolveOutputs(opts.output ?? [], opts.format);
  const tty = Boolean(process.stderr.isTTY) && files.length > 1;
  let last = '';
  const progress = tty
    ? (step: string, done: number, total: number) => {
        const line = `aksnet report [${done}/${total}] ${step}`;
        process.stderr.write(`\r${line.padEnd(Math.max(last.length, line.length))}`);
        last = line;
      }
    : undefined;
  // A pack lays out every view of every design it draws: the flow views' second candidates go to a second ELK
  // thread, started by the first design that is not in the drawing cache (pack-views.ts).
  (await import('../../layout/layout-thread.js')).useLayoutThread(true);
  try {
    const res = await writeReport({
      files,
      outputs,
      paper: opts.paper ?? 'a4',
      ...(opts.title ? { title: opts.title } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      ...(opts.templates ? { templates: opts.templates } : {}),
      ...(config !== undefined ? { config } : {}),
      ...(progress ? { progress } : {}),
    });
    if (tty) process.stderr.write(`\r${' '.repeat(last.length)}\r`);
    for (const w of res.warnings) process.stderr.write(`warning: ${w}\n`);
    for (const w of res.written) process.stderr.write(`wrote ${w}\n`);
    for (const e of res.loadErrors) writeError(e);
    for (const f of res.failed) process.stderr.write(`${f.error.format()}\nnot written: ${f.path}\n`);
    const n = res.vm.summary.counts;
    const designs = res.vm.architectures.length;
    const summary =
      `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info` +
      `${n.suppressed ? `, ${n.suppressed} suppressed` : ''} (${designs} design${designs === 1 ? '' : 's'} in the pack` +
      `${res.loadErrors.length ? `, ${res.loadErrors.length} failed to load` : ''})`;
    if (res.pdfError) {
      process.stderr.write(res.pdfError.format() + '\n');
      for (const o of outputs.filter((x) => x.format === 'pdf')) process.stderr.write(`not written: ${o.path}\n`);
    }
    // A refused output (it is an input) is a usage error; anything else that was not written is an output error.
    if (res.failed.some((f) => f.error.exitCode === ExitCode.usage)) return { code: ExitCode.usage, summary };
    if (res.pdfError || res.failed.length > 0) return { code: ExitCode.output, summary };
    return { code: res.loadErrors.length ? ExitCode.usage : ExitCode.ok, summary };
  } catch (e) {
    if (tty) process.stderr.write('\n');
    throw e;
  }
}
