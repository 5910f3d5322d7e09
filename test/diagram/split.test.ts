/**
 * Split of flow views for print: a multi-region view splits per region, a hub-spoke view per spoke; every node and
 * edge of the view is in at least one part, each part holds only its own units' paths, and the pack prints the parts
 * of a view too large for one page, titled with what they cover.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collapseView } from '../../src/diagram/collapse.js';
import { renderPackDiagrams } from '../../src/diagram/pack-views.js';
import { fitDiagram, smallestFontPx } from '../../src/diagram/page-fit.js';
import { partGraph, partTitle, splitUnits, type SplitUnit } from '../../src/diagram/split.js';
import { deriveView } from '../../src/diagram/views.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { ViewGraph } from '../../src/model/view-graph.js';
import type { Model } from '../../src/model/types.js';
import { normalize } from '../../src/normalize/normalize.js';
import { diagramPages, renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { prepareInputs } from '../../src/report/pack.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { loadRules } from '../../src/validate/registry.js';
// @ts-expect-error the bench generator is plain JavaScript
import { hubSpoke } from '../../bench/hub-spoke.mjs';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const FLOWS = ['ingress', 'egress', 'control-plane'] as const;

/** Parts of runs of `size` consecutive units, the first one taking the orphans, as the pack builds them. */
function parts(graph: ViewGraph, units: SplitUnit[], size: number): ViewGraph[] {
  const out: ViewGraph[] = [];
  for (let i = 0; i < units.length; i += size) out.push(partGraph(graph, units, units.slice(i, i + size), i === 0));
  return out;
}

/** What no part holds: node ids and edge ids of the view left out of every part. */
function lost(graph: ViewGraph, ps: ViewGraph[]) {
  const nodes = new Set(ps.flatMap((p) => p.nodes.map((n) => n.id)));
  const edges = new Set(ps.flatMap((p) => p.edges.map((e) => e.id)));
  return {
    nodes: graph.nodes.filter((n) => !nodes.has(n.id)).map((n) => n.id),
    edges: graph.edges.filter((e) => !edges.has(e.id)).map((e) => e.id),
  };
}

/** Every part is a well-formed graph: parents and edge ends are in it. */
function wellFormed(p: ViewGraph) {
  const ids = new Set(p.nodes.map((n) => n.id));
  expect(p.nodes.filter((n) => n.parent !== undefined && !ids.has(n.parent))).toEqual([]);
  expect(p.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to))).toEqual([]);
  expect((p.hints ?? []).filter((h) => !ids.has(h.from) || !ids.has(h.to))).toEqual([]);
}

describe('split of a two-region design', () => {
  let model: Model | undefined;
  const load = async () => (model ??= (await loadArchitecture(join(examples, 'g-two-region-stamps.ts'))).model);

  it('splits each flow view per region, losing no node or edge', async () => {
    const m = await load();
    for (const view of FLOWS) {
      const g = deriveView(m, view)!;
      const s = splitUnits(g, m)!;
      expect(s.by, view).toBe('region');
      expect(
        s.units.map((u) => u.name),
        view,
      ).toEqual(['Region westeurope', 'Region northeurope']);
      const ps = parts(g, s.units, 1);
      expect(lost(g, ps), view).toEqual({ nodes: [], edges: [] });
      ps.forEach(wellFormed);
      // Each part draws its own region box and not the other one.
      expect(ps[0]!.nodes.some((n) => n.id === 'region:westeurope')).toBe(true);
      expect(
        ps[0]!.nodes.some((n) => n.id === 'region:northeurope'),
        view,
      ).toBe(false);
      expect(
        ps[1]!.nodes.some((n) => n.id === 'region:westeurope'),
        view,
      ).toBe(false);
      // Both regions in one part: the whole view.
      const [both] = parts(g, s.units, 2);
      expect(both!.nodes.map((n) => n.id)).toEqual(g.nodes.map((n) => n.id));
      expect(both!.edges.map((e) => e.id)).toEqual(g.edges.map((e) => e.id));
    }
  });

  it('gives each region its own paths into destinations both stamps use, and its own administrators', async () => {
    const m = await load();
    const g = deriveView(m, 'egress')!;
    const [weu, neu] = parts(g, splitUnits(g, m)!.units, 1) as [ViewGraph, ViewGraph];
    const labels = (p: ViewGraph) => p.edges.map((e) => e.label ?? '');
    expect(labels(weu).some((l) => l.includes('aks-bookings-weu'))).toBe(true);
    expect(labels(weu).some((l) => l.includes('aks-bookings-neu'))).toBe(false);
    expect(labels(neu).some((l) => l.includes('aks-bookings-neu'))).toBe(true);
    expect(labels(neu).some((l) => l.includes('aks-bookings-weu'))).toBe(false);
    // The shared destinations and the internet are drawn in both parts.
    const dests = g.nodes.filter((n) => n.kind === 'egressDestination').map((n) => n.id);
    expect(dests.length).toBeGreaterThan(0);
    for (const p of [weu, neu]) for (const d of dests) expect(p.nodes.some((n) => n.id === d)).toBe(true);
    const cp = deriveView(m, 'control-plane')!;
    const [a, b] = parts(cp, splitUnits(cp, m)!.units, 1) as [ViewGraph, ViewGraph];
    const actors = (p: ViewGraph) => p.nodes.filter((n) => n.style === 'actor').map((n) => n.id);
    // Two actors per stamp (administrators, command invoke), none of the other stamp's.
    expect(actors(a)).toHaveLength(2);
    expect(actors(b)).toHaveLength(2);
    expect(actors(a).filter((x) => actors(b).includes(x))).toEqual([]);
  });

  it('titles parts with what they cover', () => {
    const u = (name: string): SplitUnit => ({ id: name, name, nodes: new Set(), edges: new Set() });
    expect(partTitle('region', [u('Region westeurope')])).toBe('Region westeurope');
    expect(partTitle('region', [u('Region a'), u('Region b'), u('Region c')])).toBe('Regions a, b and c');
    expect(partTitle('spoke', [u('vnet-spoke-1'), u('vnet-spoke-2')])).toBe('vnet-spoke-1 and vnet-spoke-2');
    expect(partTitle('spoke', [u('vnet-spoke-1'), u('x'), u('vnet-spoke-4')])).toBe('vnet-spoke-1 to vnet-spoke-4');
    expect(partTitle('cluster', [u('aks-a')])).toBe('cluster aks-a');
  });

  it('prints the control-plane view as one part per region, on no more pages than tiles', async () => {
    const m = await load();
    const [d] = await renderPackDiagrams(m, { views: ['control-plane'], metadata: false });
    const pages = (x: { svg: string; width: number; height: number }) =>
      fitDiagram(x.width, x.height, smallestFontPx(x.svg)).tiles.length;
    expect(pages(d!)).toBeGreaterThan(1);
    expect(d!.parts?.map((p) => p.title)).toEqual(['Region westeurope', 'Region northeurope']);
    expect(d!.parts!.reduce((a, p) => a + pages(p), 0)).toBeLessThanOrEqual(pages(d!));
    expect(d!.parts![0]!.svg).toContain('aks-bookings-weu');
    expect(d!.parts![0]!.svg).not.toContain('aks-bookings-neu');
  }, 120_000);
});

