/**
 * Diagram properties checked on every view of every example: well-formed self-contained SVG, a
 * labelled shape per element, no overlapping siblings, children inside containers, routes that
 * touch their boxes, labels that fit, byte-stable output, and user strings rendered as text.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Model } from '../../src/model/types.js';
import { VIEWS, deriveView, renderDiagrams, type ViewName } from '../../src/diagram/index.js';
import { renderView, type ViewRender } from '../../src/diagram/pipeline.js';
import type { ViewGraph } from '../../src/diagram/graph.js';
import type { Box, Point } from '../../src/layout/elk.js';
import { EDGE_LABEL, HEADER, leafLook } from '../../src/render/style.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = join(root, 'examples');
const files = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(examplesDir, f));

interface Case {
  file: string;
  view: ViewName;
  graph: ViewGraph;
  r: ViewRender;
}

const cases: Case[] = [];
const models = new Map<string, Model>();

beforeAll(async () => {
  for (const file of files) {
    const arch = await loadArchitecture(file);
    models.set(file, arch.model);
    for (const view of VIEWS) {
      const graph = deriveView(arch.model, view);
      if (!graph) continue;
      cases.push({ file, view, graph, r: await renderView(arch.model, graph, {}) });
    }
  }
}, 300_000);

const name = (c: Case) => `${c.file.slice(examplesDir.length + 1)} ${c.view}`;
const EPS = 0.6;

function overlaps(a: Box, b: Box): boolean {
  return a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width && a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;
}

function inside(child: Box, parent: Box): boolean {
  return child.x >= parent.x - EPS && child.y >= parent.y - EPS && child.x + child.width <= parent.x + parent.width + EPS && child.y + child.height <= parent.y + parent.height + EPS;
}

function onBorder(p: Point, b: Box, tol = 1.5): boolean {
  const inX = p.x >= b.x - tol && p.x <= b.x + b.width + tol;
  const inY = p.y >= b.y - tol && p.y <= b.y + b.height + tol;
  const nearV = Math.abs(p.x - b.x) <= tol || Math.abs(p.x - (b.x + b.width)) <= tol;
  const nearH = Math.abs(p.y - b.y) <= tol || Math.abs(p.y - (b.y + b.height)) <= tol;
  return (inX && nearH) || (inY && nearV);
}

function collect(node: unknown, out: Array<Record<string, unknown>>): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    for (const v of Object.values(node)) collect(v, out);
  }
}

describe('diagrams of the examples', () => {
  it('has every view of every example it can draw', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(cases.some((c) => c.file === f && c.view === 'topology'), f).toBe(true);
  });

  it('produces well-formed, self-contained, accessible SVG', () => {
    for (const c of cases) {
      const svg = c.r.svg;
      expect(XMLValidator.validate(svg), name(c)).toBe(true);
      expect(svg).toMatch(/<svg [^>]*viewBox="0 0 [\d.]+ [\d.]+"/);
      expect(svg).toMatch(/<svg [^>]*role="img"/);
      expect(svg).toMatch(new RegExp(`<title id="${c.view}-[0-9a-f]{8}-title">`));
      expect(svg).toMatch(new RegExp(`<desc id="${c.view}-[0-9a-f]{8}-desc">`));
      expect(svg).toMatch(/@font-face\{font-family:&quot;aksnet-[0-9a-f]{8}&quot;;font-weight:400;/);
      expect(svg).toMatch(/<svg [^>]*font-family="aksnet-[0-9a-f]{8}, DejaVu Sans, sans-serif"/);
      // No external references: only namespace declarations mention http, hrefs are local.
      const withoutNs = svg.replace(/xmlns(:\w+)?="[^"]*"/g, '');
      expect(/https?:\/\//.test(withoutNs), `${name(c)}: external URL`).toBe(false);
      expect(/href="(?!#)/.test(withoutNs), `${name(c)}: non-local href`).toBe(false);
      expect(/url\((?!#|data:font\/ttf;base64,)/.test(withoutNs), `${name(c)}: external url()`).toBe(false);
      expect(/Svgjs/.test(svg), `${name(c)}: svg.js auto id`).toBe(false);
      // Coordinates are rounded to two decimals.
      expect(/\s(?:x|y|width|height|cx|cy|data-points)="[^"]*\d\.\d{3,}/.test(svg), `${name(c)}: unrounded coordinate`).toBe(false);
    }
  });

  it('draws a labelled shape for every element of the view', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    for (const c of cases) {
      const doc = parser.parse(c.r.svg);
      const all: Array<Record<string, unknown>> = [];
      collect(doc, all);
      const groups = new Map<string, Record<string, unknown>>();
      for (const o of all) if (typeof o['@data-id'] === 'string' && String(o['@class'] ?? '').startsWith('node')) groups.set(o['@data-id'] as string, o);
      for (const n of c.graph.nodes) {
        const g = groups.get(n.id);
        expect(g, `${name(c)}: ${n.id}`).toBeDefined();
        expect(g!.rect, `${name(c)}: ${n.id} box`).toBeDefined();
        // A container's words are drawn over the edges, in a group that names the container's group.
        const label = g!.text ?? all.find((o) => o['@class'] === 'container-label' && o['@data-for'] === g!['@id'])?.text;
        expect(JSON.stringify(label ?? null), `${name(c)}: ${n.id} label`).toContain(JSON.stringify(n.label).slice(1, -1).slice(0, 3));
        expect(g!.title, `${name(c)}: ${n.id} title`).toBeDefined();
      }
      const edges = all.filter((o) => String(o['@class'] ?? '').startsWith('edge ')).map((o) => o['@data-id']);
      expect(new Set(edges)).toEqual(new Set(c.graph.edges.map((e) => e.id)));
    }
  });

  it('places no two sibling boxes on top of each other and every child inside its container', () => {
    for (const c of cases) {
      const boxes = c.r.layout.nodes;
      const byParent = new Map<string, string[]>();
      for (const n of c.graph.nodes) {
        const k = n.parent ?? '';
        byParent.set(k, [...(byParent.get(k) ?? []), n.id]);
        if (n.parent) expect(inside(boxes.get(n.id)!, boxes.get(n.parent)!), `${name(c)}: ${n.id} inside ${n.parent}`).toBe(true);
        const b = boxes.get(n.id)!;
        expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= c.r.layout.width + EPS && b.y + b.height <= c.r.layout.height + EPS, `${name(c)}: ${n.id} in drawing`).toBe(true);
      }
      for (const [, ids] of byParent) {
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++) expect(overlaps(boxes.get(ids[i]!)!, boxes.get(ids[j]!)!), `${name(c)}: ${ids[i]} / ${ids[j]}`).toBe(false);
      }
    }
  });

  it('routes every edge from the border of its source box to the border of its target box', () => {
    for (const c of cases) {
      for (const e of c.graph.edges) {
        const route = c.r.layout.edges.get(e.id);
        expect(route, `${name(c)}: ${e.id}`).toBeDefined();
        const pts = route!.points;
        expect(pts.length).toBeGreaterThanOrEqual(2);
        expect(onBorder(pts[0]!, c.r.layout.nodes.get(e.from)!), `${name(c)}: ${e.id} start`).toBe(true);
        expect(onBorder(pts[pts.length - 1]!, c.r.layout.nodes.get(e.to)!), `${name(c)}: ${e.id} end`).toBe(true);
        // Orthogonal segments only.
        for (let i = 1; i < pts.length; i++) expect(pts[i]!.x === pts[i - 1]!.x || pts[i]!.y === pts[i - 1]!.y, `${name(c)}: ${e.id} orthogonal`).toBe(true);
      }
    }
  });

  it('keeps every label inside its box', () => {
    for (const c of cases) {
      for (const n of c.r.measured.nodes) {
        const box = c.r.layout.nodes.get(n.node.id)!;
        const leaf = leafLook(c.graph.compact);
        const avail = n.container ? box.width - HEADER.padX * 2 : box.width - leaf.padX * 2 - leaf.icon - leaf.gap;
        for (const l of n.lines) expect(l.width, `${name(c)}: ${n.node.id} "${l.text}"`).toBeLessThanOrEqual(avail + 0.01);
        const textH = n.lines.reduce((a, l) => a + Math.ceil(l.size * 1.25 * 100) / 100, 0);
        expect(n.container ? n.header : textH, `${name(c)}: ${n.node.id} height`).toBeLessThanOrEqual(box.height);
      }
      for (const e of c.r.measured.edges) {
        const lb = c.r.layout.edges.get(e.edge.id)!.label;
        if (!e.text) continue;
        expect(lb, `${name(c)}: ${e.edge.id} label`).toBeDefined();
        expect(e.textWidth + EDGE_LABEL.padX * 2).toBeLessThanOrEqual(lb!.width + 0.01);
      }
    }
  });

  it('shows hop numbers and TLS state on ingress edges', () => {
    for (const c of cases.filter((x) => x.view === 'ingress')) {
      for (const e of c.graph.edges) {
        expect(e.step, `${name(c)}: ${e.id}`).toBeGreaterThan(0);
        expect(c.r.svg).toContain(`data-id="${e.id}"`);
      }
      expect(c.r.svg).toMatch(/class="tls (tls|plaintext|passthrough|mtls)"/);
      // Every hop of every path is drawn (shared hops once).
      const model = models.get(c.file)!;
      for (const p of model.ingressPaths)
        for (const id of p.edges) {
          const e = model.edges.find((x) => x.id === id)!;
          // A corporate client over a hybrid connection enters through that connection's gateway: client → gateway
          // → hop 1, both legs numbered as the first segment.
          const client = model.resources.find((r) => r.id === p.client);
          const conn = client?.kind === 'client' && client.via ? model.resources.find((r) => r.id === client.via) : undefined;
          const gateway = conn?.kind === 'hybridConnection' && e.from === p.client ? conn.gateway : undefined;
          const drawn = (from: string, to: string) => c.graph.edges.some((v) => v.from === from && v.to === to && v.step === e.step);
          if (gateway) {
            expect(drawn(e.from, gateway), `${name(c)}: ${id} entry`).toBe(true);
            expect(drawn(gateway, e.to), `${name(c)}: ${id}`).toBe(true);
          } else expect(drawn(e.from, e.to), `${name(c)}: ${id}`).toBe(true);
        }
      const sigs = c.graph.edges.map((e) => `${e.from}|${e.to}|${e.label}|${e.tls}|${e.step}`);
      expect(new Set(sigs).size, `${name(c)}: duplicate edges`).toBe(sigs.length);
    }
  });

  it('builds the legend from what the view uses', () => {
    for (const c of cases) {
      const styles = new Set(c.graph.edges.map((e) => e.style));
      for (const s of ['ingress', 'egress', 'management', 'private-link', 'peering', 'hybrid']) {
        expect(c.r.svg.includes(`data-legend="edge-${s}"`), `${name(c)}: legend ${s}`).toBe(styles.has(s as never));
      }
    }
  });

  it('never mixes north-south and east-west traffic in one view', () => {
    for (const c of cases) {
      const styles = new Set(c.graph.edges.map((e) => e.style));
      if (c.view === 'ingress') expect([...styles]).toEqual(['ingress']);
      if (c.view === 'egress') for (const s of styles) expect(['egress', 'private-link']).toContain(s);
      if (c.view === 'control-plane') for (const s of styles) expect(s).toBe('management');
    }
  });

  it('renders the same bytes twice in one process', async () => {
    const file = files[0]!;
    const a = await renderDiagrams(models.get(file)!);
    const b = await renderDiagrams(models.get(file)!);
    expect(a.map((d) => d.svg)).toEqual(b.map((d) => d.svg));
    const first = cases.filter((c) => c.file === file).map((c) => c.r.svg);
    expect(a.map((d) => d.svg)).toEqual(first);
  });
});
