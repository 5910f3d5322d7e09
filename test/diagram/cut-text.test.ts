/**
 * Text and strip boundaries: a picture printed in strips or tiles is cut where no word is cut, so that every text of
 * it (a legend entry, a container's name, a label) is whole in one window. Before, cuts avoided boxes and label
 * chips only: a legend row under the picture was cut through ("Egress traffic" with its line on one strip, its
 * words on the next).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPackDiagrams } from '../../src/diagram/pack-views.js';
import { cutObstacles, fitDiagram, legendBoxes, smallestFontPx, textBoxes, type TextBox, type Tile } from '../../src/diagram/page-fit.js';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { metrics } from '../../src/render/text.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

/** Whether a text's box lies whole inside a window. */
const inside = (t: TextBox, w: Tile) =>
  t.x >= w.x - 0.01 && t.x + t.width <= w.x + w.width + 0.01 && t.y >= w.y - 0.01 && t.y + t.height <= w.y + w.height + 0.01;

/** The texts of a picture that no window of its print holds whole: words a strip or tile boundary cuts. */
function cutTexts(d: { svg: string; width: number; height: number }): string[] {
  const fit = fitDiagram(d.width, d.height, smallestFontPx(d.svg), 'a4', cutObstacles(d.svg));
  if (fit.tiles.length < 2) return [];
  return textBoxes(d.svg)
    .filter((t) => !fit.tiles.some((w) => inside(t, w)))
    .map((t) => `${t.text} (${t.within.at(-1) ?? 'canvas'})`);
}

describe('text boxes of an aksnet SVG', () => {
  it('places each text by the translates around it, as wide as the font sets it', () => {
    const svg =
      '<svg width="900" height="600"><g id="v-diagram" transform="translate(20 100)">' +
      '<g class="container-label"><text x="10" y="20" font-size="12" font-weight="700">vnet-hub</text></g></g>' +
      '<g id="v-legend" class="legend" transform="translate(16 500)"><text x="0" y="9.75" font-size="10.5">Legend</text>' +
      '<g id="v-legend-0" transform="translate(96.5 22)" data-legend="edge-egress"><path d="M0 8 H30"></path>' +
      '<text x="38" y="11.87" font-size="10.5">Egress &amp; more</text></g></g></svg>';
    const [header, title, entry] = textBoxes(svg);
    expect(header).toMatchObject({ text: 'vnet-hub', x: 30, within: ['container-label'] });
    expect(header!.width).toBeCloseTo(metrics.width('vnet-hub', 12, 'bold'), 6);
    expect(header!.y).toBeCloseTo(120 - metrics.ascent(12), 6);
    expect(title).toMatchObject({ text: 'Legend', x: 16, within: ['legend'] });
    expect(entry).toMatchObject({ text: 'Egress & more', x: 16 + 96.5 + 38, within: ['legend'] });
    expect(entry!.y).toBeCloseTo(500 + 22 + 11.87 - metrics.ascent(10.5), 6);
    // A cut avoids the legend's texts and each entry's sample beside its text.
    const boxes = legendBoxes(svg);
    expect(boxes).toContainEqual({ x: 16 + 96.5, y: 522, width: 38, height: 16 });
    expect(boxes.some((b) => b.x === entry!.x && b.width === entry!.width)).toBe(true);
  });
});

describe('strips and tiles cut no text', () => {
  it('leaves every text whole in one window of each picture the pack holds (whole, printed, parts)', async () => {
    // e's whole egress with its title block: three tiles, the first cut through its legend's "Egress traffic" before.
    const cases = [
      ['e-istio-mesh.ts', 'egress', true],
      ['d-legacy-agic-kubenet.ts', 'egress', false],
      ['g-two-region-stamps.ts', 'ingress', false],
    ] as const;
    let cutPictures = 0;
    for (const [file, view, metadata] of cases) {
      const m = (await loadArchitecture(join(examples, file))).model;
      const [d] = await renderPackDiagrams(m, { views: [view], metadata });
      const pictures = [
        { ...d!, title: 'whole' },
        ...(d!.printed ? [{ ...d!.printed, title: 'printed' }] : []),
        ...(d!.parts ?? []),
      ];
      for (const p of pictures) {
        const fit = fitDiagram(p.width, p.height, smallestFontPx(p.svg), 'a4', cutObstacles(p.svg));
        if (fit.tiles.length > 1) cutPictures++;
        expect(cutTexts(p), `${file} ${view} ${p.title}`).toEqual([]);
      }
    }
    // The property is tested on pictures that are cut: e's egress in three tiles, d's in two strips, g's regions too.
    expect(cutPictures).toBeGreaterThanOrEqual(4);
  }, 120_000);
});

describe('soft obstacles (container names)', () => {
  it('are avoided when a cut can be, and cut through rather than falling back to even strips', () => {
    // The wide strip of page-wrap.test.ts (1544 x 432 px, 10 px text): two strips, the even cut near x = 772.
    const leaf = { x: 100, y: 100, width: 200, height: 60 };
    const name = { x: 600, y: 20, width: 400, height: 14 };
    const soft = fitDiagram(1544, 432, 10, 'a4', [leaf, { ...name, soft: true }]);
    expect(soft.wrap).toBe('rows');
    expect(soft.cleanCut).toBe(true);
    // No cut clears the name within reach of the even cut: it goes through the name, between the boxes.
    const cut = soft.tiles[1]!.x;
    expect(cut).toBeGreaterThan(name.x);
    expect(cut).toBeLessThan(name.x + name.width);
    // The same name as a box no cut may cross: no clean cut, even strips that overlap.
    expect(fitDiagram(1544, 432, 10, 'a4', [leaf, name]).cleanCut).toBe(false);
    // Room beside the name: the cut clears it.
    const narrow = { ...name, width: 100, soft: true };
    const clear = fitDiagram(1544, 432, 10, 'a4', [leaf, narrow]);
    const at = clear.tiles[1]!.x;
    expect(at + 6 <= narrow.x || at >= narrow.x + narrow.width).toBe(true);
  });
});
