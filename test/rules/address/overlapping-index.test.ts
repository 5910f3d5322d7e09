/** `overlapping` indexes long range lists: it must return exactly what a plain filter returns, in list order. */
import { describe, expect, it } from 'vitest';
import { overlapping, type RoutedRange } from '../../../src/rules/address/_net.js';
import { overlaps, type CidrRange } from '../../../src/model/cidr.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function range(next: () => number): CidrRange {
  const prefix = 8 + Math.floor(next() * 25);
  const size = 2 ** (32 - prefix);
  const first = Math.floor((next() * 2 ** 32) / size) * size;
  return { text: `r${first}/${prefix}`, first, last: first + size - 1, prefix } as CidrRange;
}

describe('overlapping', () => {
  it('matches a plain filter on random lists, short and long, nested and disjoint', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      const n = seed % 2 ? 20 + Math.floor(next() * 40) : 64 + Math.floor(next() * 300);
      const list: RoutedRange[] = Array.from(
        { length: n },
        (_, i) =>
          ({
            element: `vnet:v${i}`,
            name: `v${i}`,
            what: 'VNet',
            text: '',
            range: range(next),
            index: 0,
          }) as RoutedRange,
      );
      for (let k = 0; k < 30; k++) {
        const r = range(next);
        expect(overlapping(list, r), `seed ${seed}`).toEqual(list.filter((x) => overlaps(x.range, r)));
      }
      // Edges: a range touching the first and the last address of a listed one.
      const x = list[Math.floor(next() * n)]!.range;
      for (const r of [
        { ...x, first: x.last, last: x.last },
        { ...x, first: x.first, last: x.first },
        { ...x, first: x.last + 1, last: x.last + 1 },
      ]) {
        expect(overlapping(list, r), `seed ${seed}`).toEqual(list.filter((y) => overlaps(y.range, r)));
      }
    }
  });
});
