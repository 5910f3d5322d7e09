/**
 * An SVG drawn without its font subsets (drawSvg) is what a review pack compares trial pictures on: with the subsets
 * embedded it is the document renderSvg writes, byte for byte, and page fitting reads the same sizes, boxes and
 * label chips from either.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
import { deriveView } from '../../src/diagram/views.js';
import { drawView, renderView } from '../../src/diagram/pipeline.js';
import { drawSvg, embedFonts, renderSvg } from '../../src/render/svg.js';
import { cutObstacles, smallestFontPx } from '../../src/diagram/page-fit.js';
import { VIEWS } from '../../src/diagram/index.js';
import type { DiagramTarget } from '../../src/model/diagram-target.js';
import { baseline } from '../helpers/fixture.js';

const targets: DiagramTarget[] = [];
let model: ReturnType<typeof normalize>['model'];

beforeAll(async () => {
  model = normalize(baseline().arch).model;
  for (const view of VIEWS) {
    const graph = deriveView(model, view);
    if (graph) targets.push((await drawView(model, graph, {})).target);
  }
}, 120_000);

describe('SVG drawing without font subsets', () => {
  it('becomes the rendered document once its subsets are embedded', async () => {
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const t of targets) {
      const d = drawSvg(t);
      const full = embedFonts(d);
      expect(full).toBe((await renderSvg(t)).svg);
      // The subsets are the only difference, and they go inside the <style> element.
      expect(full.length).toBeGreaterThan(d.markup.length);
      expect(full.startsWith(d.markup.slice(0, d.fontAt))).toBe(true);
      expect(full.endsWith(d.markup.slice(d.fontAt))).toBe(true);
      expect(full.slice(d.fontAt, full.length - (d.markup.length - d.fontAt))).toMatch(/^(@font-face\{[^}]*\})+$/);
      expect(d.markup).not.toContain('@font-face');
    }
  });

  it('gives page fitting the same smallest text and the same cut obstacles as the finished SVG', () => {
    for (const t of targets) {
      const d = drawSvg(t);
      const full = embedFonts(d);
      expect(smallestFontPx(d.markup)).toBe(smallestFontPx(full));
      expect(cutObstacles(d.markup)).toEqual(cutObstacles(full));
      expect(cutObstacles(d.markup).length).toBeGreaterThan(0);
    }
  });

  it('is what renderView finishes: the same picture, drawn once', async () => {
    const graph = deriveView(model, 'topology')!;
    const drawn = await drawView(model, graph, {});
    const rendered = await renderView(model, graph, {});
    expect(embedFonts(drawn.drawing)).toBe(rendered.svg);
    expect([drawn.width, drawn.height]).toEqual([rendered.width, rendered.height]);
  });
});
