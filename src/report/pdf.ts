/**
 * PDF output with puppeteer-core and a system Chromium: one browser per pack, JavaScript off,
 * every non-`data:` request blocked, bookmarks from headings, tagged PDF, a running header and footer, and
 * byte-reproducible output (CreationDate/ModDate patched in place).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'puppeteer-core';
import { AksnetError, ExitCode } from '../shared/errors.js';
import type { BrowserChoice } from './browser.js';
import { writeFontconfig } from './fontconfig.js';
import { sweepStale, trackChild, trackTemp, untrackTemp } from '../shared/output-file.js';
import { xmlSafe } from '../shared/text-safety.js';
import { ellipsize, metrics } from '../render/text.js';
import { isCalendarDate } from '../shared/date.js';

/**
 * The policy every printed page gets as a response header, whatever its template says: nothing
 * loads except inline styles and data: images and fonts; no frames, objects, forms or base URL.
 */
export const PRINT_CSP =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; frame-src 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

/** The address the pack is served at inside the browser (answered by request interception; never resolved). */
const PACK_URL = 'https://aksnet.invalid/pack.html';

/**
 * Browser-level network lockdown, for what CSP does not cover (preconnect, DNS prefetch, prefetch):
 * no proxy from the environment, every host name resolves to nothing, and network prediction is off.
 */
export const LOCKDOWN_ARGS = [
  '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
  '--disable-features=NetworkPrediction,NetworkServiceInProcess2,LoadingPredictorUseLocalPredictions,Prerender2,SpeculationRulesPrefetchFuture',
  '--disable-background-networking',
];

/** Every flag the PDF browser starts with; the bench's Chromium floor (bench/chromium-baseline.mjs) uses the same. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
  ...LOCKDOWN_ARGS,
];

export type Paper = 'a4' | 'letter';

export interface PdfSession {
  browser: Browser;
  /** e.g. `HeadlessChrome/156.0.0.0`. */
  version: string;
  /** Requests aborted so far (anything that is not `data:`). */
  blocked: string[];
  close(): Promise<void>;
}

/** Launches the browser once for a pack. */
export async function launch(choice: BrowserChoice): Promise<PdfSession> {
  // puppeteer-core is an optional peer dependency: only PDF and PNG output need it.
  const { default: puppeteer } = await import('puppeteer-core').catch(() => {
    throw new AksnetError('PDF and PNG output need puppeteer-core, which is not installed: run `npm install puppeteer-core@^24.43.1`', undefined, ExitCode.output);
  });
  // Profiles carry the pid: one left by a killed run is removed by the next.
  sweepStale(tmpdir(), 'aksnet-chromium-');
  const profile = mkdtempSync(join(tmpdir(), `aksnet-chromium-${process.pid}-`));
  trackTemp(profile);
  // Network prediction (preconnect, DNS prefetch, prefetch) off in the profile as well as by flags.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } }));
  // Puppeteer starts the browser as the leader of its own process group (zygote, GPU and renderer processes with
  // it): on an interrupt the whole group goes, so none of them writes into the profile while it is removed. During
  // the launch there is no process to name yet: the stop waits for the launch to end.
  const killGroup = (b: Browser | undefined): void => {
    const child = b?.process();
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  let launched: Browser | undefined;
  let launching: Promise<Browser> | undefined;
  const untrackChild = trackChild(() => {
    if (!launched) return launching?.then(killGroup, () => undefined);
    killGroup(launched);
    return undefined;
  });
  let browser: Browser;
  try {
    browser = await (launching = puppeteer.launch({
      executablePath: choice.path,
      headless: true,
      userDataDir: profile,
      pipe: true,
      // aksnet's own handlers stop the browser, remove its profile and end the process by the signal (exit 130 or
      // 143); puppeteer's would close the browser and let the run go on, to fail printing with exit 3.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Only the vendored fonts: no system font can stand in for a missing glyph (see fontconfig.ts).
      env: { ...process.env, FONTCONFIG_FILE: writeFontconfig(profile) },
      args: [...CHROMIUM_ARGS],
    }));
    launched = browser;
  } catch (e) {
    untrackChild();
    rmSync(profile, { recursive: true, force: true });
    untrackTemp(profile);
    throw new AksnetError(`could not start the browser at ${choice.path} (${choice.source}): ${(e as Error).message.split('\n')[0]}`, undefined, ExitCode.output);
  }
  const version = await browser.version();
  const blocked: string[] = [];
  return {
    browser,
    version,
    blocked,
    async close() {
      untrackChild();
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      untrackTemp(profile);
    },
  };
}

/** The date written into the PDF: SOURCE_DATE_EPOCH, else the given ISO date, else 1970-01-01. */
export function pdfDate(fallbackIso?: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  let d: Date;
  if (epoch && /^\d+$/.test(epoch)) d = new Date(Number(epoch) * 1000);
  // An impossible date (2026-13-45) would make toISOString throw; it falls back like a missing one.
  else if (isCalendarDate(fallbackIso)) d = new Date(`${fallbackIso}T00:00:00Z`);
  else d = new Date(0);
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Rewrites /CreationDate and /ModDate in place (same length, so xref offsets stay valid) to a fixed
 * instant in UTC.
 */
export function patchPdfDates(pdf: Uint8Array, stamp: string): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  const out = s.replace(/\/(CreationDate|ModDate)( ?)\(D:\d{14}([^)]*)\)/g, (_m, k: string, sp: string, tz: string) => {
    // The stamp is UTC; a zone of the usual length becomes +00'00', anything else is kept so the length never changes.
    const zone = tz.length === 7 ? "+00'00'" : tz;
    return `/${k}${sp}(D:${stamp}${zone})`;
  });
  if (out.length !== s.length) throw new AksnetError('internal error: PDF date patch changed the file length', undefined, ExitCode.output);
  return Buffer.from(out, 'latin1');
}

