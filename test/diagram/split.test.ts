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
import { cutObstacles, fitDiagram, smallestFontPx } from '../../src/diagram/page-fit.js';
import {
  endPieces,
  hopPieces,
  startPieces,
  partGraph,
  partTitle,
  pieceGraph,
  pieceTitle,
  splitUnits,
  DNS_ZONES,
  subnetTitle,
  subnetUnits,
  type FlowPiece,
  type SplitUnit,
} from '../../src/diagram/split.js';
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
import { validateFile } from '../../src/validate/run-files.js';
import { isActive } from '../../src/validate/finding.js';
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

  it('prints the control-plane view per region, each part whole on one page and more than one edge', async () => {
    const m = await load();
    const [d] = await renderPackDiagrams(m, { views: ['control-plane'], metadata: false });
    const fit = (x: { svg: string; width: number; height: number }) =>
      fitDiagram(x.width, x.height, smallestFontPx(x.svg), 'a4', cutObstacles(x.svg));
    expect(fit(d!).pages.length).toBeGreaterThan(1);
    const parts = d!.parts!;
    const regions = parts.map((p) => p.title.split(':')[0]);
    // Each region's parts before the next region's.
    expect([...new Set(regions)]).toEqual(['Region westeurope', 'Region northeurope']);
    expect(regions.indexOf('Region northeurope')).toBe(regions.lastIndexOf('Region westeurope') + 1);
    // Every part whole on one page: no tiles, no strips wrapped onto the page (before: each region's "hops 2 to 3
    // of 3" in two strips).
    expect(parts.filter((p) => fit(p).tiles.length > 1).map((p) => p.title)).toEqual([]);
    // No part is one edge between two boxes (before: "hop 1 of 3: to Azure Resource Manager", "… to bas-…").
    expect(parts.filter((p) => edgesIn(p.svg) < 2).map((p) => p.title)).toEqual([]);
    // Fewer pages than the eight of the cut by hops and ends: each region's access paths in two pictures.
    expect(parts.length).toBe(4);
    // The administrators' way (Bastion, the ops VM, the API server) is drawn whole in one part.
    const admins = parts.filter((p) => p.svg.includes('>Administrators<'));
    expect(admins).toHaveLength(2);
    for (const p of admins) for (const box of ['bastion:', 'jumpBox:', 'apiServer:']) expect(p.svg).toContain(`data-id="${box}`);
    expect(parts[0]!.svg).toContain('aks-bookings-weu');
    expect(parts[0]!.svg).not.toContain('data-id="cluster:aks-bookings-neu"');
  }, 120_000);
});

