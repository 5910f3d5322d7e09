/**
 * Dense print drawing: a view that does not fit one page at 6 pt is drawn again with the compact boxes and spacing
 * but every label kept; the pack prints that drawing when it needs fewer pages; screen, Markdown and the full-size SVG
 * beside the pack keep the screen drawing.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPackDiagrams } from '../../src/diagram/pack-views.js';
import { fitDiagram, smallestFontPx } from '../../src/diagram/page-fit.js';
import { deriveView } from '../../src/diagram/views.js';
import { renderView } from '../../src/diagram/pipeline.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import type { Model } from '../../src/model/types.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const pages = (d: { svg: string; width: number; height: number }) =>
  fitDiagram(d.width, d.height, smallestFontPx(d.svg)).tiles.length;
/** Text of the label chips on the lines (`<text>` inside an edge label group), in drawing order. */
const chipTexts = (svg: string) =>
  [...svg.matchAll(/class="edge-label"[^>]*>(?:(?!<\/g>)[^])*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** Boxes (x, y, w, h) of the leaf boxes (their data-x/-y/-width/-height), to check that none overlap. */
function leafBoxes(svg: string) {
  const re = /class="node leaf[^"]*"[^>]*data-x="([\d.-]+)" data-y="([\d.-]+)" data-width="([\d.]+)" data-height="([\d.]+)"/g;
  return [...svg.matchAll(re)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
}

describe('dense print drawing', () => {
  let model: Model | undefined;
  const load = async () => (model ??= (await loadArchitecture(join(examples, 'a-hub-spoke-baseline.ts'))).model);

  it('is smaller than the screen drawing and keeps every label chip', async () => {
    const m = await load();
    const graph = deriveView(m, 'topology')!;
    const normal = await renderView(m, graph, {});
    const dense = await renderView(m, { ...graph, dense: true }, {});
    // Narrower boxes and closer columns: the picture is narrower and no larger in area.
    expect(dense.width).toBeLessThan(normal.width * 0.95);
    expect(dense.width * dense.height).toBeLessThan(normal.width * normal.height);
    expect(chipTexts(dense.svg).sort()).toEqual(chipTexts(normal.svg).sort());
    // Details wrap at spaces: no SKU or name is broken where the screen drawing keeps it whole.
    expect(normal.svg).toMatch(/>[^<]*Standard_D4ds_v5[^<]*</);
    expect(dense.svg).toMatch(/>[^<]*Standard_D4ds_v5[^<]*</);
    // (A name in a box label may still break after a hyphen, as in the overview.)
    expect(dense.svg).not.toMatch(/_<\/text>/);
    // The same smallest text: the picture is smaller, not its words.
    expect(smallestFontPx(dense.svg)).toBe(smallestFontPx(normal.svg));
    const boxes = leafBoxes(dense.svg);
    expect(boxes.length).toBe(leafBoxes(normal.svg).length);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
        expect(apart).toBe(true);
      }
    }
  });

  it('is what the pack prints when it needs fewer pages; the screen drawing stays the shown one', async () => {
    // (c): a's topology now prints as three parts of a page each, which beat its dense drawing.
    const m = (await loadArchitecture(join(examples, 'c-agc-gateway-api.ts'))).model;
    const graph = deriveView(m, 'topology')!;
    // As the pack draws it (no metadata block): the dense topology of (c) needs fewer pages than the screen one.
    const normal = await renderView(m, graph, { metadata: false });
    const dense = await renderView(m, { ...graph, dense: true }, { metadata: false });
    // The premise of this case: the screen drawing needs more pages than the dense one.
    expect(pages(dense)).toBeLessThan(pages(normal));
    const [topology] = await renderPackDiagrams(m, { views: ['topology'], metadata: false });
    expect(topology!.printed?.svg).toBe(dense.svg);
    // Screen, Markdown and the full-size SVG beside the pack keep the screen drawing.
    expect(topology!.svg).toBe(normal.svg);
    expect(topology!.full).toBeUndefined();
  });

  it('is not used for a view that fits one page as drawn', async () => {
    const m = (await loadArchitecture(join(examples, 'd-legacy-agic-kubenet.ts'))).model;
    const graph = deriveView(m, 'topology')!;
    const normal = await renderView(m, graph, {});
    expect(pages(normal)).toBe(1);
    const [topology] = await renderPackDiagrams(m, { views: ['topology'] });
    expect(topology!.svg).toBe(normal.svg);
    expect(topology!.full).toBeUndefined();
    expect(topology!.printed).toBeUndefined();
  });
});