/**
 * Chromium names structure elements after DOM node ids (`/ID (node00000113)`), which depend on
 * the order the renderer happened to assign them. Renumbers them by rank (order-preserving, so the
 * /IDTree name tree stays sorted) with the same width, keeping every byte offset valid.
 */
export function normalizeStructIds(pdf: Uint8Array): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  const re = /\(node(\d{8})\)/g;
  const ids = [...new Set([...s.matchAll(re)].map((m) => m[1]!))].sort();
  if (ids.length === 0) return pdf;
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  const out = s.replace(re, (_m, id: string) => `(node${rank.get(id)!})`);
  if (out.length !== s.length) throw new AksnetError('internal error: PDF structure-id rewrite changed the file length', undefined, ExitCode.output);
  return Buffer.from(out, 'latin1');
}

function pdfTextString(text: string): string {
  const utf16 = Buffer.from('\ufeff' + text, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

export interface PdfInfoExtra {
  author?: string;
  subject?: string;
  keywords?: string;
}

/**
 * Chromium writes only Title, Creator, Producer and the dates into the Info dictionary. This appends
 * a standard incremental update (a new revision of the Info object, an xref section and a trailer
 * with /Prev) that adds Author, Subject and Keywords. Deterministic; the original bytes are untouched.
 * Returns the input unchanged when the file does not have the classic trailer it expects.
 */
export function addPdfInfo(pdf: Uint8Array, extra: PdfInfoExtra): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  const tail = s.slice(-2048);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return pdf;
  const dict = trailer[1]!;
  const size = /\/Size (\d+)/.exec(dict)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(dict)?.[1];
  const info = /\/Info (\d+) (\d+) R/.exec(dict);
  if (!size || !root || !info) return pdf;
  const objStart = new RegExp(`(?:^|[\\r\\n])${info[1]} ${info[2]} obj\\s*<<`).exec(s);
  if (!objStart) return pdf;
  const bodyStart = objStart.index + objStart[0].length;
  const bodyEnd = s.indexOf('>>', bodyStart);
  if (bodyEnd < 0) return pdf;
  let body = s.slice(bodyStart, bodyEnd).trim();
  const add: Array<[string, string | undefined]> = [
    ['Author', extra.author],
    ['Subject', extra.subject],
    ['Keywords', extra.keywords],
  ];
  for (const [key, value] of add) {
    if (!value || new RegExp(`/${key}\\b`).test(body)) continue;
    body += `\n/${key} ${pdfTextString(value)}`;
  }
  const base = s.endsWith('\n') ? s : s + '\n';
  const objOffset = base.length;
  const obj = `${info[1]} ${info[2]} obj\n<<${body}>>\nendobj\n`;
  const xrefOffset = objOffset + obj.length;
  const xref = `xref\n${info[1]} 1\n${String(objOffset).padStart(10, '0')} ${String(Number(info[2])).padStart(5, '0')} n\r\n`;
  const newTrailer = `trailer\n<</Size ${size}\n/Root ${root}\n/Info ${info[1]} ${info[2]} R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(base + obj + xref + newTrailer, 'latin1');
}

export interface PdfRenderOptions {
  paper: Paper;
  /** Title printed in the header. */
  title: string;
  /** ISO date used for the document dates when SOURCE_DATE_EPOCH is not set. */
  date?: string;
  /** Extra Info entries (Author, Subject, Keywords). */
  info?: PdfInfoExtra;
  /** The name `--timings` files the printing under (default `PDF`). */
  timingsName?: string;
}

const HEADER_RIGHT = 'Well-Architected review · AKS networking';
const FOOTER_LEFT = 'aksnet';

/**
 * A CSS string holding `s`: every character but letters, digits and spaces as a hex escape, so that no quote,
 * backslash or `</style>` of a user's title survives.
 */
export function cssString(s: string): string {
  let out = '"';
  for (const ch of s) out += /^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/**
 * The running header (the pack's title, and what it is) and footer (the page number) as margin boxes of the
 * document's own @page rules, in the document's vendored DejaVu Sans. Chromium's header and footer templates did
 * the same as separate documents laid out for every printed page: on the seven examples' pack (123 pages) they
 * took 0.25–0.45 s of `page.pdf`'s 4.3 s (2026-12-03, three interleaved runs each way); margin boxes print the same
 * words, and Chromium leaves them out of the structure tree as it did the templates.
 */
export function runningHeadStyle(title: string): string {
  const text = `font-family: 'DejaVu Sans', sans-serif; font-size: ${HEAD_PT}pt; font-weight: normal; color: #5b6578;`;
  const top = `${text} vertical-align: bottom; margin-bottom: 5mm; padding-bottom: 2pt; border-bottom: 0.5pt solid #d5dae3;`;
  const bottom = `${text} vertical-align: top; margin-top: 5mm;`;
  // One line, whatever the title: Chromium wraps a margin box that is too narrow (the rule under the header then
  // drops into the margin) and ignores overflow and text-overflow there, so the title is cut to fit here.
  const left = (page: string, width: number) =>
    `@page${page} { @top-left { content: ${cssString(headTitle(title, width))}; ${top} white-space: nowrap; }` +
    // An empty centre box carries the rule under the header across the gap between the two texts.
    ` @top-center { content: ""; ${top} }` +
    ` @top-right { content: ${cssString(HEADER_RIGHT)}; ${top} white-space: nowrap; }`;
  return (
    '<style>' +
    left('', PORTRAIT_PT) +
    ` @bottom-left { content: ${cssString(FOOTER_LEFT)}; ${bottom} }` +
    ` @bottom-right { content: "Page " counter(page) " of " counter(pages); ${bottom} }` +
    ' }' +
    // Landscape pages (the wide diagrams, html.ts) have room for more of it.
    ` ${left(' landscape', LANDSCAPE_PT)} }` +
    '</style>'
  );
}

/** The running head's type size, in pt. */
const HEAD_PT = 7;
/** The width between the side margins (14 mm each) of the narrower paper, A4 (Letter is 6 mm wider), in pt. */
const PORTRAIT_PT = ((210 - 28) * 72) / 25.4;
const LANDSCAPE_PT = ((297 - 28) * 72) / 25.4;

/**
 * The title as the running head prints it beside HEADER_RIGHT on a page `width` pt wide: whole when it fits, else cut
 * at a word with an ellipsis. Measured with the vendored font's advances; the slack covers the gap between the boxes
 * and any difference in Chromium's shaping.
 */
export function headTitle(title: string, width: number): string {
  const room = width - metrics.width(HEADER_RIGHT, HEAD_PT) - 24;
  const flat = title.replace(/\s+/g, ' ').trim();
  if (metrics.width(flat, HEAD_PT) <= room) return flat;
  const cut = ellipsize(metrics, flat, room, HEAD_PT);
  // Back to the last word's end when that keeps most of the line: "… West Europe and…" rather than "… Europe a…".
  const words = cut.slice(0, -1);
  const space = words.lastIndexOf(' ');
  return (space > words.length * 0.7 ? words.slice(0, space) : words).replace(/[\s,;:·–—-]+$/, '') + '…';
}

/** The document with the running header and footer (runningHeadStyle) at the end of its head, else at its start. */
export function withRunningHead(html: string, title: string): string {
  const style = runningHeadStyle(title);
  const at = html.search(/<\/head\s*>/i);
  return at < 0 ? style + html : html.slice(0, at) + style + html.slice(at);
}

/** A page of the session's browser made ready to print: JavaScript off, every request but the pack's answered here. */
export interface PrintPage {
  page: Page;
  /** Sets the document the page's one navigation to the pack's address is answered with. */
  serve(html: string): void;
}

/**
 * Opens a page and locks it down before it loads anything. Separate from printing so that a pack can open it
 * while its designs are still being drawn (report/pack.ts): opening a page costs Chromium a few hundred ms.
 */
export async function openPrintPage(session: PdfSession): Promise<PrintPage> {
  const page = await session.browser.newPage();
  let html: string | undefined;
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    let served = false;
    page.on('request', (req) => {
      const url = req.url();
      // The pack itself, once, with the lockdown policy as a header: a <meta> CSP in a template can
      // only add restrictions to it, never lift them.
      if (!served && html !== undefined && url === PACK_URL && req.isNavigationRequest() && req.frame() === page.mainFrame()) {
        served = true;
        void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': PRINT_CSP }, body: html });
        return;
      }
      // No other navigation (meta refresh, frames): answered "204 No Content", which a browser never
      // commits, so the pack stays on the page (an aborted navigation would commit an error page).
      if (req.isNavigationRequest()) {
        session.blocked.push(url);
        void req.respond({ status: 204, body: '' });
        return;
      }
      // No other request leaves the page; data: images and fonts that the policy allows stay in it.
      if (url.startsWith('data:')) void req.continue();
      else {
        session.blocked.push(url);
        void req.abort('blockedbyclient');
      }
    });
  } catch (e) {
    await page.close().catch(() => undefined);
    throw e;
  }
  return {
    page,
    serve(doc: string) {
      html = doc;
    },
  };
}

