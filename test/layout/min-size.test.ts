/** A container is never narrower than its measured header, whichever way the flow is laid out. */
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/elk.js';

describe('container minimum size', () => {
  for (const direction of ['RIGHT', 'DOWN'] as const) {
    it(`keeps the measured width and height of a container laid out ${direction}`, async () => {
      const r = await layout({
        direction,
        nodes: [
          { id: 'c', width: 302, height: 80, container: true, padding: { top: 40, left: 14, bottom: 14, right: 14 } },
          { id: 'a', parent: 'c', width: 100, height: 40, container: false },
        ],
        edges: [],
      });
      const c = r.nodes.get('c')!;
      expect(c.width).toBeGreaterThanOrEqual(302);
      expect(c.height).toBeGreaterThanOrEqual(80);
      // Not transposed: the box is wider than tall, as measured.
      expect(c.height).toBeLessThan(c.width);
    });
  }
});
