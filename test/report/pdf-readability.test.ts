/**
 * The printed pack read back: every word on every page at 6 pt or more (the seven examples and a 20-spoke
 * design), diagram pages filled by their picture, rule ids whole on one line, no footnote alone at a page top, no
 * table broken after its first row or before its last, no near-empty page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';
import { htmlToPdf, launch, type PdfSession } from '../../src/report/pdf.js';
import { renderHtml } from '../../src/report/html.js';
import { buildViewModel, withBrowser } from '../../src/report/view-model.js';
import { prepareInputs } from '../../src/report/pack.js';
import { loadRules } from '../../src/validate/registry.js';
import { MIN_TEXT_PT } from '../../src/diagram/page-fit.js';
import { introsPartedFromTables, lonelyRowBreaks, taggedTables } from '../helpers/pdf-tags.js';
import { caption, readPdf, type Page, type Word } from '../helpers/pdf-text.js';
import type { ReportViewModel } from '../../src/report/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(root, 'examples', f));

const browserPath = installedBrowser();

/** A page's text lines, top to bottom: the runs that share a baseline, left to right. */
function lines(p: Page, keep: (w: Word) => boolean = () => true): string[] {
  const byY = new Map<number, Word[]>();
  for (const w of p.words.filter(keep)) {
    const y = Math.round(w.y * 2) / 2;
    byY.set(y, [...(byY.get(y) ?? []), w]);
  }
  // Runs that touch are one word; a gap of a fifth of the text size or more is a space.
  return [...byY.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, ws]) =>
      ws
        .sort((a, b) => a.x - b.x)
        .map((w, i) => (i > 0 && w.x - (ws[i - 1]!.x + ws[i - 1]!.width) >= w.size / 5 ? ' ' : '') + w.text)
        .join(''),
    );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The visible text of an HTML fragment with no white space at all (the PDF's line breaks and spacing differ). */
function bare(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    })
    .replace(/\s+/g, '');
}

/** Body words: below the running header and above the footer. */
const inBody = (p: Page) => (w: Word) => w.y < p.height - 40 && w.y > 40;

