/**
 * The overview on its one printed page (issue #11 §3): for each of the seven examples, the whole overview (the
 * two-region g's included) is framed 16:9 and prints on one A4 landscape page at 6 pt or more (the page-fit
 * measure, `onePageTextPt`), in the pack and standalone. A multi-region design whose whole does not (g with a third
 * stamp, `test/fixtures/three-region-stamps.ts`) is printed one region a page, each page with every part and every
 * step of its region exactly once; the 20-spoke design's overview is collapsed with its steps and prints on one
 * page. Every picture is checked for well-formed XML, no overlapping sibling boxes and every edge routed.
 */
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { stepNumbers } from '../helpers/svg-steps.js';
import { isSixteenByNine } from '../helpers/frame.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveView } from '../../src/diagram/index.js';
import { overview, overviewRegions, regionOverviews } from '../../src/diagram/overview.js';
import { collapseOverview, standaloneRegionPages } from '../../src/diagram/overview-pack.js';
import { renderPackDiagrams, type PackDiagram } from '../../src/diagram/pack-views.js';
import { MIN_TEXT_PT, onePageTextPt, pictureBox, smallestFontPx } from '../../src/diagram/page-fit.js';
import { renderView, type ViewRender } from '../../src/diagram/pipeline.js';
import type { ViewGraph } from '../../src/diagram/graph.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Box } from '../../src/model/diagram-target.js';
import type { Model } from '../../src/model/types.js';
import { ModelQuery } from '../../src/model/query.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { prepareInputs } from '../../src/report/pack.js';
import { buildViewModel } from '../../src/report/view-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = join(root, 'examples');
const files = readdirSync(examplesDir).filter((f) => f.endsWith('.ts')).sort();
const box = pictureBox('a4', 'landscape');
/** g with a third regional stamp: its whole overview is too large for one page, its region pages are not. */
const THREE = 'three-region-stamps';
const threeRegions = join(root, 'test', 'fixtures', `${THREE}.ts`);

const pt = (d: { svg: string; width: number; height: number }) => onePageTextPt(d.width, d.height, smallestFontPx(d.svg), box);

/** The pictures the pack prints of one design's overview: the region pages, else the one (maybe collapsed) picture. */
const printed = (d: PackDiagram) => (d.parts?.length ? d.parts : [d]);

const models = new Map<string, Model>();
const packs = new Map<string, PackDiagram>();
let dir: string;

