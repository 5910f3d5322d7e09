/**
 * The overview view on every example: numbers on the picture and entries in the step legend match one to one and
 * run 1..N (ingress first), every number sits on its own line clear of every box and of the other numbers, the
 * legend fits its columns, and the steps say what the ingress and egress derivations say (same hops, same TLS
 * state). Also: byte-stable output, the default `aksnet diagram` view, the pack's first diagram.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { stepNumbers } from '../helpers/svg-steps.js';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/diagram-command.js';
import { VIEWS, deriveView, renderDiagrams } from '../../src/diagram/index.js';
import { DEFAULT_VIEW } from '../../src/diagram/view-names.js';
import { tlsWords } from '../../src/diagram/overview.js';
import { renderView, type ViewRender } from '../../src/diagram/pipeline.js';
import type { ViewGraph } from '../../src/diagram/graph.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Box, Point } from '../../src/model/diagram-target.js';
import { pathSegments } from '../../src/model/tls.js';
import type { Model } from '../../src/model/types.js';
import { ModelQuery } from '../../src/model/query.js';
import { ingressNarrative } from '../../src/report/narrative.js';
import { diagramsFor } from '../../src/report/diagrams.js';
import { AksnetError } from '../../src/shared/errors.js';
import { TYPE } from '../../src/render/style.js';
import { MIN_TEXT_PT, onePageTextPt, pictureBox, smallestFontPx } from '../../src/diagram/page-fit.js';
import { loadFonts } from '../../src/render/text.js';
import { isSixteenByNine, room } from '../helpers/frame.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examplesDir = join(root, 'examples');
const files = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

interface Case {
  file: string;
  model: Model;
  graph: ViewGraph;
  r: ViewRender;
}
const cases: Case[] = [];

beforeAll(async () => {
  for (const f of files) {
    const model = (await loadArchitecture(join(examplesDir, f))).model;
    const graph = deriveView(model, 'overview')!;
    cases.push({ file: f, model, graph, r: await renderView(model, graph, {}) });
  }
}, 300_000);


function onRoute(c: Point, pts: readonly Point[]): boolean {
  return pts.slice(1).some((b, i) => {
    const a = pts[i]!;
    const inX = c.x >= Math.min(a.x, b.x) - 0.01 && c.x <= Math.max(a.x, b.x) + 0.01;
    const inY = c.y >= Math.min(a.y, b.y) - 0.01 && c.y <= Math.max(a.y, b.y) + 0.01;
    return inX && inY && (Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01);
  });
}
/** Distance from a point to the nearest stretch of a route. */
function fromRoute(c: Point, pts: readonly Point[]): number {
  return Math.min(
    ...pts.slice(1).map((b, i) => {
      const a = pts[i]!;
      const x = Math.max(Math.min(a.x, b.x), Math.min(c.x, Math.max(a.x, b.x)));
      const y = Math.max(Math.min(a.y, b.y), Math.min(c.y, Math.max(a.y, b.y)));
      return Math.hypot(c.x - x, c.y - y);
    }),
  );
}
/** No stretch of the route has room for a number clear of both ends (step-badges.ts: 18 px each end). */
const tooShort = (pts: readonly Point[]) => pts.slice(1).every((b, i) => Math.abs(b.x - pts[i]!.x) + Math.abs(b.y - pts[i]!.y) < 36);
const circleHitsBox = (c: Point, r: number, b: Box) =>
  c.x + r > b.x && c.x - r < b.x + b.width && c.y + r > b.y && c.y - r < b.y + b.height;

