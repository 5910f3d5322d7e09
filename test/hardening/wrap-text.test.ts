/**
 * Issue #15, scale: wrapText was super-quadratic (8,000 characters took 53 s, 10,000 never ended).
 * It must be linear and give exactly the lines the original greedy algorithm gave.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ellipsize, loadFonts, wrapText, type TextMetrics } from '../../src/render/text.js';

let m: TextMetrics;
beforeAll(async () => {
  m = await loadFonts();
});

/** The original algorithm (before #15), kept as the oracle for what the lines must be. */
function reference(text: string, max: number, size: number, maxLines = 2): string[] {
  const w = (s: string) => m.width(s, size, 'regular');
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  if (w(clean) <= max) return [clean];
  const tokens = clean.match(/[^\s/\-._:,]*[\s/\-._:,]?/g)!.filter((t) => t !== '');
  const lines: string[] = [];
  let cur = '';
  const push = (line: string) => lines.push(line.trimEnd());
  for (const tok of tokens) {
    if (w((cur + tok).trimEnd()) <= max) {
      cur += tok;
      continue;
    }
    if (cur !== '') push(cur);
    cur = '';
    let rest = [...tok];
    while (rest.length > 1 && w(rest.join('').trimEnd()) > max) {
      let cut = rest.length - 1;
      while (cut > 1 && w(rest.slice(0, cut).join('')) > max) cut--;
      push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    cur = rest.join('');
  }
  if (cur.trim() !== '') push(cur);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const t = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  if (w(t) <= max) {
    kept[maxLines - 1] = t;
    return kept;
  }
  const chars = [...t];
  let n = chars.length;
  while (n > 0 && w(chars.slice(0, n).join('').trimEnd() + '…') > max) n--;
  kept[maxLines - 1] = chars.slice(0, n).join('').trimEnd() + '…';
  return kept;
}

describe('wrapText', () => {
  it('gives the same lines as the original algorithm (property, short texts)', () => {
    const piece = fc.constantFrom('a', 'W', 'i', ' ', '-', '/', '.', '_', ':', ',', 'snet', 'aks-prod', '東京', '😀', 'MMMMMMMM');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 8, max: 200 }), fc.integer({ min: 1, max: 4 }), (parts, max, maxLines) => {
        const text = parts.join('');
        expect(wrapText(m, text, max, 11, 'regular', maxLines)).toEqual(reference(text, max, 11, maxLines));
      }),
      { numRuns: 300, seed: 1515 },
    );
  });

  it('is linear: 10,000 and 100,000 characters in well under a second', () => {
    for (const n of [10_000, 100_000]) {
      const long = 'x'.repeat(n);
      const t0 = performance.now();
      const lines = wrapText(m, long, 120, 11);
      const ms = performance.now() - t0;
      expect(lines).toHaveLength(2);
      expect(lines[1]!.endsWith('…')).toBe(true);
      expect(ms, `${n} characters took ${ms.toFixed(0)} ms`).toBeLessThan(1000);
    }
    const words = 'word-'.repeat(20_000);
    const t0 = performance.now();
    expect(wrapText(m, words, 120, 11, 'regular', 3)).toHaveLength(3);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('ellipsize keeps the longest prefix that fits, on both sides of the limit', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(40);
    const out = ellipsize(m, text, 100, 11);
    expect(m.width(out, 11, 'regular')).toBeLessThanOrEqual(100);
    const longer = text.slice(0, out.length) + '…';
    expect(m.width(longer, 11, 'regular')).toBeGreaterThan(100);
  });
});