/** How often `id` occurs in `text` as a whole rule id (not as part of a longer id or path). */
function occurrences(text: string, id: string): number {
  const escaped = id.replace(/[/-]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\w/-])${escaped}(?![\\w/-])`, 'g'))].length;
}

// "flows" is read back as "fl ows" (a ligature splits the run): the overview's caption is matched without it.
const CAPTIONS = ['Overview: topology with ingress and egress', 'Network topology', 'Ingress paths (north-south, inbound)', 'Egress paths', 'Control-plane access'];

/** Pages that carry a diagram: their caption (the first words under the running header) names a view. */
function diagramPages(pages: Page[]): Page[] {
  return pages.filter((p) => {
    const top = p.words.filter((w) => w.y < p.height - 40 && w.y > p.height - 120).map((w) => w.text).join(' ');
    return CAPTIONS.some((c) => top.includes(c));
  });
}

/**
 * Pages left nearly empty: under a third of the body height used, unless the next page must start anew (a chapter:
 * a 17 pt title, or a diagram page); under a fifth in any case (the last page of the pack aside).
 */
function sparsePages(pages: Page[], diagramPageSet: Set<Page>): string[] {
  const body = (p: Page) => p.words.filter(inBody(p));
  return pages.slice(0, -1).flatMap((p, i) => {
    const words = body(p);
    const used = words.length ? (p.height - 40 - Math.min(...words.map((w) => w.y))) / (p.height - 80) : 0;
    if (used >= 0.35) return [];
    // Even before a page of its own a page holds more than a few lines: not a section's last lines alone.
    if (used < 0.2) return [`p${i + 1}: ${(used * 100).toFixed(0)} % used`];
    const next = pages[i + 1]!;
    const top = [...body(next)].sort((a, b) => b.y - a.y || a.x - b.x)[0];
    const chapter =
      !!top && (top.size >= 16 || /^\d+$/.test(top.text.trim()) || top.text.trim().startsWith('Appendix'));
    if (chapter || diagramPageSet.has(next)) return [];
    const then = body(next).slice(0, 4).map((w) => w.text).join(' ');
    return [`p${i + 1}: ${(used * 100).toFixed(0)} % used, then ${then}`];
  });
}

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('printed pack readability', () => {
  let session: PdfSession;
  let pages: Page[];
  let html: string;
  let pdf: Uint8Array;
  let ruleIds: string[];
  let examplesVm: ReportViewModel;
  let dir: string;
  const savedEpoch = process.env.SOURCE_DATE_EPOCH;

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    dir = mkdtempSync(join(tmpdir(), 'aksnet-readability-'));
    const { writeHubSpoke } = (await import(join(root, 'bench', 'designs.mjs'))) as {
      writeHubSpoke(dir: string, spokes: number): string;
    };
    const files = [...examples, writeHubSpoke(dir, 20)];
    const inputs = await prepareInputs({ files, asOf: '2026-11-23', config: false });
    const rules = (await loadRules()).map((r) => r.meta);
    ruleIds = rules.map((r) => r.id);
    session = await launch({ path: browserPath!, source: 'install path' });
    const vm = withBrowser(buildViewModel(inputs, { version: '0.0.0-test', rules, title: 'Readability' }), session.version);
    const examplesOnly = buildViewModel(inputs.slice(0, examples.length), { version: '0.0.0-test', rules });
    examplesVm = withBrowser(examplesOnly, session.version);
    html = renderHtml(vm, { paper: 'a4', medium: 'print' });
    pdf = await htmlToPdf(session, html, { paper: 'a4', title: vm.headerTitle, date: '2026-11-02' });
    pages = await readPdf(pdf);
  }, 600_000);

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = savedEpoch;
  });

  it('prints no word under 6 pt on any page', () => {
    expect(pages.length).toBeGreaterThan(50);
    const small = pages.flatMap((p, i) =>
      p.words.filter((w) => w.size < MIN_TEXT_PT - 0.05).map((w) => `p${i + 1} ${w.size.toFixed(2)}pt ${w.text}`),
    );
    expect(small.slice(0, 10)).toEqual([]);
    // The diagrams really are on the pages, as text (not dropped to pass the size check).
    const all = pages.flatMap((p) => p.words.map((w) => w.text)).join(' ');
    expect(all).toContain('spoke-20');
    // The 20-spoke views are drawn collapsed (each spoke shape once) and the spokes left out are listed.
    expect(all).toMatch(/\+ 19 more spokes like vnet-\s?spoke-1/);
    expect(all).toContain('Spokes drawn once');
    // The two-region example's control-plane view prints split per region: each part titled with its region.
    expect(all).toMatch(/Control-plane access\s*\(part 1 of \d+: Region westeurope[,:)]/);
    expect(all).toMatch(/Control-plane access\s*\(part \d+ of \d+: Region northeurope[,:)]/);
  });

  it('fills each diagram page: its words span most of the page width or height', () => {
    const dp = diagramPages(pages);
    // Seven examples and the 20-spoke design have 4 views each at most, and big ones take several pages.
    expect(dp.length).toBeGreaterThanOrEqual(28);
    const thin = dp.flatMap((p) => {
      const xs = p.words.map((w) => w.x);
      const xe = p.words.map((w) => w.x + w.width);
      const ys = p.words.map((w) => w.y);
      const spanX = (Math.max(...xe) - Math.min(...xs)) / (p.width - 2 * 40);
      const spanY = (Math.max(...ys) - Math.min(...ys)) / (p.height - 2 * 48);
      return spanX >= 0.7 || spanY >= 0.7 ? [] : [`${pages.indexOf(p) + 1}: ${spanX.toFixed(2)} × ${spanY.toFixed(2)}`];
    });
    expect(thin).toEqual([]);
  });

  it('leaves no page nearly empty: under a third only before a page that must start anew, never under a fifth', () => {
    expect(sparsePages(pages, new Set(diagramPages(pages)))).toEqual([]);
  });

  it("ends the seven examples' summary on a full page, not a few lines onto a page of its own", async () => {
    // The pack users print from examples/*.ts, cut to its cover, summary and appendix (without the rule catalogue):
    // the summary's last section once ran three lines onto a page before the first architecture.
    const cut: ReportViewModel = { ...examplesVm, architectures: [], appendix: { ...examplesVm.appendix, rules: [] } };
    const printed = await readPdf(
      await htmlToPdf(session, renderHtml(cut, { paper: 'a4', medium: 'print' }), { paper: 'a4', title: 'x' }),
    );
    const appendix = printed.findIndex((p) => p.words.some((w) => w.text.startsWith('Appendix') && w.size >= 16));
    // Cover, two pages of summary, the appendix.
    expect(sparsePages(printed, new Set())).toEqual([]);
    expect(appendix).toBe(3);
  });

  it('prints the 20-spoke overview collapsed, whole on one page', () => {
    const text = (p: Page) => p.words.map((w) => w.text).join(' ').replace(/\s+/g, ' ');
    // The caption under the running header ("flows" comes back as "fl ows": a ligature splits the run).
    const overviews = pages.filter((p) => caption(p).includes('Overview: topology with ingress and egress'));
    // One per example (the two-region one whole too, since the overview is framed 16:9 at 6 pt) and the 20-spoke
    // design's.
    expect(overviews.length).toBe(examples.length + 1);
    const spokes = overviews.filter((p) => /\+ 19 more spokes like vnet-\s?spoke-1/.test(text(p)));
    expect(spokes).toHaveLength(1);
    expect(text(spokes[0]!)).not.toMatch(/part \d+ of/);
  });

  it('starts no page with a footnote: the notes under a table or a list stay on the page where it ends', () => {
    // The footnotes: the IP plan's and each flow's notes, the notes under the context facts and the coverage table.
    const notes = [
      ...[...html.matchAll(/<ul class="notes[^"]*">([\s\S]*?)<\/ul>/g)].flatMap((m) =>
        [...m[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => bare(li[1]!)),
      ),
      ...[...html.matchAll(/<p class="muted small">([\s\S]*?)<\/p>/g)].map((m) => bare(m[1]!)),
    ];
    expect(notes.length).toBeGreaterThan(60);
    const orphans = pages.flatMap((p, i) => {
      const first = lines(p, inBody(p))[0] ?? '';
      const line = first.replace(/\s+/g, '');
      // A note's first line, or a long enough line from inside one (a short one could be a heading a note names).
      const isNote = notes.some(
        (n) => (line.length >= 12 && n.startsWith(line)) || (line.length >= 40 && n.includes(line)),
      );
      return isNote ? [`p${i + 1}: ${first}`] : [];
    });
    expect(orphans).toEqual([]);
    // The check finds notes where they are: each IP plan's first note starts a line somewhere.
    const firstNote = bare(/<ul class="notes small">\s*<li>([\s\S]*?)<\/li>/.exec(html)![1]!).slice(0, 30);
    expect(pages.some((p) => lines(p).some((l) => l.replace(/\s+/g, '').startsWith(firstNote)))).toBe(true);
  });

  it('never breaks a table right after its first row or right before its last (read from the tagged structure)', () => {
    const tables = taggedTables(pdf, pages.map((p) => p.ref));
    // Every table of the pack is found, and some of them do run over several pages.
    expect(tables.length).toBeGreaterThanOrEqual((html.match(/<table class="grid /g) ?? []).length);
    expect(tables.filter((rows) => new Set(rows.flatMap((r) => r.pages)).size > 1).length).toBeGreaterThan(5);
    expect(lonelyRowBreaks(tables)).toEqual([]);
  });

  it('never prints the rule coverage alone on a page: the accepted risks before it go along', () => {
    const body = (p: Page) => lines(p, inBody(p));
    const coverage = pages.filter((p) => body(p).includes('Rule coverage'));
    // One per architecture (the seven examples and the 20-spoke design).
    expect(coverage).toHaveLength(examples.length + 1);
    const alone = coverage.filter((p) => !body(p).includes('Accepted risks')).map((p) => `p${pages.indexOf(p) + 1}`);
    expect(alone).toEqual([]);
  });

  it("keeps a heading's introduction on the page where the table it introduces starts", () => {
    const { checked, parted } = introsPartedFromTables(pdf, pages.map((p) => p.ref));
    // Open questions and other sections open with a paragraph before their table, in most of the chapters.
    expect(checked).toBeGreaterThanOrEqual(7);
    expect(parted).toEqual([]);
  });

  it('keeps rule ids whole on one line: every one the HTML prints can be found in the PDF as often', () => {
    // The text a reader sees in the HTML: no styles, no diagrams (their text is checked above), no tags.
    const text = html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<svg\b[\s\S]*?<\/svg>/g, '')
      .replace(/<[^>]*>/g, ' ');
    const printed = pages.flatMap((p) => lines(p)).join('\n');
    expect(printed).toContain('ingress/plaintext-after-tls');
    const shown = ruleIds.filter((id) => occurrences(text, id) > 0);
    // The appendix lists the whole catalogue; the findings tables, accepted risks and coverage repeat some.
    expect(shown.length).toBe(ruleIds.length);
    expect(ruleIds.reduce((n, id) => n + occurrences(text, id), 0)).toBeGreaterThan(ruleIds.length + 50);
    const broken = shown.flatMap((id) => {
      const want = occurrences(text, id);
      const got = occurrences(printed, id);
      return got >= want ? [] : [`${id}: ${got} of ${want}`];
    });
    expect(broken).toEqual([]);
  });
});