describe('overview view', () => {
  it('is the first view, the default of aksnet diagram, and exists for every example', () => {
    expect(VIEWS[0]).toBe('overview');
    expect(DEFAULT_VIEW).toBe('overview');
    expect(cases.map((c) => c.file)).toEqual(files);
    for (const c of cases) expect(XMLValidator.validate(c.r.svg), c.file).toBe(true);
  });

  it('numbers every step once on the picture and once in the legend, 1..N, ingress before egress', () => {
    for (const c of cases) {
      const onLines = stepNumbers(c.r.svg, 'step-badge');
      const inLegend = stepNumbers(c.r.svg, 'step');
      const steps = c.graph.steps ?? [];
      const n = steps.length;
      expect(n, c.file).toBeGreaterThan(0);
      expect([...onLines].sort((a, b) => a - b), c.file).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(inLegend, c.file).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      const firstEgress = steps.findIndex((s) => s.flow === 'egress');
      if (firstEgress >= 0) expect(steps.slice(firstEgress).every((s) => s.flow === 'egress'), c.file).toBe(true);
      // Ingress steps are filled badges, egress steps rings: told apart without colour.
      for (const conn of c.r.target.connections.filter((x) => x.badge)) {
        expect(conn.badge!.stroke !== undefined, `${c.file} ${conn.id}`).toBe(conn.style === 'egress');
      }
    }
  });

  it('puts each number on its own line, clear of every box, every container name and the other numbers', async () => {
    const m = await loadFonts();
    for (const c of cases) {
      // Each line of a container's header, from its cap height to its baseline.
      const names = c.r.target.containers.flatMap((s) =>
        s.lines.map((l) => ({ x: l.x, y: l.y - l.size, width: m.width(l.text, l.size, l.weight), height: l.size })),
      );
      const leaves = [...c.r.target.nodes.map((s) => s.box), ...names];
      const placed = c.r.target.connections.filter((x) => x.badge);
      for (const conn of placed) {
        const b = conn.badge!;
        const centre = { x: b.cx, y: b.cy };
        // On its route; on a route too short to show around a number, beside it, touching it (not hiding it).
        // Beside it too where every place on it is at another line (a's egress 5 under the ingress's bend), and then
        // clear of the other lines.
        const others = c.r.target.connections.filter((x) => x !== conn);
        if (tooShort(conn.points) || !onRoute(centre, conn.points)) {
          expect(fromRoute(centre, conn.points), `${c.file} ${conn.id} beside its route`).toBeGreaterThan(b.r);
          expect(fromRoute(centre, conn.points), `${c.file} ${conn.id} touching its route`).toBeLessThanOrEqual(b.r + 4);
          if (!tooShort(conn.points)) {
            for (const o of others) expect(fromRoute(centre, o.points), `${c.file} ${conn.id} off ${o.id}`).toBeGreaterThanOrEqual(11);
          }
        }
        for (const box of leaves) expect(circleHitsBox(centre, b.r + 1, box), `${c.file} ${conn.id} over a box`).toBe(false);
      }
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++) {
          const a = placed[i]!.badge!;
          const b = placed[j]!.badge!;
          expect(Math.hypot(a.cx - b.cx, a.cy - b.cy), `${c.file} ${placed[i]!.id} / ${placed[j]!.id}`).toBeGreaterThanOrEqual(a.r + b.r);
        }
    }
  });

  it('fits the step legend inside the canvas, each line inside its column', async () => {
    const m = await loadFonts();
    for (const c of cases) {
      const t = c.r.target;
      const s = t.steps!;
      // Under the picture and its legend, or beside them: right of every box, container and the legend.
      const right = Math.max(...[...t.containers, ...t.nodes].map((x) => x.box.x + x.box.width));
      if (s.y < t.legend.y) expect(s.x, c.file).toBeGreaterThanOrEqual(right);
      else expect(s.y, c.file).toBeGreaterThanOrEqual(t.legend.y);
      const runs = [...s.headings, ...s.entries.flatMap((e) => e.lines), ...s.notes];
      for (const r of runs) {
        expect(s.x + r.x + m.width(r.text, r.size, r.weight), `${c.file} "${r.text}"`).toBeLessThanOrEqual(t.width - 16 + 0.01);
        expect(s.y + r.y, `${c.file} "${r.text}"`).toBeLessThanOrEqual(t.height);
        expect(r.size).toBeGreaterThanOrEqual(TYPE.badge);
      }
      // Entries in one column never overlap: each starts below the previous one's last line.
      const byColumn = new Map<number, Array<{ top: number; bottom: number }>>();
      for (const e of s.entries) {
        const col = byColumn.get(e.badge.cx) ?? [];
        col.push({ top: e.badge.cy - e.badge.r, bottom: Math.max(e.badge.cy + e.badge.r, e.lines.at(-1)!.y) });
        byColumn.set(e.badge.cx, col);
      }
      for (const col of byColumn.values()) for (let i = 1; i < col.length; i++) expect(col[i]!.top).toBeGreaterThan(col[i - 1]!.bottom);
    }
  });

  it('says what the ingress derivation and the narrative say: same segments, same TLS state', () => {
    for (const c of cases) {
      const q = new ModelQuery(c.model);
      const ingress = deriveView(c.model, 'ingress');
      const steps = c.graph.steps ?? [];
      const edgeOf = new Map(c.graph.edges.map((e) => [e.id, e]));
      for (const p of c.model.ingressPaths) {
        const segs = pathSegments(c.model, p);
        for (const s of segs) {
          // A segment is drawn as itself, or (a corporate client's first one) as client → its connection's gateway
          // → hop 1: the leg into the hop keeps the segment's id, the entry leg is `<id>:entry` from the client.
          const drawn = (edges: Array<{ id: string; from: string; to: string; tls?: string }>) =>
            edges.some(
              (e) =>
                e.to === s.to &&
                e.tls === s.tls &&
                (e.from === s.from || edges.some((x) => x.id === `${e.id}:entry` && x.from === s.from && x.to === e.from && x.tls === s.tls)),
            );
          const step = steps.find((x) => x.flow === 'ingress' && drawn(x.edges.map((id) => edgeOf.get(id)!)));
          expect(step, `${c.file} ${p.name} ${s.from} → ${s.to}`).toBeDefined();
          expect(step!.text, c.file).toContain(tlsWords(s.tls));
          // The ingress view draws the same segment with the same TLS state.
          expect(drawn(ingress!.edges), `${c.file} ingress view`).toBe(true);
        }
        // The narrative's last step (into the pods) reads the same state.
        const last = segs.at(-1);
        const tag = ingressNarrative(p, q).steps.at(-1)!.tags[0]!.label;
        if (last?.tls === 'mtls') expect(tag, c.file).toMatch(/^mTLS/);
        if (last?.tls === 'plaintext') expect(tag, c.file).toBe('plaintext to the pod');
      }
    }
  });

  it('draws the egress derivation\'s hops in path order, numbered consecutively per path', () => {
    for (const c of cases) {
      const steps = c.graph.steps ?? [];
      const egressView = deriveView(c.model, 'egress');
      for (const p of c.model.egressPaths) {
        const nums = p.edges.map((id) => {
          const e = c.model.edges.find((x) => x.id === id)!;
          const step = steps.find((s) => s.flow === 'egress' && s.edges.some((sid) => {
            const v = c.graph.edges.find((x) => x.id === sid)!;
            return v.from === e.from && v.to === e.to;
          }));
          expect(step, `${c.file} ${e.from} → ${e.to}`).toBeDefined();
          // The egress view draws the same hop.
          expect(egressView!.edges.some((v) => v.from === e.from && v.to === e.to), `${c.file} egress view`).toBe(true);
          return step!.n;
        });
        // Hops in path order: numbers rise along the path (a hop shared with an earlier cluster keeps its number).
        const own = nums.filter((n, i) => i === 0 || n > nums[i - 1]!);
        expect(own.length, `${c.file} ${p.id}`).toBe(nums.length);
        // The hop chain's element ids are the path's hops.
        const drawn = p.edges.map((id) => c.model.edges.find((x) => x.id === id)!);
        expect([drawn[0]!.from, ...drawn.map((e) => e.to)], c.file).toEqual(p.hops);
      }
    }
  });

  it('keeps multi-region designs in their regions', () => {
    for (const c of cases) {
      const regions = new Set(c.model.resources.filter((r) => r.kind === 'vnet').map((r) => (r as { region: string }).region));
      const drawn = c.graph.nodes.filter((n) => n.style === 'region');
      expect(drawn.length, c.file).toBe(regions.size);
    }
  });

  it('prints whole on one A4 landscape page with its smallest text at 6 pt or more, every example', () => {
    const box = pictureBox('a4', 'landscape');
    const pt = (c: Case) => onePageTextPt(c.r.width, c.r.height, smallestFontPx(c.r.svg), box);
    // The smallest text is what the page fit reads: no text in the SVG is smaller than the step numbers.
    for (const c of cases) expect(smallestFontPx(c.r.svg), c.file).toBe(TYPE.legend);
    // Issue #11 §3, with the standalone SVG's title block: the two-region g too (5.55 pt before the 16:9 frame).
    for (const c of cases) expect(pt(c), c.file).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    // 6 pt at 10.5 px on the A4 landscape picture box (269 mm wide) is a canvas at most 1334 px wide: the measure
    // rejects a wider one.
    expect(onePageTextPt(1334, 750, TYPE.legend, box)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(onePageTextPt(1336, 751, TYPE.legend, box)).toBeLessThan(MIN_TEXT_PT);
  });

  it('is framed 16:9, the drawing inside the frame and centred in it, the frame no larger than it needs', async () => {
    const m = await loadFonts();
    for (const c of cases) {
      expect(isSixteenByNine(c.r), `${c.file} ${c.r.width} x ${c.r.height}`).toBe(true);
      const g = room(m, c.r.target);
      // Nothing is cut off by the frame.
      for (const [side, v] of Object.entries(g)) expect(v, `${c.file} room ${side}`).toBeGreaterThanOrEqual(0);
      // Centred: as much room on the left as on the right and at the top as at the bottom, give or take the
      // canvas margin (16 px) and a legend line shorter than its column.
      expect(Math.abs(g.left - g.right), `${c.file} ${JSON.stringify(g)}`).toBeLessThanOrEqual(40);
      expect(Math.abs(g.top - g.bottom), `${c.file} ${JSON.stringify(g)}`).toBeLessThanOrEqual(40);
      // One axis is the drawing's own: the frame adds room on the other only.
      expect(Math.min(g.left + g.right, g.top + g.bottom), `${c.file} ${JSON.stringify(g)}`).toBeLessThanOrEqual(80);
    }
    // The other side of the check: a canvas off 16:9 by more than a pixel fails it.
    expect(isSixteenByNine({ width: 1067, height: 600 })).toBe(true);
    expect(isSixteenByNine({ width: 1067, height: 602 })).toBe(false);
    expect(isSixteenByNine({ width: 1107, height: 588 })).toBe(false); // a's overview before the frame, 1.88:1
    expect(isSixteenByNine({ width: 1300, height: 776 })).toBe(false); // f's, 1.68:1
  });

  it('puts a beside legend\'s notes under the picture\'s key when that narrows the frame: g whole on Letter', async () => {
    const m = await loadFonts();
    // g as the pack draws it (no title block): the step legend beside the picture, its two notes under the key.
    const g = cases.find((c) => c.file.startsWith('g-'))!;
    const { target: t, svg } = await renderView(g.model, g.graph, { metadata: false });
    const s = t.steps!;
    const right = Math.max(...[...t.containers, ...t.nodes].map((x) => x.box.x + x.box.width));
    expect(s.x).toBeGreaterThanOrEqual(right);
    expect(s.notes.length).toBeGreaterThan(0);
    const keyBottom = t.legend.y + Math.max(...t.legend.entries.map((e) => e.y)) + 16;
    const heading = s.headings.find((h) => h.text === 'Not numbered')!;
    for (const r of [heading, ...s.notes]) {
      const x = s.x + r.x;
      const top = s.y + r.y - r.size;
      // Under the key, left of the column, inside the canvas.
      expect(top, r.text).toBeGreaterThan(keyBottom);
      expect(x, r.text).toBeGreaterThanOrEqual(t.legend.x);
      expect(x + m.width(r.text, r.size, r.weight), r.text).toBeLessThanOrEqual(s.x);
      expect(s.y + r.y, r.text).toBeLessThanOrEqual(t.height);
    }
    // The numbered entries stay in the column.
    for (const e of s.entries) for (const l of e.lines) expect(l.x, l.text).toBeGreaterThanOrEqual(0);
    expect(isSixteenByNine(t)).toBe(true);
    // Narrow enough for one Letter landscape page at 6 pt (with the notes in the column it was 1317 px: 5.86 pt).
    const letter = onePageTextPt(t.width, t.height, smallestFontPx(svg), pictureBox('letter', 'landscape'));
    expect(letter, `${t.width} x ${t.height}`).toBeGreaterThanOrEqual(MIN_TEXT_PT);
  });

  it('writes the same bytes twice', async () => {
    for (const c of cases) {
      const [again] = await renderDiagrams(c.model, { views: ['overview'] });
      expect(again!.svg === c.r.svg, c.file).toBe(true);
    }
  });

  it('is the first diagram of each architecture in the review pack', async () => {
    const { diagrams } = await diagramsFor(cases[0]!.model, []);
    expect(diagrams[0]!.view).toBe('overview');
  });
});

