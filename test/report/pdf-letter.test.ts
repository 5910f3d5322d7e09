/**
 * The overview on US Letter paper, read back from the printed pack (issue #11 §3): each of the seven examples'
 * overview prints whole on one Letter landscape page (e's, 1278 px wide, and g's two regions, 1267 px, included:
 * Letter's 0.4 in diagram margins leave a 259 mm picture box), with no word on those pages under 6 pt. The pack is
 * the examples' pack on Letter with only the overviews kept, so the print stays short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBrowser } from '../helpers/browser.js';
import { htmlToPdf, launch, type PdfSession } from '../../src/report/pdf.js';
import { renderHtml } from '../../src/report/html.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { prepareInputs } from '../../src/report/pack.js';
import { MIN_TEXT_PT } from '../../src/diagram/page-fit.js';
import { loadRules } from '../../src/validate/registry.js';
import { caption, readPdf, type Page } from '../helpers/pdf-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(root, 'examples', f));

const browserPath = installedBrowser();

// "flows" is read back as "fl ows" (a ligature splits the run): matched without it.
const OVERVIEW = 'Overview: topology with ingress and egress';
/** Letter landscape in points. */
const LETTER_LANDSCAPE = [792, 612];

describe.skipIf(!browserPath && !process.env.AKSNET_REQUIRE_BROWSER)('the overview on US Letter paper', () => {
  let session: PdfSession;
  let pages: Page[];
  /** Per example (file order), the overview's full-size file name the caption of its first page names. */
  let fileNames: Map<string, string>;

  beforeAll(async () => {
    const inputs = await prepareInputs({ files: examples, asOf: '2026-11-23', config: false, paper: 'letter' });
    // The overview pages are what is checked: the other views are left out of the print.
    const overviews = inputs.map((i) => ({ ...i, diagrams: (i.diagrams ?? []).filter((d) => d.view === 'overview') }));
    const rules = (await loadRules()).map((r) => r.meta);
    const vm = buildViewModel(overviews, { version: '0.0.0-test', rules, title: 'Letter' });
    fileNames = new Map(
      vm.architectures.map((a, i) => [basename(examples[i]!), a.diagrams.find((d) => d.view === 'overview')!.fileName]),
    );
    session = await launch({ path: browserPath!, source: 'install path' });
    const html = renderHtml(vm, { paper: 'letter', medium: 'print', diagramDir: 'diagrams' });
    pages = await readPdf(await htmlToPdf(session, html, { paper: 'letter', title: vm.headerTitle, date: '2026-11-02' }));
  }, 600_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The overview pages of each design: from the page whose caption names its file, the pages of that picture. */
  const overviewPages = (): Map<string, Page[]> => {
    const out = new Map<string, Page[]>();
    let current: Page[] | undefined;
    for (const p of pages) {
      const cap = caption(p);
      const named = [...fileNames].find(([, file]) => cap.includes(`diagrams/${file}`));
      if (named) out.set(named[0], (current = []));
      else if (!cap.includes(OVERVIEW)) current = undefined;
      if (cap.includes(OVERVIEW)) current?.push(p);
    }
    return out;
  };

  it('prints each overview whole on one landscape page, the two-region g included', () => {
    const byDesign = overviewPages();
    expect([...byDesign.keys()].sort()).toEqual(examples.map((f) => basename(f)).sort());
    for (const [design, ps] of byDesign) {
      const captions = ps.map(caption);
      expect(ps.length, `${design}: ${captions.join(' | ')}`).toBe(1);
      // Whole: no tile, strip or region part of a picture.
      expect(captions[0], design).not.toMatch(/part \d+ of|strips/);
      expect([ps[0]!.width, ps[0]!.height].map(Math.round), design).toEqual(LETTER_LANDSCAPE);
    }
    // g's two regions on its one page.
    const g = byDesign.get('g-two-region-stamps.ts')![0]!.words.map((w) => w.text).join(' ');
    expect(g).toContain('Region westeurope');
    expect(g).toContain('Region northeurope');
  });

  it('prints no word under 6 pt on the overview pages, and the pictures are on them as text', () => {
    const byDesign = overviewPages();
    const small = [...byDesign].flatMap(([design, ps]) =>
      ps.flatMap((p) => p.words.filter((w) => w.size < MIN_TEXT_PT - 0.05).map((w) => `${design} ${w.size.toFixed(2)}pt ${w.text}`)),
    );
    expect(small.slice(0, 10)).toEqual([]);
    // e's overview, the widest (1278 px), is on its page: the picture's boxes, its legend's last step and notes.
    const e = byDesign.get('e-istio-mesh.ts')!.flatMap((p) => p.words.map((w) => w.text)).join(' ');
    expect(e).toContain('Shoppers');
    expect(e).toMatch(/NAT gateway ng-hub-fw-frc/);
    expect(e).toContain('Not numbered');
  });
});