/** How many edges an SVG drawn by aksnet draws. */
const edgesIn = (svg: string) => [...svg.matchAll(/<g [^>]*class="edge /g)].length;

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
    const titles = cp.parts!.map((p) => p.title);
    expect(titles[0]).toMatch(/^Region westeurope\b/);
    expect(titles[titles.length - 1]).toMatch(/^Region northeurope\b/);
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    const anchor = `${vm.architectures[0]!.anchor}-diagram-control-plane`;
    const start = html.indexOf(`id="${anchor}"`);
    const figures = html.slice(html.lastIndexOf('<figure', start)).split('</figure>');
    const parts = cp.parts!.map((p) => diagramPages(p.svgHtml, p.width, p.height, 'a4').length);
    const total = parts.reduce((a, b) => a + b, 0);
    const captions = figures.slice(0, total).map((f) => /<span class="part">\(([^)]*)\)/.exec(f)?.[1]);
    // Every page of the view is a page of one of its parts, in order, named after what it covers.
    const expected = titles.flatMap((t, i) =>
      Array.from({ length: parts[i]! }, () => `part ${i + 1} of ${titles.length}: ${t}`),
    );
    expect(captions.map((c) => c?.replace(/, page \d+ of \d+$/, '').replace(/, in \d+ strips, read [a-z ]+$/, ''))).toEqual(expected);
    // The whole picture is still the file beside the pack, named on the view's first page.
    expect(figures[0]).toContain(`pack-diagrams/${cp.fileName}`);
    const json = JSON.parse(renderJson(vm)) as { architectures: Array<{ diagrams: Array<{ parts?: unknown }> }> };
    const jcp = json.architectures[0]!.diagrams.find((d) => (d as { view?: string }).view === 'control-plane')!;
    expect(jcp.parts).toEqual(titles);
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

/** Pieces in runs of `size`, the first run taking what no piece holds, as the pack draws them. */
function pieceParts(graph: ViewGraph, pieces: FlowPiece[], size: number): ViewGraph[] {
  const out: ViewGraph[] = [];
  for (let i = 0; i < pieces.length; i += size) {
    out.push(pieceGraph(graph, pieces, pieces.slice(i, i + size), i === 0));
  }
  return out;
}

/** Whether a picture prints on one page at 6 pt (whole, or a strip wrapped onto it), as the pack prints it. */
const onePage = (x: { svg: string; width: number; height: number }) =>
  fitDiagram(x.width, x.height, smallestFontPx(x.svg), 'a4', cutObstacles(x.svg)).pages.length === 1;

describe('a region too large for one page, cut by the routes to each end and by runs of hops', () => {
  let model: Model | undefined;
  const load = async () => (model ??= (await loadArchitecture(join(examples, 'g-two-region-stamps.ts'))).model);

  it('loses no node or edge of a region part, in runs of any length', async () => {
    const m = await load();
    for (const view of FLOWS) {
      const g = deriveView(m, view)!;
      const s = splitUnits(g, m)!;
      for (const region of parts(g, s.units, 1)) {
        const ends = endPieces(region);
        const hops = hopPieces(region)!;
        expect(hops.length, view).toBeGreaterThanOrEqual(2);
        for (const [name, pieces] of [['ends', ends], ['hops', hops]] as const) {
          for (const size of [1, 2, 3, pieces.length]) {
            const ps = pieceParts(region, pieces, size);
            expect(lost(region, ps), `${view} ${name} runs of ${size}`).toEqual({ nodes: [], edges: [] });
            ps.forEach(wellFormed);
          }
        }
      }
    }
  });

  it('cuts one ingress path into consecutive hops that meet at one box', async () => {
    const m = await load();
    const g = deriveView(m, 'ingress')!;
    const [weu] = parts(g, splitUnits(g, m)!.units, 1) as [ViewGraph];
    // One path: one end (the workload), so only runs of hops can cut it.
    expect(endPieces(weu).map((p) => p.name)).toEqual(['bookings-api (bookings)']);
    const hops = hopPieces(weu)!;
    expect(hops.map((h) => h.name)).toEqual(['1', '2', '3', '4', '5']);
    expect(hops.map((h) => [...h.edges])).toEqual(weu.edges.map((e) => [e.id]));
    const [a, b] = [pieceGraph(weu, hops, hops.slice(0, 2), true), pieceGraph(weu, hops, hops.slice(2))];
    const leaves = (p: ViewGraph) => p.nodes.filter((n) => !weu.nodes.some((x) => x.parent === n.id));
    const ids = (p: ViewGraph) => new Set(leaves(p).map((n) => n.id));
    // Travellers → Front Door → Private Link Service, then Private Link Service → … → the workload.
    expect([...ids(a)].filter((id) => ids(b).has(id))).toEqual(['privateLinkService:pls-bookings-weu']);
    expect(b.nodes.some((n) => n.id === 'client:internet/Travellers')).toBe(false);
    expect(a.nodes.some((n) => n.id === 'workload:aks-bookings-weu/bookings/bookings-api')).toBe(false);
  });

  it('has no order of hops for a cycle, and keeps the edges of a cycle in the first part', () => {
    const n = (id: string) =>
      ({ id, kind: 'workload', label: id, details: [], style: 'leaf' }) as ViewGraph['nodes'][0];
    const e = (from: string, to: string) =>
      ({ id: `${from}-${to}`, from, to, style: 'ingress' }) as ViewGraph['edges'][0];
    const g = {
      view: 'ingress',
      title: 't',
      nodes: [n('a'), n('b'), n('c'), n('d'), n('lone')],
      edges: [e('a', 'b'), e('b', 'c'), e('c', 'b'), e('a', 'd')],
    } as unknown as ViewGraph;
    expect(hopPieces(g)).toBeUndefined();
    const ends = endPieces(g);
    expect(ends.map((p) => p.id)).toEqual(['d']);
    const [first] = pieceParts(g, ends, 1);
    expect(lost(g, [first!])).toEqual({ nodes: [], edges: [] });
  });

  it('lists the ends in the order of the first edge into each, whatever the order of the boxes', () => {
    const n = (id: string) =>
      ({ id, kind: 'workload', label: id, details: [], style: 'leaf' }) as ViewGraph['nodes'][0];
    const e = (from: string, to: string) =>
      ({ id: `${from}-${to}`, from, to, style: 'ingress' }) as ViewGraph['edges'][0];
    // A box shared by two regions (Azure Resource Manager) is listed first where the other region reached it first.
    const g = {
      view: 'control-plane',
      title: 't',
      nodes: [n('arm'), n('admins'), n('bastion'), n('invoke'), n('api')],
      edges: [e('admins', 'bastion'), e('admins', 'api'), e('invoke', 'arm')],
    } as unknown as ViewGraph;
    expect(endPieces(g).map((p) => p.id)).toEqual(['bastion', 'api', 'arm']);
  });

  it('takes each start with every route from it, so an access path through a jump box stays one piece', () => {
    const n = (id: string) =>
      ({ id, kind: 'workload', label: id, details: [], style: 'leaf' }) as ViewGraph['nodes'][0];
    const e = (from: string, to: string) =>
      ({ id: `${from}-${to}`, from, to, style: 'management' }) as ViewGraph['edges'][0];
    // g's control plane in one region: four ways in, all meeting at the API server (one end only).
    const g = {
      view: 'control-plane',
      title: 't',
      nodes: ['admins', 'bastion', 'vm', 'api', 'runners', 'gitops', 'invoke', 'arm', 'nodes', 'lone'].map(n),
      edges: [
        e('nodes', 'api'),
        e('admins', 'bastion'),
        e('bastion', 'vm'),
        e('vm', 'api'),
        e('runners', 'api'),
        e('gitops', 'api'),
        e('invoke', 'arm'),
        e('arm', 'nodes'),
      ],
    } as unknown as ViewGraph;
    expect(endPieces(g).map((p) => p.id)).toEqual(['api']);
    const starts = startPieces(g);
    expect(starts.map((p) => p.id)).toEqual(['admins', 'runners', 'gitops', 'invoke']);
    expect([...starts[0]!.edges]).toEqual(['admins-bastion', 'bastion-vm', 'vm-api']);
    expect([...starts[3]!.edges]).toEqual(['invoke-arm', 'arm-nodes', 'nodes-api']);
    for (const size of [1, 2, 3]) {
      const ps = pieceParts(g, starts, size);
      expect(lost(g, ps), `runs of ${size}`).toEqual({ nodes: [], edges: [] });
      ps.forEach(wellFormed);
    }
    expect(pieceTitle('from', starts, starts.slice(0, 1))).toBe('from admins');
    expect(pieceTitle('from', starts, starts.slice(0, 2))).toBe('from admins and runners');
    expect(pieceTitle('from', starts, starts)).toBe('from admins … invoke (4 starts)');
  });

  it('cuts two identical stamps alike', async () => {
    const m = await load();
    // Not the ingress view: its first hop (travellers to the global Front Door) is shared, drawn with the first region.
    for (const view of ['egress', 'control-plane'] as const) {
      const g = deriveView(m, view)!;
      const [weu, neu] = parts({ ...g, dense: true }, splitUnits(g, m)!.units, 1) as [ViewGraph, ViewGraph];
      for (const cut of [endPieces, hopPieces]) {
        const at = (p: ViewGraph) =>
          (cut(p) ?? []).map((x) => x.name.replace(/(weu|neu)\b/g, '*'));
        // Azure Resource Manager is drawn once for both regions: in the full view it is listed with the first.
        expect(at(neu), `${view} ${cut.name}`).toEqual(at(weu));
        for (const [i, hop] of (hopPieces(weu) ?? []).entries()) {
          const ends = (p: ViewGraph, k: number) =>
            endPieces(pieceGraph(p, hopPieces(p)!, hopPieces(p)!.slice(k, k + 1), k === 0)).map((x) =>
              x.name.replace(/(weu|neu)\b/g, '*'),
            );
          expect(ends(neu, i), `${view} hop ${hop.name}`).toEqual(ends(weu, i));
        }
      }
    }
  });

  it('titles pieces with where they go or which hops they hold', () => {
    const p = (name: string): FlowPiece => ({ id: name, name, nodes: new Set(), edges: new Set() });
    const hops = ['1', '2', '3', '4', '5'].map(p);
    expect(pieceTitle('hop', hops, hops.slice(0, 2))).toBe('hops 1 to 2 of 5');
    expect(pieceTitle('hop', hops, hops.slice(4))).toBe('hop 5 of 5');
    // Numbered edges: the title counts the step badges, not the depth (two pieces of step 1: an entry and its hop).
    const s = (name: string, steps: number[]): FlowPiece => ({ ...p(name), steps });
    const numbered = [s('1', [1]), s('2', [1]), s('3', [2]), s('4', [3]), s('5', [4]), s('6', [5])];
    expect(pieceTitle('hop', numbered, numbered.slice(0, 4))).toBe('hops 1 to 3 of 5');
    expect(pieceTitle('hop', numbered, numbered.slice(4))).toBe('hops 4 to 5 of 5');
    expect(pieceTitle('hop', numbered, numbered.slice(0, 2))).toBe('hop 1 of 5');
    expect(pieceTitle('hop', numbered, numbered.slice(5))).toBe('hop 5 of 5');
    const ends = ['Mailgun', 'npm registry', 'kv', 'sql'].map(p);
    expect(pieceTitle('to', ends, ends.slice(0, 1))).toBe('to Mailgun');
    expect(pieceTitle('to', ends, ends.slice(0, 2))).toBe('to Mailgun and npm registry');
    expect(pieceTitle('to', ends, ends.slice(0, 3))).toBe('to Mailgun, npm registry and kv');
    expect(pieceTitle('to', ends, ends)).toBe('to Mailgun … sql (4 ends)');
  });

  it('prints ingress and egress in parts that each fit one page at 6 pt, titled with their region', async () => {
    const m = await load();
    for (const d of await renderPackDiagrams(m, { views: ['ingress', 'egress'], metadata: false })) {
      // The whole picture does not fit one page (else it would print whole) …
      expect(onePage(d), d.view).toBe(false);
      // … and its parts print without tiles, each region's before the next one's.
      expect(d.parts!.length, d.view).toBeGreaterThanOrEqual(2);
      expect(d.parts!.filter((p) => !onePage(p)).map((p) => p.title), d.view).toEqual([]);
      const regions = d.parts!.map((p) => p.title.split(':')[0]);
      expect(regions.indexOf('Region northeurope'), d.view).toBe(regions.lastIndexOf('Region westeurope') + 1);
      expect(regions.every((r) => r === 'Region westeurope' || r === 'Region northeurope'), d.view).toBe(true);
      expect(d.parts!.every((p) => /^Region \w+(: (hops? \d|to )|$)/.test(p.title)), d.view).toBe(true);
      // Every part draws only its own stamp.
      for (const p of d.parts!) {
        const other = p.title.startsWith('Region westeurope') ? 'aks-bookings-neu' : 'aks-bookings-weu';
        expect(p.svg, `${d.view} ${p.title}`).not.toContain(`data-id="cluster:${other}"`);
        expect(p.svg, `${d.view} ${p.title}`).not.toMatch(new RegExp(`<text[^>]*>[^<]*· ${other}<`));
      }
    }
  }, 300_000);
});

describe('the 20-spoke design collapsed and cut for print', () => {
  const model = normalize(hubSpoke(20) as never).model;

  it('does not tie a note box with links after the spoke it stands for (a layer of its own)', () => {
    for (const view of ['egress', 'topology'] as const) {
      const c = collapseView(deriveView(model, view)!, model);
      expect(c.groups.length, view).toBe(1);
      const note = c.groups[0]!.noteId;
      expect(c.graph.edges.some((e) => e.from === note || e.to === note), view).toBe(true);
      expect((c.graph.hints ?? []).filter((h) => h.to === note || h.from === note), view).toEqual([]);
    }
  });

  it('prints ingress and egress collapsed, on one page or in parts that each fit one, the note and its count kept', async () => {
    const ds = await renderPackDiagrams(model, { views: ['ingress', 'egress'], metadata: false });
    for (const d of ds) {
      expect(d.collapsed?.spokes, d.view).toBe(20);
      expect(d.collapsed!.groups[0]!.members, d.view).toHaveLength(19);
      // What print shows: the parts, else the print drawing (dense when that needs fewer pages), else the picture.
      const printed = d.parts ?? [{ title: d.view, ...(d.printed ?? d) }];
      expect(printed.filter((p) => !onePage(p)).map((p) => p.title), d.view).toEqual([]);
      if (d.parts) expect(d.parts.every((p) => /^hops? \d+( to \d+)? of \d+$/.test(p.title)), d.view).toBe(true);
      // The note standing for the 19 other spokes is printed, and so is the one spoke drawn; no other spoke.
      expect(printed.some((p) => p.svg.includes('+ 19 more spokes like vnet-spoke-1')), d.view).toBe(true);
      expect(printed.some((p) => p.svg.includes('vnet-spoke-1')), d.view).toBe(true);
      expect(printed.some((p) => p.svg.includes('vnet-spoke-2<')), d.view).toBe(false);
    }
  }, 300_000);

  it('splits the collapsed topology into the hub and the spoke drawn, losing no node or edge', () => {
    const c = collapseView(deriveView(model, 'topology')!, model);
    const s = splitUnits(c.graph, model)!;
    expect(s.by).toBe('vnet');
    expect(s.units.map((u) => u.name)).toEqual(['vnet-hub', 'vnet-spoke-1']);
    const ps = parts(c.graph, s.units, 1);
    expect(lost(c.graph, ps)).toEqual({ nodes: [], edges: [] });
    ps.forEach(wellFormed);
    const [hub, spoke] = ps as [ViewGraph, ViewGraph];
    // The hub's part draws the peerings to the spoke drawn and to the note for the 19 others, the spoke as a box.
    expect(hub.nodes.some((n) => n.id === c.groups[0]!.noteId)).toBe(true);
    expect(hub.nodes.some((n) => n.parent === 'vnet:vnet-spoke-1')).toBe(false);
    expect(spoke.nodes.some((n) => n.id === 'vnet:vnet-hub')).toBe(true);
    expect(spoke.nodes.some((n) => n.parent === 'vnet:vnet-hub')).toBe(false);
    // Flow views are not split by VNet: their cuts are the flow's.
    for (const view of FLOWS) {
      expect(splitUnits(collapseView(deriveView(model, view)!, model).graph, model), view).toBeUndefined();
    }
  });
});


describe('topology cut into runs of subnets', () => {
  const topologyOf = async (file: string) => {
    const m = (await loadArchitecture(join(examples, file))).model;
    return { m, g: deriveView(m, 'topology')! };
  };

  it('takes each subnet with what it holds, in view order, then the private DNS zones', async () => {
    const { g } = await topologyOf('b-front-door-private-link.ts');
    const units = subnetUnits(g);
    const subnets = g.nodes.filter((n) => n.kind === 'subnet').map((n) => n.id);
    // The zones link to VNet boxes, not to a subnet: a piece of their own, not crowded into the first run.
    expect(units.map((u) => u.id)).toEqual([...subnets, DNS_ZONES]);
    const zones = units.at(-1)!;
    expect([...zones.nodes].filter((id) => id !== DNS_ZONES).every((id) => g.nodes.find((n) => n.id === id)?.kind === 'privateDnsZone')).toBe(true);
    expect(zones.nodes.size).toBeGreaterThan(1);
    expect(subnets.length).toBeGreaterThan(2);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const u of units) {
      // Every node the unit holds lies inside its subnet; every node inside the subnet is in the unit.
      const inside = (id: string) => {
        for (let p: string | undefined = id; p !== undefined; p = byId.get(p)?.parent) if (p === u.id) return true;
        return false;
      };
      expect([...u.nodes].every(inside)).toBe(true);
      expect(g.nodes.filter((n) => inside(n.id)).map((n) => n.id).sort()).toEqual([...u.nodes].sort());
    }
    // The node subnet holds the cluster and its pools.
    const nodesSubnet = units.find((u) => [...u.nodes].some((id) => byId.get(id)?.kind === 'cluster'));
    expect(nodesSubnet?.nodes.size).toBeGreaterThan(2);
  });

  it('titles a run by its first and last subnet', () => {
    const u = (name: string): SplitUnit => ({ id: name, name, nodes: new Set([name]), edges: new Set() });
    expect(subnetTitle([u('snet-a')])).toBe('subnet snet-a');
    expect(subnetTitle([u('snet-a'), u('snet-b')])).toBe('subnets snet-a and snet-b');
    expect(subnetTitle([u('snet-a'), u('snet-b'), u('snet-c')])).toBe('subnets snet-a to snet-c');
    const zones: SplitUnit = { ...u('Private DNS zones'), id: DNS_ZONES };
    expect(subnetTitle([zones])).toBe('private DNS zones');
    expect(subnetTitle([u('snet-a'), zones])).toBe('subnet snet-a and the private DNS zones');
    expect(subnetTitle([u('snet-a'), u('snet-b'), zones])).toBe('subnets snet-a, snet-b and the private DNS zones');
    expect(subnetTitle([u('snet-a'), u('snet-b'), u('snet-c'), zones])).toBe(
      'subnets snet-a to snet-c and the private DNS zones',
    );
  });

  it('loses no node or edge of a one-VNet topology, runs of one subnet or of two', async () => {
    const { g } = await topologyOf('b-front-door-private-link.ts');
    const units = subnetUnits(g);
    for (const size of [1, 2]) {
      const ps = parts(g, units, size);
      ps.forEach(wellFormed);
      expect(lost(g, ps)).toEqual({ nodes: [], edges: [] });
    }
  });

  it("prints a VNet too large for one page as runs of its subnets, each on one page, and no tiles", async () => {
    const { m } = await topologyOf('e-istio-mesh.ts');
    const [topology] = await renderPackDiagrams(m, { views: ['topology'], metadata: false });
    const parts = topology!.parts ?? [];
    // The hub VNet whole, then the spoke VNet in runs of its subnets.
    expect(parts[0]?.title).toBe('vnet-hub-frc');
    const spoke = parts.slice(1);
    expect(spoke.length).toBeGreaterThanOrEqual(2);
    for (const p of spoke) expect(p.title).toMatch(/^vnet-spoke-tailwind-frc: (subnets? snet-|private DNS zones$)/);
    for (const p of parts) {
      expect(fitDiagram(p.width, p.height, smallestFontPx(p.svg), 'a4', cutObstacles(p.svg)).pages).toHaveLength(1);
    }
    // Every subnet of the spoke is drawn in exactly one of the spoke's parts.
    const spokeSubnets = ['snet-aks-nodes', 'snet-appgw', 'snet-aks-ingress', 'snet-private-endpoints', 'snet-build-agents'];
    for (const name of spokeSubnets) {
      const holding = spoke.filter((p) => p.svg.includes(`>${name}</text>`));
      expect(holding, name).toHaveLength(1);
    }
  }, 120_000);

  it("prints f's topology (four pages of tiles before) in parts that each fit a page", async () => {
    const v = await validateFile(join(examples, 'f-internal-only.ts'));
    const findings = v.result.findings.filter(isActive);
    const [topology] = await renderPackDiagrams(v.arch.model, { views: ['topology'], metadata: false, findings });
    const pages = (d: { svg: string; width: number; height: number }) =>
      fitDiagram(d.width, d.height, smallestFontPx(d.svg), 'a4', cutObstacles(d.svg)).pages.length;
    // The whole needs several pages, screen or dense; before, it was printed as tiles of it.
    expect(pages(topology!.printed ?? topology!)).toBeGreaterThan(1);
    const parts = topology!.parts ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const p of parts) expect(pages(p), p.title).toBe(1);
    expect(parts.map((p) => p.title.split(':')[0])).toEqual(
      expect.arrayContaining(['vnet-hub-gwc', 'vnet-spoke-erp-gwc']),
    );
    // The private DNS zones are a run of the hub's subnets (their own when nothing else fits beside them).
    expect(parts.some((p) => /^vnet-hub-gwc: .*private DNS zones$/.test(p.title))).toBe(true);
  }, 120_000);
});

describe('hop titles that match the step badges', () => {
  it('titles the parts of f\'s ingress with the range of the badges each part draws', async () => {
    const m = (await loadArchitecture(join(examples, 'f-internal-only.ts'))).model;
    const [d] = await renderPackDiagrams(m, { views: ['ingress'], metadata: false });
    expect(d!.parts?.length).toBeGreaterThanOrEqual(2);
    const badges = (svg: string) => [...svg.matchAll(/<title>[^<]*· hop (\d+) ·[^<]*<\/title>/g)].map((x) => Number(x[1]));
    const of = Math.max(...d!.parts!.flatMap((p) => badges(p.svg)));
    for (const p of d!.parts!) {
      const b = badges(p.svg);
      const [lo, hi] = [Math.min(...b), Math.max(...b)];
      const range = lo === hi ? `hop ${lo} of ${of}` : `hops ${lo} to ${hi} of ${of}`;
      expect(p.title.endsWith(range), `${p.title} draws badges ${b.join(',')}`).toBe(true);
    }
  }, 300_000);
});