beforeAll(async () => {
  for (const f of files) {
    const model = (await loadArchitecture(join(examplesDir, f))).model;
    models.set(f, model);
    const [d] = await renderPackDiagrams(model, { views: ['overview'], metadata: false });
    packs.set(f, d!);
  }
  const three = (await loadArchitecture(threeRegions)).model;
  models.set(THREE, three);
  packs.set(THREE, (await renderPackDiagrams(three, { views: ['overview'], metadata: false }))[0]!);
  dir = mkdtempSync(join(tmpdir(), 'aksnet-overview-fit-'));
  const { writeHubSpoke } = (await import(join(root, 'bench', 'designs.mjs'))) as { writeHubSpoke(d: string, n: number): string };
  const model = (await loadArchitecture(writeHubSpoke(dir, 20))).model;
  models.set('20-spoke', model);
  const [d] = await renderPackDiagrams(model, { views: ['overview'], metadata: false });
  packs.set('20-spoke', d!);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sortedSteps = (svg: string, cls: string): number[] => stepNumbers(svg, cls).sort((a, b) => a - b);

const overlaps = (a: Box, b: Box) =>
  a.x + 0.6 < b.x + b.width && b.x + 0.6 < a.x + a.width && a.y + 0.6 < b.y + b.height && b.y + 0.6 < a.y + a.height;

/** Well-formed, no two sibling boxes on each other, every edge routed, every step once on lines and in the legend. */
function checkPicture(name: string, graph: ViewGraph, r: ViewRender): void {
  expect(XMLValidator.validate(r.svg), name).toBe(true);
  const byParent = new Map<string, string[]>();
  for (const n of graph.nodes) byParent.set(n.parent ?? '', [...(byParent.get(n.parent ?? '') ?? []), n.id]);
  for (const ids of byParent.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        expect(overlaps(r.layout.nodes.get(ids[i]!)!, r.layout.nodes.get(ids[j]!)!), `${name}: ${ids[i]} / ${ids[j]}`).toBe(false);
  for (const e of graph.edges) expect(r.layout.edges.get(e.id)?.points.length ?? 0, `${name}: ${e.id} routed`).toBeGreaterThanOrEqual(2);
  const n = graph.steps?.length ?? 0;
  const oneToN = Array.from({ length: n }, (_, i) => i + 1);
  expect(sortedSteps(r.svg, 'step-badge'), `${name} numbers on lines`).toEqual(oneToN);
  expect(sortedSteps(r.svg, 'step'), `${name} numbers in the legend`).toEqual(oneToN);
}

describe('the overview on one A4 landscape page', () => {
  it('prints every example whole on one page at 6 pt or more, framed 16:9', () => {
    for (const f of files) {
      const d = packs.get(f)!;
      // Whole: not cut per region (g's two regions included) nor collapsed.
      expect(d.parts, f).toBeUndefined();
      expect(d.collapsed, f).toBeUndefined();
      expect(pt(d), `${f} ${d.width} x ${d.height}`).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      expect(isSixteenByNine(d), `${f} ${d.width} x ${d.height}`).toBe(true);
    }
  });

  it('cuts a multi-region design whose whole does not fit one page per region, each page framed 16:9', () => {
    const d = packs.get(THREE)!;
    const regions = overviewRegions(models.get(THREE)!);
    expect(regions).toEqual(['westeurope', 'northeurope', 'swedencentral']);
    expect(d.parts?.map((r) => r.title)).toEqual(regions.map((r) => `Region ${r}`));
    // The whole overview (written beside the pack) is the one that does not fit.
    expect(pt(d)).toBeLessThan(MIN_TEXT_PT);
    for (const p of d.parts!) {
      expect(pt(p), p.title).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      expect(isSixteenByNine(p), p.title).toBe(true);
    }
  });
});

describe('the standalone overview (aksnet diagram, with its title block) on one A4 landscape page', () => {
  it('prints every example whole at 6 pt or more, with no region pages; a design whose whole does not, per region', async () => {
    for (const f of files) {
      const model = models.get(f)!;
      const whole = await renderView(model, deriveView(model, 'overview')!, {});
      expect(pt(whole), `${f} ${whole.width} x ${whole.height}`).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      expect(await standaloneRegionPages(model, whole, {}), f).toEqual([]);
    }
    const model = models.get(THREE)!;
    const whole = await renderView(model, deriveView(model, 'overview')!, {});
    expect(pt(whole)).toBeLessThan(MIN_TEXT_PT);
    const pages = await standaloneRegionPages(model, whole, {});
    expect(pages.map((p) => p.region)).toEqual(overviewRegions(model));
    for (const p of pages) expect(pt(p), p.region).toBeGreaterThanOrEqual(MIN_TEXT_PT);
  }, 300_000);

  it('is framed 16:9, whole, per region and as printed, and shows 6.5 pt or more on a 16:9 slide', async () => {
    // PowerPoint's default 16:9 slide, 13.333 × 7.5 in: a 16:9 picture fills it edge to edge.
    const slide = { width: 13.333 * 25.4, height: 7.5 * 25.4 };
    for (const f of [...files, THREE]) {
      const model = models.get(f)!;
      const whole = await renderView(model, deriveView(model, 'overview')!, {});
      const pages = await standaloneRegionPages(model, whole, {});
      for (const d of [whole, ...pages, ...printed(packs.get(f)!)]) {
        expect(isSixteenByNine(d), `${f} ${d.title} ${d.width} x ${d.height}`).toBe(true);
      }
      for (const d of f === THREE ? pages : [whole]) {
        expect(onePageTextPt(d.width, d.height, smallestFontPx(d.svg), slide), `${f} slide`).toBeGreaterThanOrEqual(6.5);
      }
    }
  }, 300_000);
});

describe('the overview per region', () => {
  const g = 'g-two-region-stamps.ts';
  const REGIONS = ['westeurope', 'northeurope', 'swedencentral'];
  const REGION_TITLES = REGIONS.map((r) => `Region ${r}`);
  const VNETS = ['vnet-bookings-weu', 'vnet-bookings-neu', 'vnet-bookings-swc'];

  it('keeps every part of its region and every step of its paths exactly once per page, and nothing else', async () => {
    const model = models.get(g)!;
    const q = new ModelQuery(model);
    const whole = deriveView(model, 'overview')!;
    const pages = regionOverviews(model);
    expect(pages.map((p) => p.region)).toEqual(['westeurope', 'northeurope']);
    for (const { region, graph } of pages) {
      const r = await renderView(model, graph, { metadata: false });
      checkPicture(`${g} ${region}`, graph, r);
      expect(pt(r), region).toBeGreaterThanOrEqual(MIN_TEXT_PT);
      const ids = graph.nodes.map((n) => n.id);
      expect(new Set(ids).size, region).toBe(ids.length);
      // Every box of the whole overview that belongs to this region is here; none of the other region's is.
      const regionOf = (id: string): string | undefined => {
        const res = q.get(id);
        if (!res) return undefined;
        if (res.kind === 'vnet' || res.kind === 'cluster') return res.region;
        if (res.kind === 'subnet') return q.getAs(res.vnet, 'vnet')?.region;
        return res.parent ? regionOf(res.parent) : undefined;
      };
      for (const n of whole.nodes) {
        const at = n.element ? regionOf(n.element) : undefined;
        if (at === region) expect(ids, `${region} keeps ${n.id}`).toContain(n.id);
        if (at !== undefined && at !== region) expect(ids, `${region} leaves out ${n.id}`).not.toContain(n.id);
      }
      // The global entry (Front Door) is on every page, with its line into this region.
      const fd = q.all('frontDoor')[0]!;
      expect(ids).toContain(fd.id);
      // Every segment of this region's paths is one step, in path order, each number once.
      const paths = model.ingressPaths.filter((p) => regionOf(p.cluster!) === region);
      expect(paths.length).toBeGreaterThan(0);
      const drawn = graph.steps!.filter((s) => s.flow === 'ingress').flatMap((s) => s.edges);
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const p of paths) for (const e of p.edges) expect(drawn, `${region} ${p.name} ${e}`).toContain(e);
      // A step of another region's path is not on this page.
      for (const p of model.ingressPaths.filter((x) => !paths.includes(x)))
        for (const e of p.edges.filter((id) => !paths.some((x) => x.edges.includes(id)))) expect(drawn).not.toContain(e);
      const egress = model.egressPaths.filter((p) => regionOf(p.cluster) === region).flatMap((p) => p.edges);
      expect(graph.steps!.filter((s) => s.flow === 'egress').flatMap((s) => s.edges).sort()).toEqual([...new Set(egress)].sort());
    }
  }, 120_000);

  it('prints a page per region in the PDF pack, captioned with its region, the whole overview beside', async () => {
    const inputs = await prepareInputs({ files: [threeRegions], config: false, asOf: '2026-11-23' });
    const vm = buildViewModel(inputs, { version: '0.0.0-test', rules: [] });
    const d = vm.architectures[0]!.diagrams.find((x) => x.view === 'overview')!;
    expect(d.parts?.map((r) => r.title)).toEqual(REGION_TITLES);
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    const figures = [...html.matchAll(/<figure class="diagram diagram-page[^"]*"[^>]*>[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    const overviews = figures.filter((f) => f.includes('Overview: topology'));
    expect(overviews).toHaveLength(3);
    for (const [i, t] of REGION_TITLES.entries()) expect(overviews[i]).toContain(`(part ${i + 1} of 3: ${t})`);
    VNETS.forEach((own, i) => {
      for (const v of VNETS) {
        if (v === own) expect(overviews[i]).toContain(`data-element="vnet:${v}"`);
        else expect(overviews[i]).not.toContain(`data-element="vnet:${v}"`);
      }
    });
    expect(overviews[0]).toContain(`pack-diagrams/${d.fileName}`);
    // The JSON pack keeps the whole overview and names the printed parts only.
    const json = JSON.parse(renderJson(vm)) as { architectures: Array<{ diagrams: Array<{ view: string; parts?: unknown }> }> };
    expect(json.architectures[0]!.diagrams.find((x) => x.view === 'overview')!.parts).toEqual(REGION_TITLES);
  }, 120_000);

  it('prints the two-region g whole on one page of the PDF pack, with no region pages', async () => {
    const inputs = await prepareInputs({ files: [join(examplesDir, g)], config: false, asOf: '2026-11-23' });
    const vm = buildViewModel(inputs, { version: '0.0.0-test', rules: [] });
    const d = vm.architectures[0]!.diagrams.find((x) => x.view === 'overview')!;
    expect(d.parts).toBeUndefined();
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    const figures = [...html.matchAll(/<figure class="diagram diagram-page[^"]*"[^>]*>[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    const overviews = figures.filter((f) => f.includes('Overview: topology'));
    expect(overviews).toHaveLength(1);
    expect(overviews[0]).not.toContain('(part ');
    expect(overviews[0]).toContain('data-element="vnet:vnet-bookings-weu"');
    expect(overviews[0]).toContain('data-element="vnet:vnet-bookings-neu"');
  }, 120_000);

  it('shows the region pages after the whole overview on screen and in Markdown, each full width and at 1:1', async () => {
    const inputs = await prepareInputs({ files: [threeRegions], config: false, asOf: '2026-11-23' });
    const vm = buildViewModel(inputs, { version: '0.0.0-test', rules: [] });
    const a = vm.architectures[0]!;
    const d = a.diagrams.find((x) => x.view === 'overview')!;
    const html = renderHtml(vm);
    const figures = [...html.matchAll(/<figure class="diagram diagram-screen[^"]*" id="([^"]+)">[\s\S]*?<\/figure>/g)];
    const overviews = figures.filter((f) => f[0].includes('Overview: topology'));
    // The whole overview, then one picture per region, in region order, each with its own 1:1 view.
    expect(overviews.map((f) => f[1])).toEqual([
      `${a.anchor}-diagram-overview`,
      `${a.anchor}-diagram-overview-part-1`,
      `${a.anchor}-diagram-overview-part-2`,
      `${a.anchor}-diagram-overview-part-3`,
    ]);
    expect(new Set(figures.map((f) => f[1])).size).toBe(figures.length);
    const [whole, ...pages] = overviews.map((f) => f[0]);
    expect(whole).not.toContain('(part ');
    for (const [i, t] of REGION_TITLES.entries()) expect(pages[i]).toContain(`(part ${i + 1} of 3: ${t})`);
    for (const f of [whole!, ...pages]) {
      expect(f).toContain('<details class="zoom">');
      expect(f).toMatch(/<svg\b[^>]*\swidth="[\d.]+"/);
      expect(f).toMatch(/<svg\b[^>]*\sviewBox="[\d. ]+"/);
    }
    for (const v of VNETS) expect(whole).toContain(`data-element="vnet:${v}"`);
    VNETS.forEach((own, i) => {
      for (const v of VNETS) {
        if (v === own) expect(pages[i]).toContain(`data-element="vnet:${v}"`);
        else expect(pages[i]).not.toContain(`data-element="vnet:${v}"`);
      }
    });

    // Markdown: the region SVGs are written beside the pack and embedded after the whole overview, in order.
    const res = renderMarkdown(vm, 'diagrams');
    const names = d.parts!.map((p) => p.fileName);
    expect(names).toEqual(REGIONS.map((r) => `${a.slug}-overview-region-${r}.svg`));
    const at = (name: string) => res.markdown.indexOf(`](diagrams/${name})`);
    expect(at(d.fileName)).toBeGreaterThan(0);
    expect(at(names[0]!)).toBeGreaterThan(at(d.fileName));
    expect(at(names[1]!)).toBeGreaterThan(at(names[0]!));
    expect(at(names[2]!)).toBeGreaterThan(at(names[1]!));
    expect(res.markdown).toContain('Overview: topology with ingress and egress flows (part 1 of 3: Region westeurope)');
    for (const [i, name] of names.entries()) {
      const file = res.files.find((f) => f.path === `diagrams/${name}`);
      expect(file?.content, name).toBe(d.parts![i]!.svgHtml);
      expect(XMLValidator.validate(file!.content), name).toBe(true);
    }
    expect(new Set(res.files.map((f) => f.path)).size).toBe(res.files.length);
  }, 120_000);

  it('gives a single-region design no region pages, and a region with nothing of its own nothing to draw', () => {
    expect(regionOverviews(models.get('a-hub-spoke-baseline.ts')!)).toEqual([]);
    expect(overview(models.get(g)!, { region: 'eastus' })?.nodes.some((n) => n.style === 'vnet')).toBeFalsy();
  });
});

describe('the 20-spoke overview, collapsed with its steps', () => {
  it('prints on one page: one spoke drawn with its steps, "+ 19 more spokes like vnet-spoke-1"', async () => {
    const d = packs.get('20-spoke')!;
    expect(d.collapsed?.spokes).toBe(20);
    expect(d.collapsed?.groups.map((x) => x.note)).toEqual(['+ 19 more spokes like vnet-spoke-1']);
    expect(d.collapsed?.groups[0]!.members.map((x) => x.name)).toEqual(Array.from({ length: 19 }, (_, i) => `vnet-spoke-${i + 2}`));
    expect(pt(d)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(d.full?.svg).toBeDefined();
    expect(pt({ svg: d.full!.svg!, width: d.full!.width!, height: d.full!.height! })).toBeLessThan(MIN_TEXT_PT);
    const model = models.get('20-spoke')!;
    const folded = collapseOverview(deriveView(model, 'overview')!, model)!;
    checkPicture('20-spoke', folded.graph, await renderView(model, folded.graph, { metadata: false }));
    // The drawn spoke's four ingress hops and its step into the route table, then the two shared hub steps.
    expect(folded.graph.steps!.map((s) => s.flow)).toEqual(['ingress', 'ingress', 'ingress', 'ingress', 'egress', 'egress', 'egress']);
    expect(folded.graph.steps!.every((s) => !/aks-2\b|agw-2\b/.test(s.text.replace(/shared by .*$/, '')))).toBe(true);
    // The generated design links the Key Vault zone to the hub only, where the spokes resolve on Azure DNS.
    expect(folded.graph.notes).toEqual([expect.stringMatching(/^Private Link: aks-1 resolves kv-spoke-1 to the public address/)]);
  }, 120_000);

  it('keeps a spoke whose steps say something else drawn with its own steps', () => {
    const model = structuredClone(models.get('20-spoke')!);
    // Spoke 7's Application Gateway passes TLS through instead of re-encrypting: one word of one step differs.
    const path = model.ingressPaths.find((p) => p.name === 'app-7')!;
    path.hops[0]!.tls = 'passthrough';
    const folded = collapseOverview(overview(model)!, model)!;
    const drawn = new Set(folded.graph.nodes.map((n) => n.id));
    expect(drawn.has('vnet:vnet-spoke-7')).toBe(true);
    expect(folded.groups[0]!.members.map((m) => m.name)).not.toContain('vnet-spoke-7');
    expect(folded.graph.steps!.some((s) => s.text.includes('agw-7 (passes TLS through'))).toBe(true);
  });
});