/**
 * Prints one HTML document to PDF on a fresh page of the session's browser, or on `prepared` (from
 * openPrintPage on this session, not used before).
 */
export async function htmlToPdf(
  session: PdfSession,
  html: string,
  opts: PdfRenderOptions,
  prepared?: Promise<PrintPage>,
): Promise<Uint8Array> {
  let page: Page | undefined;
  try {
    const ready = await (prepared ?? openPrintPage(session));
    page = ready.page;
    ready.serve(withRunningHead(html, xmlSafe(opts.title)));
    const t0 = performance.now();
    await page.goto(PACK_URL, { waitUntil: 'load', timeout: 120_000 });
    const t1 = performance.now();
    const raw = await page.pdf({
      format: opts.paper === 'letter' ? 'letter' : 'a4',
      printBackground: true,
      // The document's @page rules win: portrait pages plus named landscape pages for wide diagrams.
      preferCSSPageSize: true,
      outline: true,
      tagged: true,
      timeout: 180_000,
      margin: { top: '17mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    const t2 = performance.now();
    const fixed = normalizeStructIds(patchPdfDates(raw, pdfDate(opts.date)));
    const done = opts.info ? addPdfInfo(fixed, opts.info) : fixed;
    // `--timings`: the browser's share of a pack (loading the page, printing it, fixing the bytes).
    const design = opts.timingsName ?? 'PDF';
    performance.measure('aksnet:print', { start: t0, end: t1, detail: { design, view: 'page load' } });
    performance.measure('aksnet:print', { start: t1, end: t2, detail: { design, view: 'page.pdf' } });
    performance.measure('aksnet:print', { start: t2, detail: { design, view: 'post-process' } });
    return done;
  } catch (e) {
    if (e instanceof AksnetError) throw e;
    throw new AksnetError(`PDF rendering failed: ${(e as Error).message.split('\n')[0]}`, undefined, ExitCode.output);
  } finally {
    await page?.close().catch(() => undefined);
  }
}
