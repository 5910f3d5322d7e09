/**
 * The diagram target is the only input of the SVG renderer: plain JSON data, complete (every icon it
 * places is in it, every edge routed), and rendered to the same bytes after a JSON round trip.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { normalize } from '../../src/normalize/normalize.js';
import { deriveView } from '../../src/diagram/views.js';
import { renderView, type ViewRender } from '../../src/diagram/pipeline.js';
import { renderSvg } from '../../src/render/svg.js';
import { canonicalMarkup, esc } from '../../src/render/svg/markup.js';
import { hex } from '../../src/render/target.js';
import type { DiagramTarget, IconPlacement } from '../../src/model/diagram-target.js';
import type { Finding } from '../../src/validate/finding.js';
import { VIEWS } from '../../src/diagram/index.js';
import { baseline } from '../helpers/fixture.js';

const renders: ViewRender[] = [];

beforeAll(async () => {
  const { model } = normalize(baseline().arch);
  // One open error on the firewall, so the finding overlay and its legend entry are drawn too.
  const fw = model.resources.find((r) => r.kind === 'azureFirewall')!;
  const finding = { ruleId: 'x', severity: 'error', status: 'open', element: fw.id } as unknown as Finding;
  for (const view of VIEWS) {
    const graph = deriveView(model, view);
    if (graph) renders.push(await renderView(model, graph, { findings: [finding] }));
  }
}, 120_000);

function placements(t: DiagramTarget): IconPlacement[] {
  const out: IconPlacement[] = [];
  for (const s of t.nodes) if (s.icon) out.push(s.icon);
  for (const c of t.connections) if (c.label?.tls) out.push(c.label.tls);
  for (const b of t.badges ?? []) out.push(b.icon);
  for (const e of t.legend.entries) if (e.type === 'tls' || e.type === 'severity') out.push(e.icon);
  return out;
}

describe('diagram target', () => {
  it('survives a JSON round trip unchanged, and the renderer gives the same bytes from the copy', async () => {
    expect(renders.length).toBeGreaterThanOrEqual(3);
    for (const r of renders) {
      const copy = JSON.parse(JSON.stringify(r.target)) as DiagramTarget;
      expect(copy).toEqual(r.target);
      const again = await renderSvg(copy);
      expect(again.svg).toBe(r.svg);
      expect(XMLValidator.validate(r.svg)).toBe(true);
    }
  });

  it('holds every icon it places, routes every edge, and orders containers outermost first', () => {
    for (const r of renders) {
      const t = r.target;
      const ps = placements(t);
      expect(ps.length).toBeGreaterThan(0);
      for (const p of ps) expect(t.icons[p.icon], `${t.view}: icon ${p.icon}`).toBeDefined();
      // Instance suffixes keep ids unique per drawing.
      expect(new Set(ps.map((p) => p.instance)).size).toBe(ps.length);
      expect(t.connections.length).toBe(r.measured.edges.length);
      for (const c of t.connections) expect(c.points.length, `${t.view}: ${c.id}`).toBeGreaterThanOrEqual(2);
      const seen = new Set<string>();
      const parent = new Map(r.measured.nodes.map((n) => [n.node.id, n.node.parent]));
      for (const s of t.containers) {
        const p = parent.get(s.id);
        if (p !== undefined) expect(seen.has(p), `${t.view}: ${p} before ${s.id}`).toBe(true);
        seen.add(s.id);
      }
      expect(t.containers.length + t.nodes.length).toBe(r.measured.nodes.length);
    }
  });

  it('carries final colours and finite numbers only', () => {
    for (const r of renders) {
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'number') expect(Number.isFinite(v), path).toBe(true);
        else if (typeof v === 'string' && /(fill|stroke|background)$/i.test(path))
          expect(v, path).toMatch(/^#[0-9a-f]{6}$/);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) if (path !== 'icons') walk(x, path ? `${path}.${k}` : k);
      };
      walk(r.target, '');
    }
  });

  it('shows the finding overlay only where findings were given', async () => {
    const withFindings = renders.find((r) => r.target.view === 'topology')!;
    expect(withFindings.target.badges!.map((b) => b.severity)).toEqual(['error']);
    expect(withFindings.target.legend.entries.some((e) => e.type === 'severity' && e.severity === 'error')).toBe(true);
    const { model } = normalize(baseline().arch);
    const plain = await renderView(model, deriveView(model, 'topology')!, {});
    expect(plain.target.badges).toBeUndefined();
    expect(plain.svg).not.toContain('-findings"');
  });
});

describe('svg markup', () => {
  it('escapes the four XML specials and nothing else', () => {
    expect(esc(`a&b<c>d"e'f`)).toBe(`a&amp;b&lt;c&gt;d&quot;e'f`);
  });

  it('writes icon bodies with end tags, double quotes and re-escaped values', () => {
    expect(canonicalMarkup(`<g a='1'><path d="M0 0"/></g>`)).toBe('<g a="1"><path d="M0 0"></path></g>');
    expect(canonicalMarkup(`<rect title="&apos;x&#x3c;y&#62;&amp;"/>`)).toBe(`<rect title="'x&lt;y&gt;&amp;"></rect>`);
    expect(canonicalMarkup('<text>a &amp; b &lt; c</text>')).toBe('<text>a &amp; b &lt; c</text>');
    expect(canonicalMarkup('<!-- keep --><g/>')).toBe('<!-- keep --><g></g>');
    expect(canonicalMarkup('')).toBe('');
  });

  it('normalises colours the way the SVG has always carried them', () => {
    expect(hex('#AABBCC')).toBe('#aabbcc');
    expect(hex('#0aF')).toBe('#00aaff');
    expect(hex('none')).toBe('none');
  });
});
