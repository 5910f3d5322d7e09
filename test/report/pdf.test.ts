/**
 * PDF tests: one browser for the whole file. The pack of example (a) plus the injection fixture is
 * printed and read back with pdf.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';
import { htmlToPdf, launch, normalizeStructIds, patchPdfDates, pdfDate, type PdfSession } from '../../src/report/pdf.js';
import { PRINT_DIAGRAM_TEXT, renderHtml, withoutFontFaces } from '../../src/report/html.js';
import { buildViewModel, withBrowser, type ReportInput } from '../../src/report/view-model.js';
import { prepareInputs } from '../../src/report/pack.js';
import { loadRules } from '../../src/validate/registry.js';
import type { ReportViewModel } from '../../src/report/types.js';
import { VIEWS } from '../../src/diagram/view-names.js';
import { loadTemplates } from '../../src/report/templates.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const files = [join(root, 'examples', 'a-hub-spoke-baseline.ts'), join(here, 'fixtures', 'injection.ts')];

const browserPath = installedBrowser();

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

async function readPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const outline = ((await doc.getOutline()) ?? []) as unknown as OutlineNode[];
  const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  const meta = (await doc.getMetadata()).info as Record<string, unknown>;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const tc = await p.getTextContent();
    pages.push(tc.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  const numPages = doc.numPages;
  await doc.destroy();
  return { numPages, outline, mark, meta, pages };
}

/** Bookmark titles in reading order (each title, then its children). */
function outlineTitles(nodes: OutlineNode[]): string[] {
  return nodes.flatMap((n) => [n.title, ...outlineTitles(n.items)]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The h1–h6 of a document in order, as a reader sees them: tags dropped, entities decoded, white space collapsed. */
function headingTexts(html: string): string[] {
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    });
  return [...html.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
    decode(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim(),
  );
}

// Skipped only on a machine without a browser; .ci/run sets AKSNET_REQUIRE_BROWSER so CI never skips them.
describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('PDF', () => {
  let session: PdfSession;
  let vm: ReportViewModel;
  let inputs: ReportInput[];
  let html: string;
  let pdf: Uint8Array;
  const savedEpoch = process.env.SOURCE_DATE_EPOCH;

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
    inputs = await prepareInputs({ files, asOf: '2026-11-23', config: false });
    const rules = (await loadRules()).map((r) => r.meta);
    session = await launch({ path: browserPath!, source: 'install path' });
    vm = withBrowser(buildViewModel(inputs, { version: '0.0.0-test', rules, title: 'Test pack' }), session.version);
    html = renderHtml(vm, { medium: 'print' });
    pdf = await htmlToPdf(session, html, { paper: 'a4', title: vm.headerTitle, date: '2026-11-02', info: { author: 'Team <Ω> & Co', subject: 'Review' } });
  });

  afterAll(async () => {
    await session?.close();
    if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = savedEpoch;
  });

  it('has bookmarks for each architecture and its sections, is tagged and titled', async () => {
    const r = await readPdf(pdf);
    expect(r.numPages).toBeGreaterThan(8);
    expect(r.mark?.Marked).toBe(true);
    expect(r.meta.Title).toBe('Test pack');
    expect(r.meta.Author).toBe('Team <Ω> & Co');
    expect(r.meta.Subject).toBe('Review');
    const top = r.outline.map((o) => o.title);
    expect(top).toContain('Executive summary');
    expect(top).toContain('Appendix');
    for (const a of vm.architectures) {
      const node = r.outline.find((o) => o.title.includes(a.title));
      expect(node, a.title).toBeDefined();
      const sections = node!.items.map((i) => i.title);
      for (const s of ['Context', 'Diagrams', 'Traffic flows', 'IP plan', 'Decisions', 'Findings', 'Accepted risks', 'Rule coverage']) expect(sections).toContain(s);
    }
  });

  it('has no zero-width character in its text or bookmarks, and each bookmark is its heading word for word', async () => {
    const r = await readPdf(pdf);
    const titles = outlineTitles(r.outline);
    // Zero-width space, joiners and marks, word joiner, byte-order mark, soft hyphen.
    const invisible = /[\u00ad\u200b-\u200f\u2060\ufeff]/;
    expect(invisible.test(html)).toBe(false);
    expect(r.pages.flatMap((p, i) => (invisible.test(p) ? [i + 1] : []))).toEqual([]);
    expect(titles.filter((t) => invisible.test(t))).toEqual([]);
    // Every heading is a bookmark, in order, with its words and the single spaces between them.
    const headings = headingTexts(html);
    expect(headings.length).toBeGreaterThan(30);
    expect(titles).toEqual(headings);
  });

  it('keeps the space at a heading\'s line break in its bookmark (print CSS, no invisible characters)', async () => {
    const css = loadTemplates().css;
    const long = 'Payments platform: West Europe production network of the hub and spoke baseline';
    const adr = 'Application routing add-on NGINX rather than self-managed ingress-nginx';
    const doc =
      `<!DOCTYPE html><html><head><title>t</title><style>${css}</style></head><body style="width: 45mm">` +
      `<h1><span class="arch-no">1</span> ${long}</h1><h2>Traffic flows</h2>` +
      `<h3><span class="adr-id">ADR-013</span> ${adr} <span class="pill status-accepted">Accepted</span></h3>` +
      '</body></html>';
    const bytes = await htmlToPdf(session, doc, { paper: 'a4', title: 't' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const d = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
      .promise;
    const outline = ((await d.getOutline()) ?? []) as unknown as OutlineNode[];
    // The headings really wrap: their words sit on many lines of the page.
    const ys = new Set<number>();
    for (const it of (await (await d.getPage(1)).getTextContent()).items) {
      if ('str' in it && it.str.trim() && /[A-Za-z]/.test(it.str)) ys.add(Math.round(it.transform[5] as number));
    }
    await d.destroy();
    expect(ys.size).toBeGreaterThanOrEqual(10);
    expect(outlineTitles(outline)).toEqual([`1 ${long}`, 'Traffic flows', `ADR-013 ${adr} Accepted`]);
  });

  it('shows every open finding, the header/footer and the injection strings as text', async () => {
    const r = await readPdf(pdf);
    const all = r.pages.join('\n').replace(/\s+/g, '');
    for (const input of inputs) {
      for (const f of input.result.findings.filter((x) => x.status !== 'suppressed')) expect(all, f.ruleId).toContain(f.ruleId);
    }
    expect(r.pages[1]).toMatch(/Page 2 of \d+/);
    expect(r.pages[1]).toContain('Test pack');
    expect(all).toContain('<script>alert(1)</script>'.replace(/\s+/g, ''));
    // Non-Latin text the vendored DejaVu fonts cover (CJK needs a font added by a template override).
    expect(all).toContain('Zürich');
    expect(all).toContain('Ωμέγα');
    expect(all).toContain('Ärzte<B>');
  });

  it('embeds its fonts and the diagram of every view', () => {
    const s = Buffer.from(pdf).toString('latin1');
    expect(s).toMatch(/\/FontFile2/);
    expect(s).toMatch(/DejaVuSans/);
    // Every font in the file, header and footer included, is one of the vendored DejaVu faces.
    const fonts = [...s.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/>]+)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.startsWith('DejaVuSans'))).toEqual([]);
    // Example (a) has something to show in every view. A layout failure would leave an empty list and
    // a note in the pack, so the diagrams are asserted outright, not only when some exist.
    expect(inputs[0]!.diagramNote).toBeUndefined();
    expect(inputs[0]!.diagrams!.map((d) => d.view)).toEqual([...VIEWS]);
    for (const view of VIEWS) expect(html).toMatch(new RegExp(`<svg\\b[^>]*data-view="${view}"`));
    expect(html).not.toContain('Diagrams could not be drawn');
  });

  it('sends no request while rendering the pack, and blocks any that a document tries', async () => {
    expect(session.blocked).toEqual([]);
    const before = session.blocked.length;
    const hostile =
      '<!DOCTYPE html><html><head><title>x</title><link rel="stylesheet" href="https://example.invalid/x.css"></head>' +
      '<body><h1>hostile</h1><img src="http://example.invalid/logo.png"><script>document.body.innerHTML = "JS RAN"</script></body></html>';
    const out = await htmlToPdf(session, hostile, { paper: 'a4', title: 'x' });
    // The pack's CSP header stops both before they become requests; anything that got that far was aborted.
    const blocked = session.blocked.slice(before);
    expect(blocked.every((u) => u.includes('example.invalid'))).toBe(true);
    const r = await readPdf(out);
    expect(r.pages.join(' ')).toContain('hostile');
    expect(r.pages.join(' ')).not.toContain('JS RAN');
    session.blocked.length = before;
  });

  it('is byte-identical when rendered twice with SOURCE_DATE_EPOCH (one fresh browser per pack)', async () => {
    // A pack is printed by its own browser; structure-tree ids depend on what that browser printed before.
    const second = await launch({ path: browserPath!, source: 'install path' });
    let again: Uint8Array;
    try {
      again = await htmlToPdf(second, html, { paper: 'a4', title: vm.headerTitle, date: '2026-11-02', info: { author: 'Team <Ω> & Co', subject: 'Review' } });
    } finally {
      await second.close();
    }
    if (Buffer.compare(Buffer.from(again), Buffer.from(pdf)) !== 0 && process.env.AKSNET_DEBUG_PDF) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync('/tmp/aksnet-first.pdf', pdf);
      writeFileSync('/tmp/aksnet-again.pdf', again!);
    }
    expect(Buffer.compare(Buffer.from(again!), Buffer.from(pdf))).toBe(0);
    const s = Buffer.from(pdf).toString('latin1');
    expect(s).toContain('/CreationDate (D:20260101000000');
  });

  it('draws diagram text with the vendored face exactly where the diagram\'s own subset puts it', async () => {
    // Printed, the diagrams' glyph subsets are left out and the browser's DejaVu Sans draws their text (html.ts).
    const svg = inputs[0]!.diagrams!.find((d) => d.view === 'topology')!.svg.replace(/^<\?xml[^>]*\?>/, '');
    const glyphRuns = async (markup: string, css: string) => {
      const doc = `<!DOCTYPE html><html><head><title>t</title><style>${css}</style></head><body>${markup}</body></html>`;
      const bytes = await htmlToPdf(session, doc, { paper: 'a4', title: 't' });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const d = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
      const runs: string[] = [];
      for (let i = 1; i <= d.numPages; i++) {
        for (const it of (await (await d.getPage(i)).getTextContent()).items) {
          // Text, position and advance of each run (kerning or a ligature would change the advance).
          if ('str' in it && it.str.trim()) runs.push(`${it.str} ${it.transform.map((n: number) => n.toFixed(2)).join(' ')} w${it.width.toFixed(2)}`);
        }
      }
      await d.destroy();
      return runs;
    };
    expect(svg).toContain('@font-face');
    expect(withoutFontFaces(svg)).not.toContain('@font-face');
    const subset = await glyphRuns(svg, '');
    expect(subset.length).toBeGreaterThan(20);
    expect(await glyphRuns(withoutFontFaces(svg), PRINT_DIAGRAM_TEXT)).toEqual(subset);
    // The rule matters: the full face kerns by default, which moves glyphs the subset draws unkerned.
    expect(await glyphRuns(withoutFontFaces(svg), '')).not.toEqual(subset);
  });

  it('prints US letter on request', async () => {
    const letter = await htmlToPdf(session, renderHtml(vm, { paper: 'letter', medium: 'print' }), { paper: 'letter', title: 'x' });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(letter) }).promise;
    const page = await doc.getPage(1);
    expect(page.view.map((v) => Math.round(v))).toEqual([0, 0, 612, 792]);
    await doc.destroy();
  });
});

