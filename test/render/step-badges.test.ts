/** Where a step number goes on its line (src/render/step-badges.ts). */
import { describe, expect, it } from 'vitest';
import { badgeCentre } from '../../src/render/step-badges.js';

/** The step badge's radius (render/target.ts draws it 16 px across). */
const RADIUS = 8;

describe('badgeCentre', () => {
  it('puts the number on a route long enough to carry it, in its middle', () => {
    expect(badgeCentre([{ x: 0, y: 50 }, { x: 200, y: 50 }], [], [])).toEqual({ x: 100, y: 50 });
  });

  it('puts the number beside a route too short to show around it, so the line (and its dash) stays visible', () => {
    // Two boxes 20 px apart (the overview's column gap): the route would vanish under a 16 px number.
    const c = badgeCentre([{ x: 100, y: 50 }, { x: 120, y: 50 }], [], []);
    expect(c.x).toBe(110);
    expect(Math.abs(c.y - 50)).toBeGreaterThan(RADIUS);
    const v = badgeCentre([{ x: 40, y: 0 }, { x: 40, y: 24 }], [], []);
    expect(v.y).toBe(12);
    expect(Math.abs(v.x - 40)).toBeGreaterThan(RADIUS);
  });

  it('puts the number beside a bent route whose every stretch is short, even where one stretch could just take it', () => {
    // d's overview, adjuster-tool step 1 (stretches of 10, 5.4 and 30 px): on the 30 px stretch the number hid all of
    // it between the bend and the arrowhead.
    const route = [{ x: 149, y: 206.42 }, { x: 159, y: 206.42 }, { x: 159, y: 201 }, { x: 189, y: 201 }];
    const c = badgeCentre(route, [], []);
    expect(c.x).toBe(174);
    expect(Math.abs(c.y - 201)).toBeGreaterThan(RADIUS);
    // One stretch of 36 px carries it, on the route.
    const long = badgeCentre([{ x: 149, y: 206 }, { x: 159, y: 206 }, { x: 159, y: 201 }, { x: 195, y: 201 }], [], []);
    expect(long.y).toBe(201);
  });

  it('takes the side of a short route that no box covers', () => {
    const box = { x: 90, y: 20, width: 40, height: 25 };
    const c = badgeCentre([{ x: 100, y: 50 }, { x: 120, y: 50 }], [box], []);
    expect(c.y).toBeGreaterThan(50);
  });

  it("keeps off another line's bend: on its own route where it can, else beside it", () => {
    // a's overview: the egress (cluster to route table, 42.5 px) ran 10 px under the ingress line's bend into the
    // cluster; on the route every point was within a badge of that bend, and the number read as the ingress's.
    const egress = [{ x: 732, y: 254.5 }, { x: 689.5, y: 254.5 }];
    const ingress = [{ x: 670, y: 191.5 }, { x: 709, y: 191.5 }, { x: 709, y: 244.5 }, { x: 735, y: 244.5 }];
    const near = (c: { x: number; y: number }) => Math.hypot(c.x - 709, c.y - 244.5);
    expect(near(badgeCentre(egress, [], []))).toBeLessThan(RADIUS + 3);
    const c = badgeCentre(egress, [], [], [ingress]);
    expect(near(c)).toBeGreaterThanOrEqual(11);
    expect(c.y).toBeGreaterThan(254.5);
    expect(Math.abs(c.y - 254.5)).toBeLessThanOrEqual(11);
    // A route with room away from the other line keeps the number on itself.
    const long = [{ x: 900, y: 254.5 }, { x: 689.5, y: 254.5 }];
    const onLine = badgeCentre(long, [], [], [ingress]);
    expect(onLine.y).toBe(254.5);
    expect(near(onLine)).toBeGreaterThanOrEqual(11);
  });
});
