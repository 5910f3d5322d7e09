/** The HTML pack on screen (full-width diagrams, a 1:1 view and contents without JavaScript) and in print. */
import { beforeAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from '../../src/report/html.js';
import { buildViewModel } from '../../src/report/view-model.js';
import { prepareInputs } from '../../src/report/pack.js';
import type { ReportViewModel } from '../../src/report/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('HTML pack', () => {
  let vm: ReportViewModel;
  beforeAll(async () => {
    const inputs = await prepareInputs({ files: [join(root, 'examples', 'a-hub-spoke-baseline.ts')], config: false });
    vm = buildViewModel(inputs, { version: '0.0.0-test', rules: [] });
  });

  it('on screen: no zero-width spaces, a pinned contents, every diagram with a 1:1 view', () => {
    const html = renderHtml(vm);
    expect(html).not.toContain('\u200b');
    expect(html).toMatch(/<nav class="toc" aria-label="Contents"><details>/);
    const a = vm.architectures[0]!;
    for (const section of ['diagrams', 'flows', 'findings']) {
      expect(html).toContain(`href="#${a.anchor}-${section}"`);
      expect(html).toContain(`id="${a.anchor}-${section}"`);
    }
    const figures = html.match(/<figure class="diagram diagram-screen"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(a.diagrams.length);
    for (const f of figures) {
      expect(f).toContain('<details class="zoom">');
      // The SVG keeps its natural width, which the open 1:1 view uses.
      expect(f).toMatch(/<svg\b[^>]*\swidth="[\d.]+"/);
    }
    expect(html).toMatch(/:has\(details\.zoom\[open\]\) \.diagram-body svg \{ width: auto; max-width: none/);
  });

  it('in print: each diagram on its own pages, sized in mm, rule ids unbreakable, no contents bar', () => {
    const html = renderHtml(vm, { medium: 'print', diagramDir: 'pack-diagrams' });
    expect(html).not.toContain('<nav class="toc"');
    expect(html).not.toContain('<details class="zoom">');
    const pages = html.match(/<figure class="diagram diagram-page diagram-(portrait|landscape)"/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(vm.architectures[0]!.diagrams.length);
    expect(html).toMatch(/<svg viewBox="[\d. ]+" style="width:[\d.]+mm;height:[\d.]+mm"/);
    expect(html).toContain('Full-size SVG beside this pack: <span class="mono">pack-diagrams/');
    expect(html).toMatch(/\.rule-id \{ white-space: nowrap; \}/);
    expect(html).toMatch(/@page landscape \{ size: A4 landscape; \}/);
  });
  it('in print: no glyph subset at all, the diagrams drawn with the vendored face as their subsets are', () => {
    const html = renderHtml(vm, { medium: 'print' });
    const head = html.slice(0, html.indexOf('</head>'));
    const body = html.slice(html.indexOf('</head>'));
    // Every diagram names its own subset family first and falls back to the vendored face, which the PDF
    // browser has as a system font; printed, no subset is defined, so the fallback draws the text.
    const stacks = [...new Set([...body.matchAll(/<svg\b[^>]*font-family="([^"]+)"/g)].map((m) => m[1]!))];
    // One picture per diagram, or one per part of a view printed in parts (each part an SVG of its own).
    const pictures = vm.architectures[0]!.diagrams.reduce((n, d) => n + (d.parts?.length ?? 1), 0);
    expect(pictures).toBeGreaterThanOrEqual(vm.architectures[0]!.diagrams.length);
    expect(stacks.length).toBe(pictures);
    for (const stack of stacks) expect(stack).toMatch(/^aksnet-[0-9a-f]+, DejaVu Sans, sans-serif$/);
    expect(html).not.toMatch(/@font-face\s*\{/);
    expect(html).not.toContain('data:font/');
    // The subsets have no OpenType layout tables: the full face must not kern or ligate what they did not.
    expect(head).toContain(
      'svg text { font-kerning: none; font-variant-ligatures: none; font-feature-settings: "kern" 0, "liga" 0, "clig" 0, "calt" 0; }',
    );
    // On screen each diagram keeps its subset (the SVGs stand alone), and the text features stay as they are.
    const screen = renderHtml(vm);
    expect(screen.match(/@font-face\{font-family:&quot;aksnet-[0-9a-f]+&quot;/g)?.length ?? 0).toBeGreaterThanOrEqual(stacks.length);
    expect(screen).not.toContain('font-kerning: none');
    // The vendored DejaVu faces come from the PDF browser's fontconfig, not from 2.4 MB of data URLs.
    expect(head).not.toMatch(/@font-face \{ font-family: 'DejaVu Sans/);
    // On screen the HTML stays self-contained: the vendored faces are in it.
    expect(renderHtml(vm)).toMatch(/@font-face \{ font-family: 'DejaVu Sans'; [^}]*src: url\(data:font\/ttf;base64,/);
  });
});