describe('PDF dates', () => {
  it('patches CreationDate and ModDate without changing the length', () => {
    const src = Buffer.from("<< /CreationDate (D:20261123011627+00'00') /ModDate (D:20261123011628+00'00') >>", 'latin1');
    const out = patchPdfDates(src, '20260101000000');
    expect(out.length).toBe(src.length);
    expect(Buffer.from(out).toString('latin1')).toBe("<< /CreationDate (D:20260101000000+00'00') /ModDate (D:20260101000000+00'00') >>");
  });

  it('renumbers structure-element ids by rank with the same width', () => {
    const src = Buffer.from('/ID (node00000117) /Limits [(node00000117) (node00000290)] /ID (node00000290) /ID (node00000150)', 'latin1');
    const out = Buffer.from(normalizeStructIds(src)).toString('latin1');
    expect(out.length).toBe(src.length);
    expect(out).toBe('/ID (node00000001) /Limits [(node00000001) (node00000003)] /ID (node00000003) /ID (node00000002)');
  });

  it('takes SOURCE_DATE_EPOCH, then the design date, then 0', () => {
    expect(pdfDate('2026-11-02', { SOURCE_DATE_EPOCH: '0' })).toBe('19700101000000');
    expect(pdfDate('2026-11-02', {})).toBe('20261102000000');
    expect(pdfDate(undefined, {})).toBe('19700101000000');
  });
});
