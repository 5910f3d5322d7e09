/** Edges that share their ends stay apart: parallel edges and many edges into one node get their own ports. */
import { describe, expect, it } from 'vitest';
import { layout, type LayoutNode } from '../../src/layout/elk.js';

const leaf = (id: string, ports = false): LayoutNode => ({ id, width: 140, height: 50, container: false, ports });
const end = (points: Array<{ x: number; y: number }>) => points[points.length - 1]!;
const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;

describe('edge ports', () => {
  for (const ports of [true, false]) {
    it(`draws two edges between the same ends as two lines with their own labels (ports: ${ports})`, async () => {
      const r = await layout({
        nodes: [leaf('a', ports), leaf('b', ports)],
        edges: [
          { id: 'http', from: 'a', to: 'b', label: { width: 60, height: 20 } },
          { id: 'https', from: 'a', to: 'b', label: { width: 70, height: 20 } },
        ],
      });
      const h = r.edges.get('http')!;
      const s = r.edges.get('https')!;
      expect(key(end(h.points))).not.toBe(key(end(s.points)));
      expect(key(h.points[0]!)).not.toBe(key(s.points[0]!));
      // The labels do not sit on top of each other.
      const [l1, l2] = [h.label!, s.label!];
      const overlap = l1.x < l2.x + l2.width && l2.x < l1.x + l1.width && l1.y < l2.y + l2.height && l2.y < l1.y + l1.height;
      expect(overlap).toBe(false);
    });
  }

  it('brings four edges into one node at four separate points', async () => {
    const r = await layout({
      nodes: [leaf('s1', true), leaf('s2'), leaf('s3', true), leaf('s4'), leaf('api', true)],
      edges: ['s1', 's2', 's3', 's4'].map((s) => ({ id: `${s}-api`, from: s, to: 'api', label: { width: 50, height: 20 } })),
    });
    const ends = ['s1', 's2', 's3', 's4'].map((s) => key(end(r.edges.get(`${s}-api`)!.points)));
    expect(new Set(ends).size).toBe(4);
  });
});
