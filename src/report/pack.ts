/**
 * The report pipeline: validate each architecture, render its diagrams, build the view-model,
 * then write every requested output (HTML, Markdown, JSON, CSV first; PDF last, so a missing
 * browser never costs the other formats).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { AksnetConfig } from '../../dsl/types.js';
import { writeFileAtomic as writeAtomic } from '../shared/io.js';
import { version as aksnetVersion } from '../shared/version.js';
import { findConfig, loadConfig } from '../load/config.js';
import { AksnetError, ExitCode } from '../shared/errors.js';
import { loadRules } from '../validate/registry.js';
import { ConfigCache, skipNote, validateOutcome } from '../validate/run-files.js';
import { LoadSession } from '../load/load-module.js';
import { findBrowser } from './browser.js';
import { renderCsv } from './csv.js';
import { diagramsFor } from './diagrams.js';
import { renderHtml, sanitizeSvg, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { htmlToPdf, launch, openPrintPage, type Paper, type PdfSession, type PrintPage } from './pdf.js';
import { printHtmlBeforeLaunch, type EarlyPrintHtml } from './print-html.js';
import type { ReportViewModel } from './types.js';
import { buildViewModel, withBrowser, type ReportInput } from './view-model.js';

export type ReportFormat = 'pdf' | 'html' | 'md' | 'json' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html', 'md', 'json', 'csv'];

const EXT: Record<string, ReportFormat> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.json': 'json', '.csv': 'csv' };

export interface OutputTarget {
  format: ReportFormat;
  /** File path; for md, the Markdown file (SVGs go to `diagrams/` beside it). */
  path: string;
}

/** Resolves `-o` values (and an optional forced format) to output targets. */
export function resolveOutputs(outputs: readonly string[], forced?: ReportFormat): OutputTarget[] {
  if (outputs.length === 0) outputs = [forced ? `review-pack.${forced === 'md' ? 'md' : forced}` : 'review-pack.pdf'];
  if (forced && outputs.length > 1) throw new AksnetError('--format applies to a single output; with several -o values the format comes from each extension', undefined, ExitCode.usage);
  return outputs.map((o) => {
    const isDir = /[\\/]$/.test(o) || (existsSync(o) && statSync(o).isDirectory());
    if (isDir) {
      if (forced && forced !== 'md') throw new AksnetError(`a directory output (${o}) is written as Markdown; --format ${forced} needs a file name`, undefined, ExitCode.usage);
      return { format: 'md' as const, path: join(o, 'pack.md') };
    }
    const fromExt = EXT[extname(o).toLowerCase()];
    const format = forced ?? fromExt;
    if (!format) throw new AksnetError(`cannot tell the format of "${o}" from its extension; use .pdf, .html, .md, .json, .csv, a directory/ or --format`, undefined, ExitCode.usage);
    return { format, path: o };
  });
}

export interface ReportOptions {
  files: string[];
  outputs: OutputTarget[];
  title?: string;
  asOf?: string;
  paper?: Paper;
  /** User template directory (wins over `templates` in aksnet.config). */
  templates?: string;
  /** Explicit config file, or false to ignore config files. */
  config?: string | false;
  /** Progress callback (the CLI draws it on a TTY). */
  progress?: (step: string, done: number, total: number) => void;
  /** Where output bytes go (default: written atomically); `aksnet build --check` collects them instead. */
  write?: (path: string, data: string | Uint8Array) => void;
}

export interface FailedOutput {
  path: string;
  error: AksnetError;
}

