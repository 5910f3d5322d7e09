/**
 * The printed pack read back: every word on every page at 6 pt or more (the seven examples and a 20-spoke
 * design), diagram pages filled by their picture, rule ids whole on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../src/report/browser.js';
import { htmlToPdf, launch, type PdfSession } from '../../src/report/pdf.js';
import { renderHtml } from '../../src/report/html.js';
import { buildViewModel, withBrowser } from '../../src/report/view-model.js';
import { prepareInputs } from '../../src/report/pack.js';
import { loadRules } from '../../src/validate/registry.js';
import { MIN_TEXT_PT } from '../../src/diagram/page-fit.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(root, 'examples', f));

let browserPath: string | undefined;
try {
  browserPath = findBrowser(undefined, { ...process.env, AKSNET_BROWSER: '' }).path;
} catch {
  browserPath = undefined;
}

interface Word {
  text: string;
  size: number;
  x: number;
  y: number;
  width: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

async function readPdf(bytes: Uint8Array): Promise<Page[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: Page[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const [, , width, height] = p.view as [number, number, number, number];
    const words: Word[] = [];
    for (const it of (await p.getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const t = it.transform as number[];
      words.push({ text: it.str, size: Math.hypot(t[2]!, t[3]!), x: t[4]!, y: t[5]!, width: it.width });
    }
    pages.push({ width, height, words });
  }
  await doc.destroy();
  return pages;
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

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('printed pack readability', () => {
  let session: PdfSession;
  let pages: Page[];
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
    session = await launch({ path: browserPath!, source: 'install path' });
    const vm = withBrowser(buildViewModel(inputs, { version: '0.0.0-test', rules, title: 'Readability' }), session.version);
    const html = renderHtml(vm, { paper: 'a4', medium: 'print' });
    pages = await readPdf(await htmlToPdf(session, html, { paper: 'a4', title: vm.headerTitle, date: '2026-11-02' }));
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
    expect(all.replace(/\u200b/g, '')).toMatch(/\+ 19 more spokes like vnet-\s?spoke-1/);
    expect(all).toContain('Spokes drawn once');
    // The two-region example's control-plane view prints split per region: each part titled with its region.
    const flat = all.replace(/\u200b/g, '');
    expect(flat).toMatch(/Control-plane access\s*\(part 1 of \d+: Region westeurope[,:)]/);
    expect(flat).toMatch(/Control-plane access\s*\(part \d+ of \d+: Region northeurope[,:)]/);
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

  it('leaves no page nearly empty unless the next one must start on a page of its own', () => {
    // Body words: below the running header and above the footer.
    const body = (p: Page) => p.words.filter((w) => w.y < p.height - 40 && w.y > 40);
    const dp = new Set(diagramPages(pages));
    const sparse = pages.slice(0, -1).flatMap((p, i) => {
      const words = body(p);
      const used = words.length ? (p.height - 40 - Math.min(...words.map((w) => w.y))) / (p.height - 80) : 0;
      if (used >= 0.35) return [];
      const next = pages[i + 1]!;
      // A chapter (a 17 pt title: the summary, "3 <architecture title>", the appendix) and a diagram (a page of
      // its own) start a new page.
      const top = [...body(next)].sort((a, b) => b.y - a.y || a.x - b.x)[0];
      const chapter =
        !!top && (top.size >= 16 || /^\d+$/.test(top.text.trim()) || top.text.trim().startsWith('Appendix'));
      return chapter || dp.has(next) ? [] : [`p${i + 1}: ${(used * 100).toFixed(0)} % used, then ${body(next).slice(0, 4).map((w) => w.text).join(' ')}`];
    });
    expect(sparse).toEqual([]);
  });

  it('prints the 20-spoke overview collapsed, whole on one page', () => {
    const text = (p: Page) => p.words.map((w) => w.text).join(' ').replace(/\u200b/g, '').replace(/\s+/g, ' ');
    // The caption under the running header ("flows" comes back as "fl ows": a ligature splits the run).
    const caption = (p: Page) =>
      p.words.filter((w) => w.y < p.height - 40 && w.y > p.height - 120).map((w) => w.text).join(' ').replace(/\s+/g, ' ');
    const overviews = pages.filter((p) => caption(p).includes('Overview: topology with ingress and egress'));
    // One per example (the two-region one a page per region) and the 20-spoke design's.
    expect(overviews.length).toBe(examples.length + 2);
    const spokes = overviews.filter((p) => /\+ 19 more spokes like vnet-\s?spoke-1/.test(text(p)));
    expect(spokes).toHaveLength(1);
    expect(text(spokes[0]!)).not.toMatch(/part \d+ of/);
  });

  it('keeps rule ids whole on one line', () => {
    const runs = pages.flatMap((p) => p.words.map((w) => w.text));
    expect(runs.some((t) => t.includes('ingress/plaintext-after-tls'))).toBe(true);
    // No run ends in a rule-id prefix that the next line completes.
    expect(runs.filter((t) => /(^|\s)(ingress|egress|address|cni|lifecycle|reliability)\/[a-z-]*-$/.test(t))).toEqual([]);
  });
});
