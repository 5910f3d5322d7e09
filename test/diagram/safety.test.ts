/** User strings are text, never markup; views without content are omitted; findings become badges. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { renderDiagrams } from '../../src/diagram/index.js';
import { layout, LayoutError } from '../../src/layout/elk.js';
import type { Finding } from '../../src/validate/finding.js';
import { baseline } from '../helpers/fixture.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EVIL = `<script>alert("x")</script> & 'q' "dq" Ελληνικά – Кириллица – 東京`;

function evilModel() {
  const { arch } = baseline();
  const a = arch as unknown as { metadata: { title: string } };
  a.metadata.title = `Title ${EVIL}`;
  const { model } = normalize(arch);
  for (const r of model.resources) if (r.kind === 'vnet' || r.kind === 'applicationGateway' || r.kind === 'workload') (r as { name: string }).name = `${r.name} ${EVIL}`;
  return model;
}

function texts(node: unknown, out: string[]): void {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (!k.startsWith('@')) texts(v, out);
}

describe('diagram safety', () => {
  it('renders names with markup, ampersands, quotes and non-Latin text as text', async () => {
    const diagrams = await renderDiagrams(evilModel());
    expect(diagrams.length).toBeGreaterThan(1);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', processEntities: true, htmlEntities: false });
    for (const d of diagrams) {
      expect(XMLValidator.validate(d.svg), d.view).toBe(true);
      expect(d.svg).not.toMatch(/<script/i);
      const doc = parser.parse(d.svg);
      const all: string[] = [];
      texts(doc, all);
      const joined = all.join('\n');
      // Full strings survive in <title> elements; labels may wrap but keep the characters.
      expect(joined, d.view).toContain(EVIL);
    }
  });

  it('wraps or truncates very long names with an ellipsis and keeps the full text in <title>', async () => {
    const { deriveView } = await import('../../src/diagram/views.js');
    const { renderView } = await import('../../src/diagram/pipeline.js');
    const { LEAF } = await import('../../src/render/style.js');
    const { model } = normalize(baseline().arch);
    const long = `${'averyveryverylongname'.repeat(8)} 😀 ${'segment-'.repeat(20)}`;
    for (const r of model.resources) if (r.kind === 'azureFirewall') (r as { name: string }).name = long;
    const graph = deriveView(model, 'topology')!;
    const r = await renderView(model, graph, {});
    const fw = r.measured.nodes.find((n) => n.node.kind === 'azureFirewall')!;
    const box = r.layout.nodes.get(fw.node.id)!;
    expect(fw.lines.some((l) => l.text.endsWith('…'))).toBe(true);
    for (const l of fw.lines) expect(l.width).toBeLessThanOrEqual(box.width - LEAF.padX * 2 - LEAF.icon - LEAF.gap + 0.01);
    expect(r.svg).toContain(`<title>${long}`);
    expect(XMLValidator.validate(r.svg)).toBe(true);
  });

  it('omits views with nothing to show', async () => {
    const { arch } = baseline();
    (arch as unknown as { ingress: unknown[] }).ingress = [];
    const { model } = normalize(arch);
    const views = (await renderDiagrams(model)).map((d) => d.view);
    expect(views).not.toContain('ingress');
    expect(views).toContain('topology');
  });

  it('renders only the requested views, in VIEWS order', async () => {
    const { model } = normalize(baseline().arch);
    const views = (await renderDiagrams(model, { views: ['control-plane', 'topology'] })).map((d) => d.view);
    expect(views).toEqual(['topology', 'control-plane']);
  });

  it('overlays a severity badge with the count of open findings on the element', async () => {
    const { model } = normalize(baseline().arch);
    const fw = model.resources.find((r) => r.kind === 'azureFirewall')!;
    const f = (severity: Finding['severity'], status: Finding['status']): Finding =>
      ({ ruleId: 'x', title: 't', severity, message: 'm', path: '', file: 'f', line: 1, column: 1, element: fw.id, kind: 'structure', pillars: [], waf: [], fix: '', helpUri: '', references: [], status }) as unknown as Finding;
    const [topo] = await renderDiagrams(model, { views: ['topology'], findings: [f('warning', 'open'), f('error', 'open'), f('error', 'suppressed')] });
    // One chip per severity: the suppressed error does not count.
    expect(topo!.svg).toMatch(new RegExp(`class="finding-badge error" data-id="${fw.id}" data-severity="error" data-count="1"`));
    expect(topo!.svg).toMatch(new RegExp(`class="finding-badge warning" data-id="${fw.id}" data-severity="warning" data-count="1"`));
    expect(topo!.svg).toContain('data-legend="severity-error"');
    const [plain] = await renderDiagrams(model, { views: ['topology'] });
    expect(plain!.svg).not.toContain('finding-badge');
  });

  it('rejects duplicate node ids and dangling edges before calling ELK', async () => {
    await expect(layout({ nodes: [{ id: 'a', width: 10, height: 10, container: false }, { id: 'a', width: 10, height: 10, container: false }], edges: [] })).rejects.toThrow(LayoutError);
    await expect(layout({ nodes: [{ id: 'a', width: 10, height: 10, container: false }], edges: [{ id: 'e', from: 'a', to: 'b' }] })).rejects.toThrow(/unknown node "b"/);
  });

  it('writes the same bytes from two separate processes', () => {
    // test/global-setup.ts builds dist/ before any test; a missing build is a failure, not a skip.
    expect(existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    const bin = join(root, 'bin', 'aksnet.js');
    const example = join(root, 'examples', readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort()[0]!);
    const dirs = [mkdtempSync(join(tmpdir(), 'aksnet-d1-')), mkdtempSync(join(tmpdir(), 'aksnet-d2-'))];
    try {
      for (const d of dirs) execFileSync(process.execPath, [bin, 'diagram', example, '-o', d], { stdio: 'pipe' });
      const a = readdirSync(dirs[0]!).sort();
      expect(a.length).toBeGreaterThan(0);
      expect(readdirSync(dirs[1]!).sort()).toEqual(a);
      for (const f of a) expect(readFileSync(join(dirs[1]!, f)).equals(readFileSync(join(dirs[0]!, f))), f).toBe(true);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
});