export interface ReportResult {
  vm: ReportViewModel;
  written: string[];
  /** Requests the browser blocked while printing (should be empty). */
  blockedRequests: string[];
  /** Problems that did not stop the pack (e.g. a diagram that could not be drawn). */
  warnings: string[];
  /** Outputs that could not be written (the others were), with the reason. */
  failed: FailedOutput[];
  /** The PDF error, when PDF output failed but the other outputs were written. */
  pdfError?: AksnetError;
  /** Designs that failed to load (left out of the pack; the other designs are still in it). */
  loadErrors: AksnetError[];
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function packConfig(files: string[], explicit: string | false | undefined): Promise<{ config?: AksnetConfig; dir?: string }> {
  if (explicit === false || files.length === 0) return {};
  const path = explicit ? resolve(explicit) : findConfig(dirname(resolve(files[0]!)));
  if (!path) return {};
  const { config } = await loadConfig(path);
  return { config, dir: dirname(path) };
}

/**
 * How many designs are drawn at once. Drawing is mostly ELK: with a layout runner that spreads layouts over
 * two threads (layout-pool.ts) a second design keeps the second core busy, and the next design is validated
 * meanwhile. A bound, so a large pack never holds every design's drawings in flight together.
 */
const DRAWING_AT_ONCE = 3;

/** One input file's share of the pack, kept in file order whatever order the drawings finish in. */
type Slot = { input?: ReportInput; warning?: string; loadError?: AksnetError } | { thrown: unknown };

/** Validates and draws every architecture; the inputs of the view-model. */
export async function prepareInputs(
  opts: Pick<ReportOptions, 'files' | 'asOf' | 'config' | 'progress' | 'paper'> & {
    /** Designs drawn at once (default DRAWING_AT_ONCE; 1 draws one after the other). */
    drawingAtOnce?: number;
  },
  iconPack?: string,
  warnings: string[] = [],
  loadErrors: AksnetError[] = [],
): Promise<ReportInput[]> {
  const configs = new ConfigCache();
  const slots: Array<Promise<Slot>> = [];
  let i = 0;
  // One esbuild build and one evaluation worker for all the designs (see LoadSession).
  const session = opts.files.length > 1 ? new LoadSession() : undefined;
  session?.prepare(opts.files);
  try {
    for (const file of opts.files) {
      opts.progress?.(`validating ${basename(file)}`, i, opts.files.length);
      const o = await validateOutcome(file, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.config !== undefined ? { config: opts.config } : {}) }, configs, session);
      i++;
      if (o.kind !== 'validated') {
        // A helper module is not a design; a design that fails to load is reported, the others still make the pack.
        slots.push(Promise.resolve(o.kind === 'skipped' ? { warning: skipNote(o).replace(/^note: /, '') } : { loadError: o.error }));
        continue;
      }
      const v = o.validated;
      opts.progress?.(`drawing ${basename(file)}`, i - 1, opts.files.length);
      const input: ReportInput = { model: v.arch.model, file: v.arch.file, result: v.result, sha256: sha256(v.arch.path), diagrams: [] };
      // Drawn while the next designs are validated and drawn; never rejects (a throw is kept for its turn).
      const drawn = diagramsFor(v.arch.model, v.result.findings, iconPack ?? v.config?.iconPack, opts.paper).then(
        (d): Slot => {
          input.diagrams = d.diagrams;
          if (d.note) input.diagramNote = d.note;
          return d.failed ? { input, warning: `${v.arch.file}: ${d.note}` } : { input };
        },
        (thrown: unknown): Slot => ({ thrown }),
      );
      slots.push(drawn);
      const atOnce = Math.max(1, opts.drawingAtOnce ?? DRAWING_AT_ONCE);
      if (slots.length >= atOnce) await slots[slots.length - atOnce];
    }
  } finally {
    session?.dispose();
    // Nothing is left drawing after this returns or throws.
    await Promise.all(slots);
  }
  const inputs: ReportInput[] = [];
  for (const slot of await Promise.all(slots)) {
    if ('thrown' in slot) throw slot.thrown;
    if (slot.warning !== undefined) warnings.push(slot.warning);
    if (slot.loadError) loadErrors.push(slot.loadError);
    if (slot.input) inputs.push(slot.input);
  }
  opts.progress?.('inputs ready', i, opts.files.length);
  return inputs;
}