describe('a split view in the pack', () => {
  it('prints each part on pages of its own, captioned with what it covers; JSON names the parts', async () => {
    const [input] = await prepareInputs({
      files: [join(examples, 'g-two-region-stamps.ts')],
      asOf: '2026-11-23',
      config: false,
    });
    const rules = (await loadRules()).map((r) => r.meta);
    const vm = buildViewModel([input!], { version: '0.0.0-test', rules });
    const cp = vm.architectures[0]!.diagrams.find((d) => d.view === 'control-plane')!;
    expect(cp.parts?.map((p) => p.title)).toEqual(['Region westeurope', 'Region northeurope']);
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    const anchor = `${vm.architectures[0]!.anchor}-diagram-control-plane`;
    const start = html.indexOf(`id="${anchor}"`);
    const figures = html.slice(html.lastIndexOf('<figure', start)).split('</figure>');
    const parts = cp.parts!.map((p) => diagramPages(p.svgHtml, p.width, p.height, 'a4').length);
    const captions = figures.slice(0, parts[0]! + parts[1]!).map((f) => /<span class="part">\(([^)]*)\)/.exec(f)?.[1]);
    // Every page of the view is a page of one of its parts, in order, named after its region.
    expect(captions.filter((c) => c?.startsWith('part 1 of 2: Region westeurope'))).toHaveLength(parts[0]!);
    expect(captions.filter((c) => c?.startsWith('part 2 of 2: Region northeurope'))).toHaveLength(parts[1]!);
    // The whole picture is still the file beside the pack, named on the view's first page.
    expect(figures[0]).toContain(`pack-diagrams/${cp.fileName}`);
    const json = JSON.parse(renderJson(vm)) as { architectures: Array<{ diagrams: Array<{ parts?: unknown }> }> };
    const jcp = json.architectures[0]!.diagrams.find((d) => (d as { view?: string }).view === 'control-plane')!;
    expect(jcp.parts).toEqual(['Region westeurope', 'Region northeurope']);
  }, 300_000);
});

describe('split of a hub-spoke design', () => {
  const model = normalize(hubSpoke(6) as never).model;

  it('splits each flow view per spoke, in spoke order, losing no node or edge in runs of any length', () => {
    for (const view of FLOWS) {
      const g = deriveView(model, view)!;
      const s = splitUnits(g, model)!;
      expect(s.by, view).toBe('spoke');
      expect(
        s.units.map((u) => u.name),
        view,
      ).toEqual([1, 2, 3, 4, 5, 6].map((i) => `vnet-spoke-${i}`));
      for (const size of [1, 2, 4, 6]) {
        const ps = parts(g, s.units, size);
        expect(lost(g, ps), `${view} runs of ${size}`).toEqual({ nodes: [], edges: [] });
        ps.forEach(wellFormed);
      }
      // A part of one spoke draws no other spoke's VNet.
      const one = parts(g, s.units, 1)[2]!;
      const vnets = one.nodes.filter((n) => n.kind === 'vnet' && n.label.startsWith('vnet-spoke-'));
      expect(
        vnets.map((n) => n.label),
        view,
      ).toEqual(['vnet-spoke-3']);
    }
  });

  it('does not split a collapsed view whose spokes are all drawn as one', () => {
    for (const view of FLOWS) {
      const c = collapseView(deriveView(model, view)!, model);
      expect(c.groups.length, view).toBe(1);
      expect(splitUnits(c.graph, model), view).toBeUndefined();
    }
  });
});
