/** A reversed edge is layered as if it ran the other way, but its route still runs from its source to its target. */
import { describe, expect, it } from 'vitest';
import { layout, type LayoutNode } from '../../src/layout/elk.js';

const leaf = (id: string): LayoutNode => ({ id, width: 140, height: 50, container: false, ports: true });
const near = (p: { x: number; y: number }, x: number) => Math.abs(p.x - x) < 0.6;

describe('reversed edges', () => {
  it('share the columns of the flow they return along, routed from source to target', async () => {
    // a → b → c, and c → d: plain, d lands right of c; reversed, d is layered before c, in b's column.
    const nodes = ['a', 'b', 'c', 'd'].map(leaf);
    const flow = [{ id: 'ab', from: 'a', to: 'b' }, { id: 'bc', from: 'b', to: 'c' }];
    const plain = await layout({ nodes, edges: [...flow, { id: 'cd', from: 'c', to: 'd' }] });
    const back = await layout({ nodes, edges: [...flow, { id: 'cd', from: 'c', to: 'd', reverse: true }] });
    expect(plain.nodes.get('d')!.x).toBeGreaterThan(plain.nodes.get('c')!.x);
    expect(back.nodes.get('d')!.x).toBeLessThan(back.nodes.get('c')!.x);
    expect(back.width).toBeLessThan(plain.width);
    // The route starts on c's border (its west side: ported boxes take reversed edges on the in side) and ends on d.
    const pts = back.edges.get('cd')!.points;
    const c = back.nodes.get('c')!;
    const d = back.nodes.get('d')!;
    expect(near(pts[0]!, c.x) || near(pts[0]!, c.x + c.width)).toBe(true);
    const last = pts[pts.length - 1]!;
    expect(near(last, d.x) || near(last, d.x + d.width)).toBe(true);
  });
});
