/**
 * Route geometry on every view of every example, read off the drawn connections (the diagram target, after every
 * post-processing of ELK's routes):
 *
 * - no stretch of a line runs through a container's header text (a VNet's, subnet's, cluster's, region's name and
 *   details, as target.ts headerBox measures it);
 * - no two lines read as one: stretches of two different edges that run parallel closer than 8 px over a common
 *   part, or lie on one line with less than 40 px and no box between them, are a defect, unless the edges are
 *   drawn as one trunk on purpose (same source and style; a symmetric relation's lines into one box, the DNS zone
 *   links of a VNet) or both are the last stretches into one box (ends ELK spreads over one side).
 *
 * The checks are written out here, apart from src/render/route-apart.ts, so that they test its result rather than
 * repeat it.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { VIEWS, deriveView, type ViewName } from '../../src/diagram/index.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Box, Connection, DiagramTarget, Point } from '../../src/model/diagram-target.js';
import { headerBox } from '../../src/render/target.js';
import { loadFonts, type TextMetrics } from '../../src/render/text.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = join(root, 'examples');
const files = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

interface Case {
  name: string;
  file: string;
  view: ViewName;
  target: DiagramTarget;
  undirected: Set<string>;
}

const cases: Case[] = [];
let m: TextMetrics;

beforeAll(async () => {
  m = await loadFonts();
  for (const file of files) {
    const arch = await loadArchitecture(join(examplesDir, file));
    for (const view of VIEWS) {
      const graph = deriveView(arch.model, view);
      if (!graph) continue;
      const r = await renderView(arch.model, graph, {});
      const undirected = new Set(graph.edges.filter((e) => e.undirected).map((e) => e.id));
      cases.push({ name: `${file} ${view}`, file, view, target: r.target, undirected });
    }
  }
}, 300_000);

type Seg = { a: Point; b: Point };
const segs = (pts: readonly Point[]): Seg[] => pts.slice(1).map((b, i) => ({ a: pts[i]!, b }));
const vertical = (s: Seg) => s.a.x === s.b.x;
const span = (s: Seg, v: boolean): [number, number] =>
  v ? [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)] : [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)];

/** Whether a segment passes through a box's inside (touching its border does not count). */
function through(s: Seg, b: Box, eps = 0.5): boolean {
  return (
    Math.max(s.a.x, s.b.x) > b.x + eps &&
    Math.min(s.a.x, s.b.x) < b.x + b.width - eps &&
    Math.max(s.a.y, s.b.y) > b.y + eps &&
    Math.min(s.a.y, s.b.y) < b.y + b.height - eps
  );
}

function onBorder(p: Point, b: Box): boolean {
  const tol = 0.5;
  const inX = p.x >= b.x - tol && p.x <= b.x + b.width + tol;
  const inY = p.y >= b.y - tol && p.y <= b.y + b.height + tol;
  const nearV = Math.abs(p.x - b.x) < tol || Math.abs(p.x - (b.x + b.width)) < tol;
  const nearH = Math.abs(p.y - b.y) < tol || Math.abs(p.y - (b.y + b.height)) < tol;
  return (inX && nearH) || (inY && nearV);
}

const MIN_GAP = 8;
const JOIN_GAP = 40;