describe('aksnet diagram without --view', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  async function run(args: string[]): Promise<number> {
    const p = new Command('aksnet').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    register(p);
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await p.parseAsync(args, { from: 'user' });
      return (p.getOptionValue('exit') as number | undefined) ?? 0;
    } catch (e) {
      if (e instanceof CommanderError) return 2;
      if (e instanceof AksnetError) return e.exitCode;
      throw e;
    } finally {
      process.stdout.write = write;
    }
  }

  it('draws the overview only; --view all draws every view; a bad --theme is a usage error', async () => {
    const example = join(examplesDir, files[0]!);
    const stem = files[0]!.replace(/\.ts$/, '');
    const out = mkdtempSync(join(tmpdir(), 'aksnet-overview-'));
    dirs.push(out);
    expect(await run(['diagram', example, '-o', out])).toBe(0);
    expect(readdirSync(out)).toEqual([`${stem}.overview.svg`]);
    const every = mkdtempSync(join(tmpdir(), 'aksnet-overview-all-'));
    dirs.push(every);
    expect(await run(['diagram', example, '--view', 'all', '-o', every])).toBe(0);
    expect(readdirSync(every).length).toBe(VIEWS.length);
    expect(await run(['diagram', example, '--theme', 'purple', '-o', out])).toBe(2);
  });
});
