/**
 * A large design in the pack: the 20-spoke hub's views are drawn collapsed, each on few pages with text at 6 pt
 * or more (page-fit math), the spokes left out are listed, and the whole pictures are written beside the pack;
 * past FULL_LAYOUT_MAX_NODES boxes the whole picture is not laid out and the pack says how to get it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_LAYOUT_MAX_NODES } from '../../src/diagram/pack-views.js';
import { MAX_PRINT_PAGES, MIN_TEXT_PT, fitDiagram, smallestFontPx } from '../../src/diagram/page-fit.js';
import { diagramPages, renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { prepareInputs, writeReport } from '../../src/report/pack.js';
import type { ReportInput } from '../../src/report/view-model.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { loadRules } from '../../src/validate/registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('a 20-spoke design in the pack', () => {
  let dir: string;
  let file: string;
  let input: ReportInput;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aksnet-large-pack-'));
    const { writeHubSpoke } = (await import(join(root, 'bench', 'designs.mjs'))) as {
      writeHubSpoke(dir: string, spokes: number): string;
    };
    file = writeHubSpoke(dir, 20);
    [input] = (await prepareInputs({ files: [file], asOf: '2026-11-23', config: false })) as [ReportInput];
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("tells the context facts of the 20 alike clusters and gateways once, naming the other 19", async () => {
    const { buildViewModel } = await import('../../src/report/view-model.js');
    const facts = buildViewModel([input], { version: '0', rules: [] }).architectures[0]!.facts;
    const others = Array.from({ length: 19 }, (_, i) => `aks-${i + 2}`);
    const merged = facts.filter((f) => / and 19 alike$/.test(f.label)).map((f) => f.label);
    expect(merged).toEqual(expect.arrayContaining(['Cluster aks-1 and 19 alike', 'Node pools of aks-1 and 19 alike']));
    const row = facts.find((f) => f.label === 'Cluster aks-1 and 19 alike')!;
    // aks-2 … aks-20, numbered without a gap, written as a run.
    expect(others).toHaveLength(19);
    expect(row.value).toMatch(/\(the same for aks-2 to aks-20\)$/);
    expect(facts.some((f) => f.label === 'Cluster aks-2' || f.label.startsWith('Cluster aks-2 '))).toBe(false);
    // The rows that differ per spoke stay: one per VNet in "Virtual networks", one row for the hub's firewall.
    expect(facts.find((f) => f.label === 'Virtual networks')!.value.split('; ')).toHaveLength(21);
    expect(facts.length).toBeLessThan(20);
  });

  it('prints the pod and service ranges of the 20 alike clusters once each, and every VNet and subnet', async () => {
    const { buildViewModel } = await import('../../src/report/view-model.js');
    const rows = buildViewModel([input], { version: '0', rules: [] }).architectures[0]!.ipPlan.rows;
    const ranges = rows.filter((r) => r.level === 'pod-cidr' || r.level === 'service-cidr').map((r) => r.name);
    expect(ranges).toEqual(['aks-1 pods and 19 alike', 'aks-1 services and 19 alike']);
    expect(rows.filter((r) => r.level === 'vnet')).toHaveLength(21);
  });

  it('draws every view collapsed, each on at most three pages with no text under 6 pt', () => {
    // The four spoke-bearing views (a view that numbers steps across the whole design cannot collapse honestly).
    const four = ['topology', 'ingress', 'egress', 'control-plane'];
    const ds = (input.diagrams ?? []).filter((d) => four.includes(d.view));
    expect(ds.map((d) => d.view)).toEqual(four);
    let pages = 0;
    for (const d of ds) {
      expect(d.collapsed?.spokes, d.view).toBe(20);
      expect(
        d.collapsed?.groups.map((g) => g.members.length),
        d.view,
      ).toEqual([19]);
      // The whole picture would not fit one page at 6 pt: that is why it is collapsed.
      expect(d.full?.svg, d.view).toBeDefined();
      expect(fitDiagram(d.full!.width!, d.full!.height!, smallestFontPx(d.full!.svg!)).tiles.length).toBeGreaterThan(1);
      const fit = fitDiagram(d.width, d.height, smallestFontPx(d.svg));
      expect(fit.minTextPt, d.view).toBeGreaterThanOrEqual(MIN_TEXT_PT - 1e-9);
      expect(fit.tiles.length, d.view).toBeLessThanOrEqual(3);
      // Each printed page of it: the picture sized so the smallest text is 6 pt or more.
      for (const p of diagramPages(d.svg, d.width, d.height, 'a4')) {
        const scale = p.widthMm / ((Number(/viewBox="[\d.]+ [\d.]+ ([\d.]+)/.exec(p.svgHtml)![1]) * 25.4) / 96);
        expect(smallestFontPx(d.svg) * 0.75 * scale, d.view).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.05);
      }
      pages += fit.tiles.length;
    }
    // Before collapsing, the four views took dozens of pages (the pack was 147 pages).
    expect(pages).toBeLessThanOrEqual(10);
  });

  it('lists the 19 spokes left out, with address spaces and what tells them apart, in the pack', async () => {
    const rules = (await loadRules()).map((r) => r.meta);
    const vm = buildViewModel([input], { version: '0.0.0-test', rules });
    const a = vm.architectures[0]!;
    expect(a.collapsedSpokes.map((r) => r.name)).toEqual(Array.from({ length: 19 }, (_, i) => `vnet-spoke-${i + 2}`));
    const r20 = a.collapsedSpokes.at(-1)!;
    expect(r20.addressSpace).toBe('10.30.0.0/16');
    expect(r20.like).toBe('vnet-spoke-1');
    expect(r20.differs).toContain('snet-nodes 10.30.0.0/22');
    expect(r20.differs).toContain('aks-20');
    const collapsed = a.diagrams.filter((d) => ['topology', 'ingress', 'egress', 'control-plane'].includes(d.view));
    expect(collapsed.every((d) => d.collapsedNote?.startsWith('1 of 20 spokes drawn'))).toBe(true);
    const json = JSON.parse(renderJson(vm)) as {
      architectures: Array<{ collapsedSpokes: unknown[]; diagrams: object[] }>;
    };
    expect(json.architectures[0]!.collapsedSpokes).toHaveLength(19);
    expect(json.architectures[0]!.diagrams.some((d) => 'fullSvg' in d)).toBe(false);
    const html = renderHtml(vm, { medium: 'print' });
    expect(html).toContain('Spokes drawn once');
    expect(html).toContain('+ 19 more spokes like vnet-spoke-1');
    expect(html).toMatch(/<td class="mono">vnet-spoke-20<\/td><td class="mono">10\.30\.0\.0\/16<\/td>/);
  });

  it('leaves a picture of more than MAX_PRINT_PAGES pages out of the print, with its caption and a note', async () => {
    const rules = (await loadRules()).map((r) => r.meta);
    const [first, ...others] = input.diagrams!;
    // A first view that no collapsing could bring onto few pages (20,000 × 3,000 px with 10 px text).
    const huge = '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="3000"><text font-size="10">x</text></svg>';
    const wide = { ...first!, svg: huge, width: 20000, height: 3000 };
    delete wide.collapsed;
    delete wide.full;
    const vm = buildViewModel([{ ...input, diagrams: [wide, ...others] }], { version: '0.0.0-test', rules });
    expect(diagramPages(huge, 20000, 3000, 'a4').length).toBeGreaterThan(MAX_PRINT_PAGES);
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    const anchor = `${vm.architectures[0]!.anchor}-diagram-${first!.view}`;
    const fig = new RegExp(`<figure class="diagram diagram-omitted" id="${anchor}">[\\s\\S]*?</figure>`).exec(html)![0];
    expect(fig).toContain('<h2>Diagrams</h2>');
    expect(fig).toMatch(/At 6 pt this picture would take \d+ pages, so it is not printed; the full-size SVG beside this pack/);
    expect(fig).toContain(`pack-diagrams/${vm.architectures[0]!.diagrams[0]!.fileName}`);
    expect(html.match(/<h2>Diagrams<\/h2>/g)).toHaveLength(1);
    expect(html).not.toContain('viewBox="0 0 20000');
    // The other views still print, collapsed.
    expect(html.match(/class="diagram diagram-page/g)!.length).toBeGreaterThanOrEqual(others.length);
  });

  it('writes the whole pictures beside the HTML pack and links them', async () => {
    const out = join(dir, 'pack.html');
    const res = await writeReport({
      files: [file],
      outputs: [{ format: 'html', path: out }],
      asOf: '2026-11-23',
      config: false,
    });
    expect(res.failed).toEqual([]);
    const beside = readdirSync(join(dir, 'pack-diagrams')).sort();
    expect(beside).toHaveLength(5);
    const html = readFileSync(out, 'utf8');
    for (const f of beside) {
      expect(html).toContain(`href="pack-diagrams/${f}"`);
      // The file beside is the whole view: all 20 spokes.
      expect(readFileSync(join(dir, 'pack-diagrams', f), 'utf8')).toContain('vnet-spoke-20');
    }
    // The pack itself draws one spoke per collapsed view, the overview included (its steps compared too).
    expect(html.match(/<figure[^>]*id="[^"]*-diagram-overview"[\s\S]*?<\/figure>/g) ?? []).toHaveLength(1);
    expect(html.match(/data-element="vnet:vnet-spoke-20"/g) ?? []).toEqual([]);
  }, 300_000);
});

describe('a design past the full-layout limit', () => {
  it('draws it collapsed without laying out the whole picture, and says how to get it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aksnet-huge-pack-'));
    try {
      const { writeHubSpoke } = (await import(join(root, 'bench', 'designs.mjs'))) as {
        writeHubSpoke(dir: string, spokes: number): string;
      };
      const file = writeHubSpoke(dir, 60);
      const out = join(dir, 'pack.html');
      const res = await writeReport({
        files: [file],
        outputs: [{ format: 'html', path: out }],
        asOf: '2026-11-23',
        config: false,
      });
      expect(res.failed).toEqual([]);
      const topo = res.vm.architectures[0]!.diagrams.find((d) => d.view === 'topology')!;
      expect(topo.fullSvg).toBeUndefined();
      expect(topo.fullSizeNote).toMatch(
        /^The whole picture \(\d+ boxes\) is not laid out in a pack run; aksnet diagram <design> --view topology draws it\.$/,
      );
      expect(Number(/\((\d+) boxes\)/.exec(topo.fullSizeNote!)![1])).toBeGreaterThan(FULL_LAYOUT_MAX_NODES);
      expect(existsSync(join(dir, 'pack-diagrams', topo.fileName))).toBe(false);
      expect(readFileSync(out, 'utf8')).toContain('+ 59 more spokes like vnet-spoke-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