/** Pairs of stretches of different edges that read as one line. */
function sharedLines(c: Case): string[] {
  const t = c.target;
  const boxes = new Map([...t.containers, ...t.nodes].map((s) => [s.id, s.box]));
  const blocking = [...t.nodes.map((n) => n.box), ...t.containers.map((x) => headerBox(m, x))];
  const out: string[] = [];
  const trunk = (e: Connection, f: Connection) =>
    e.style === f.style && (e.from === f.from || (c.undirected.has(e.id) && c.undirected.has(f.id) && e.to === f.to));
  for (let i = 0; i < t.connections.length; i++) {
    for (let j = i + 1; j < t.connections.length; j++) {
      const e = t.connections[i]!;
      const f = t.connections[j]!;
      if (trunk(e, f)) continue;
      const es = segs(e.points);
      const fs = segs(f.points);
      es.forEach((s, si) => {
        fs.forEach((u, ui) => {
          const v = vertical(s);
          if (v !== vertical(u)) return;
          // Ends spread over one side of the box both edges go into.
          const into = boxes.get(e.to);
          if (e.to === f.to && e.style === f.style && si === es.length - 1 && ui === fs.length - 1 && into && onBorder(s.b, into) && onBorder(u.b, into)) return;
          const off = v ? Math.abs(s.a.x - u.a.x) : Math.abs(s.a.y - u.a.y);
          if (off >= MIN_GAP) return;
          const [s0, s1] = span(s, v);
          const [u0, u1] = span(u, v);
          const common = Math.min(s1, u1) - Math.max(s0, u0);
          if (common > 0.5) {
            out.push(`${e.id} / ${f.id}: ${off.toFixed(2)} px apart over ${common.toFixed(1)} px`);
            return;
          }
          if (off > 0.5 || -common >= JOIN_GAP) return;
          const at = v ? s.a.x : s.a.y;
          const lo = Math.min(s1, u1);
          const hi = Math.max(s0, u0);
          const gap: Seg = v ? { a: { x: at, y: lo }, b: { x: at, y: hi } } : { a: { x: lo, y: at }, b: { x: hi, y: at } };
          if (blocking.some((b) => through(gap, b, -0.5))) return;
          out.push(`${e.id} / ${f.id}: on one line, ${(-common).toFixed(1)} px apart`);
        });
      });
    }
  }
  return out;
}

describe('route geometry of the examples', () => {
  it('draws every view it can', () => {
    expect(cases.length).toBeGreaterThanOrEqual(files.length * 4);
  });

  it('runs no line through a container header', () => {
    const bad: string[] = [];
    for (const c of cases) {
      for (const box of c.target.containers) {
        const h = headerBox(m, box);
        for (const e of c.target.connections) {
          for (const s of segs(e.points)) if (through(s, h)) bad.push(`${c.name}: ${e.id} through the header of ${box.id}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the lines of different edges apart', () => {
    const bad = cases.flatMap((c) => sharedLines(c).map((x) => `${c.name}: ${x}`));
    expect(bad).toEqual([]);
  });

  it('draws the control-plane lines of example d on lines of their own (the review board case)', () => {
    const c = cases.find((x) => x.file.startsWith('d-') && x.view === 'control-plane')!;
    expect(sharedLines(c)).toEqual([]);
    // The node kubelet's line and the pipelines' kubectl line both turned down and up at one x before.
    const kubelet = c.target.connections.find((e) => e.from.startsWith('cluster:'))!;
    const pipelines = c.target.connections.find((e) => e.from.startsWith('buildAgents:'))!;
    const xs = (e: Connection) => new Set(segs(e.points).filter(vertical).map((s) => s.a.x));
    for (const x of xs(kubelet)) for (const y of xs(pipelines)) expect(Math.abs(x - y)).toBeGreaterThanOrEqual(MIN_GAP);
  });

  it('keeps every line end on its boxes and every stretch square after moving', () => {
    for (const c of cases) {
      const boxes = new Map([...c.target.containers, ...c.target.nodes].map((s) => [s.id, s.box]));
      for (const e of c.target.connections) {
        const pts = e.points;
        expect(onBorder(pts[0]!, boxes.get(e.from)!), `${c.name}: ${e.id} start`).toBe(true);
        expect(onBorder(pts[pts.length - 1]!, boxes.get(e.to)!), `${c.name}: ${e.id} end`).toBe(true);
        // Square to half a pixel: ELK hands one of c's overview routes over with a third of a pixel's kink.
        for (const s of segs(pts)) expect(Math.abs(s.a.x - s.b.x) < 0.5 || Math.abs(s.a.y - s.b.y) < 0.5, `${c.name}: ${e.id} square`).toBe(true);
        // No line runs through a leaf box (its own ends touch their boxes' borders only).
        for (const n of c.target.nodes) for (const s of segs(pts)) expect(through(s, n.box), `${c.name}: ${e.id} through ${n.id}`).toBe(false);
      }
    }
  });
});
