/**
 * Flow views printed in parts, read back from the PDF: the two-region example's and the 20-spoke design's ingress,
 * egress and control-plane views print without page tiles (each part a picture of its own on one page, captioned
 * with what it covers), every word at 6 pt or more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { caption, readPdf, type Page } from '../helpers/pdf-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const browserPath = installedBrowser();

const VIEWS = {
  topology: 'Network topology',
  ingress: 'Ingress paths (north-south, inbound)',
  egress: 'Egress paths (north-south, outbound)',
  'control-plane': 'Control-plane access',
} as const;
type View = keyof typeof VIEWS;

/** The caption of a diagram page (the words under the running header), without zero-width spaces. */
const captionOf = (p: Page) => caption(p).replace(/\u200b/g, '');

/** The captions of each view's pages, in page order. */
function captions(pages: Page[]): Record<View, string[]> {
  const out = { topology: [], ingress: [], egress: [], 'control-plane': [] } as Record<View, string[]>;
  for (const p of pages) {
    const c = captionOf(p);
    for (const [view, title] of Object.entries(VIEWS) as Array<[View, string]>) {
      // The part named right after the title, "(part 1 of 2: vnet-hub)"; none for a picture on one page.
      if (c.includes(title))
        out[view].push(/^ \((part \d+ of \d+[^)]*)\)/.exec(c.slice(c.indexOf(title) + title.length))?.[1] ?? '');
    }
  }
  return out;
}

/** A tile of a picture cut for print: "part 2 of 3, centre" or "part 1 of 2: …, page 2 of 3, right". */
const TILE = /^part \d+ of \d+, |, page \d+ of \d+/;

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('flow views printed in parts', () => {
  let session: PdfSession;
  let dir: string;
  const packs = new Map<string, Page[]>();
  const savedEpoch = process.env.SOURCE_DATE_EPOCH;

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    dir = mkdtempSync(join(tmpdir(), 'aksnet-pack-parts-'));
    const { writeHubSpoke } = (await import(join(root, 'bench', 'designs.mjs'))) as {
      writeHubSpoke(dir: string, spokes: number): string;
    };
    const rules = (await loadRules()).map((r) => r.meta);
    session = await launch({ path: browserPath!, source: 'install path' });
    const designs = { g: join(root, 'examples', 'g-two-region-stamps.ts'), spokes20: writeHubSpoke(dir, 20) };
    for (const [name, file] of Object.entries(designs)) {
      const inputs = await prepareInputs({ files: [file], asOf: '2026-11-23', config: false });
      const vm = withBrowser(buildViewModel(inputs, { version: '0.0.0-test', rules, title: name }), session.version);
      const html = renderHtml(vm, { paper: 'a4', medium: 'print' });
      packs.set(name, await readPdf(await htmlToPdf(session, html, { paper: 'a4', title: name, date: '2026-11-02' })));
    }
  }, 600_000);

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = savedEpoch;
  });

  it('prints no word under 6 pt', () => {
    for (const [name, pages] of packs) {
      const small = pages.flatMap((p, i) =>
        p.words
          .filter((w) => w.size < MIN_TEXT_PT - 0.05)
          .map((w) => `${name} p${i + 1} ${w.size.toFixed(2)}pt ${w.text}`),
      );
      expect(small.slice(0, 10)).toEqual([]);
    }
  });

  it("prints the two-region example's flow views per region and route, without tiles", () => {
    const c = captions(packs.get("g")!);
    // Each region's one ingress path on one page, wrapped in strips; its egress in the way out and the destinations.
    expect(c.ingress).toEqual([
      'part 1 of 2: Region westeurope, in 2 strips, read left to right',
      'part 2 of 2: Region northeurope, in 2 strips, read left to right',
    ]);
    expect(c.egress).toHaveLength(4);
    expect(c.egress.slice(0, 2).every((t) => t.includes('Region westeurope:'))).toBe(true);
    expect(c.egress.slice(2).every((t) => t.includes('Region northeurope:'))).toBe(true);
    expect(c['control-plane'].length).toBeGreaterThanOrEqual(2);
    for (const view of ['ingress', 'egress', 'control-plane'] as const) {
      expect(
        c[view].filter((t) => TILE.test(t)),
        view,
      ).toEqual([]);
    }
    // The topology prints per region (each region still wider than a page: its tiles are cut between boxes).
    expect(c.topology.every((t) => /Region (westeurope|northeurope)/.test(t))).toBe(true);
  });

  it("prints the 20-spoke design's collapsed flow views without tiles, the hub of its topology on one page", () => {
    const pages = packs.get('spokes20')!;
    const c = captions(pages);
    // Ingress on one page; egress in two runs of hops, each whole on its page (no strips: a run is drawn top-down
    // when left to right it would print in strips).
    expect(c.ingress).toEqual(['']);
    expect(c.egress).toHaveLength(2);
    expect(c.egress[0]).toMatch(/^part 1 of 2: hops? 1( to \d)? of 4$/);
    expect(c.egress[1]).toMatch(/^part 2 of 2: hops? \d( to 4)? of 4$/);
    expect(c['control-plane']).toEqual(['']);
    expect(c.topology[0]).toBe('part 1 of 2: vnet-hub');
    expect(c.topology.slice(1).every((t) => t.startsWith('part 2 of 2: vnet-spoke-1'))).toBe(true);
    expect(c.topology.length).toBeGreaterThanOrEqual(2);
    // The note for the spokes left out is printed, on a page of the flow views and of the topology.
    const text = (p: Page) =>
      p.words
        .map((w) => w.text)
        .join(' ')
        .replace(/\u200b/g, '');
    const noted = pages.filter((p) => /\+ 19 more spokes like vnet-\s?spoke-1/.test(text(p))).map(captionOf);
    for (const title of Object.values(VIEWS))
      expect(
        noted.some((t) => t.includes(title)),
        title,
      ).toBe(true);
  });
});