/** Builds the pack and writes every output. Throws (exit 3) only after the non-PDF outputs exist. */
export async function writeReport(opts: ReportOptions): Promise<ReportResult> {
  const { config, dir } = await packConfig(opts.files, opts.config);
  const templates = opts.templates ?? (config?.templates ? resolve(dir ?? '.', config.templates) : undefined);
  const iconPack = config?.iconPack ? resolve(dir ?? '.', config.iconPack) : undefined;
  const warnings: string[] = [];
  const wantsPdf = opts.outputs.some((o) => o.format === 'pdf');
  // Chromium starts in processes of its own: launching it while the designs are validated and drawn
  // overlaps its start-up with that work instead of adding it.
  const launching: Promise<{ session: PdfSession; page: Promise<PrintPage> } | { error: unknown }> | undefined = wantsPdf
    ? Promise.resolve()
        .then(() => launch(findBrowser(config?.browser ? (/[\\/]/.test(config.browser) ? resolve(dir ?? '.', config.browser) : config.browser) : undefined)))
        .then(
          // The first PDF's page is opened (locked down, empty) while the designs are drawn as well.
          (session) => {
            const page = openPrintPage(session);
            page.catch(() => undefined);
            return { session, page };
          },
          (error: unknown) => ({ error }),
        )
    : undefined;
  const loadErrors: AksnetError[] = [];
  let inputs: ReportInput[];
  let vm: ReturnType<typeof buildViewModel>;
  try {
    inputs = await prepareInputs(opts, iconPack, warnings, loadErrors);
    if (inputs.length === 0) {
      if (loadErrors[0]) throw loadErrors[0];
      throw new AksnetError('no designs among the inputs: every file is a helper module', undefined, ExitCode.usage);
    }
    const rules = (await loadRules()).map((r) => r.meta);
    vm = buildViewModel(inputs, { ...(opts.title ? { title: opts.title } : {}), version: aksnetVersion(), rules });
  } catch (e) {
    // A design that cannot be loaded still must not leave a browser running.
    const started = await launching;
    if (started && 'session' in started) await started.session.close();
    throw e;
  }
  const writeFileAtomic = opts.write ?? writeAtomic;
  const paper = opts.paper ?? 'a4';
  const written: string[] = [];
  const blocked: string[] = [];

  let session: PdfSession | undefined;
  let openedPage: Promise<PrintPage> | undefined;
  let pdfError: AksnetError | undefined;
  const printOptions = (path: string): HtmlOptions => ({
    ...(templates ? { templates } : {}),
    paper,
    medium: 'print',
    diagramDir: `${basename(path, extname(path))}-diagrams`,
  });
  // Each PDF's HTML is assembled while Chromium may still be starting (print-html.ts); an error is left to the
  // PDF's own attempt below, which assembles it again and reports it.
  const early = new Map<string, EarlyPrintHtml>();
  if (launching) {
    const t0 = performance.now();
    for (const o of opts.outputs.filter((x) => x.format === 'pdf')) {
      try {
        const e = printHtmlBeforeLaunch(vm, printOptions(o.path));
        if (e) early.set(o.path, e);
      } catch {
        // Assembled again below, where its error is reported with the PDF.
      }
    }
    if (early.size) performance.measure('aksnet:html', { start: t0, detail: { design: 'PDF', view: 'HTML assembly' } });
  }
  const started = await launching;
  if (started && 'session' in started) {
    session = started.session;
    openedPage = started.page;
  } else if (started) {
    if (!(started.error instanceof AksnetError)) throw started.error;
    pdfError = started.error;
  }
  // Each output stands alone: one that cannot be written (a template error, a full disk, a refused
  // path) is reported, and the others are still written.
  const failed: FailedOutput[] = [];
  const attempt = async (path: string, write: () => void | Promise<void>): Promise<void> => {
    try {
      await write();
      written.push(path);
    } catch (e) {
      if (!(e instanceof AksnetError)) throw e;
      failed.push({ path, error: e });
    }
  };
  try {
    for (const o of opts.outputs.filter((x) => x.format !== 'pdf')) {
      opts.progress?.(`writing ${o.path}`, inputs.length, inputs.length);
      await attempt(o.path, () => {
        switch (o.format) {
          case 'html': {
            // Views drawn collapsed have their whole picture beside the file, linked from the caption.
            const diagramDir = `${basename(o.path, extname(o.path))}-diagrams`;
            const full = vm.architectures.flatMap((a) => a.diagrams.filter((d) => d.fullSvg !== undefined));
            for (const d of full) {
              writeFileAtomic(join(dirname(o.path), diagramDir, d.fileName), sanitizeSvg(d.fullSvg!));
            }
            const beside = full.length ? { diagramDir } : {};
            const html = renderHtml(vm, { ...(templates ? { templates } : {}), paper, ...beside });
            writeFileAtomic(o.path, html);
            break;
          }
          case 'json':
            writeFileAtomic(o.path, renderJson(vm));
            break;
          case 'csv':
            writeFileAtomic(o.path, renderCsv(vm));
            break;
          case 'md': {
            const res = renderMarkdown(vm, 'diagrams');
            for (const f of res.files) writeFileAtomic(join(dirname(o.path), f.path), sanitizeSvg(f.content));
            writeFileAtomic(o.path, res.markdown);
            break;
          }
        }
      });
    }
    for (const o of opts.outputs.filter((x) => x.format === 'pdf')) {
      if (!session) break;
      opts.progress?.(`printing ${o.path}`, inputs.length, inputs.length);
      await attempt(o.path, async () => {
        const print = printOptions(o.path);
        const t0 = performance.now();
        // Only the PDF names the browser that printed it (the other files' bytes must not depend on it).
        const html = early.get(o.path)?.finish(session!.version) ?? renderHtml(withBrowser(vm, session!.version), print);
        performance.measure('aksnet:html', { start: t0, detail: { design: 'PDF', view: 'HTML assembly' } });
        const date = inputs[0]?.model.metadata.date ?? vm.date;
        const authors = [...new Set(vm.cover.architectures.map((a) => a.owner).filter((x) => x && x !== '—'))].join(', ');
        const page = openedPage;
        openedPage = undefined;
        const printing = htmlToPdf(session!, html, {
          paper,
          title: vm.headerTitle,
          date,
          info: {
            ...(authors ? { author: authors } : {}),
            subject: 'Well-Architected review pack for AKS networking',
            keywords: ['Azure Well-Architected', 'AKS', 'networking', ...vm.cover.architectures.map((a) => a.workload).filter((w) => w !== '—')].join(', '),
          },
        }, page);
        // The full-size SVGs go beside the PDF (its pages show large diagrams as readable tiles), written while
        // Chromium loads and prints the pack (once its navigation is under way): this thread only waits then. A
        // PDF whose SVGs cannot be written is not written either.
        let unwritten: Error | undefined;
        await new Promise((r) => setImmediate(r));
        const tw = performance.now();
        try {
          for (const a of vm.architectures) {
            for (const d of a.diagrams) {
              if (d.fullSizeNote) continue;
              writeFileAtomic(join(dirname(o.path), print.diagramDir!, d.fileName), sanitizeSvg(d.fullSvg ?? d.svgHtml));
            }
          }
        } catch (e) {
          unwritten = e instanceof Error ? e : new Error(String(e));
        }
        performance.measure('aksnet:write', { start: tw, detail: { design: 'PDF', view: 'full-size SVGs' } });
        // Printing is waited for either way: its page is closed and its error, if any, is not left unhandled.
        const printed = await printing.then(
          (pdf) => ({ pdf }),
          (e: unknown) => ({ failed: e instanceof Error ? e : new Error(String(e)) }),
        );
        if (unwritten !== undefined) throw unwritten;
        if ('failed' in printed) throw printed.failed;
        writeFileAtomic(o.path, printed.pdf);
      });
    }
  } finally {
    if (session) {
      blocked.push(...session.blocked);
      await session.close();
    }
  }
  const result: ReportResult = { vm, written, blockedRequests: blocked, warnings, loadErrors, failed };
  if (pdfError) result.pdfError = pdfError;
  return result;
}
