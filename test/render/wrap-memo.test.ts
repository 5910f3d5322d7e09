/**
 * wrapText remembers its wrappings (WrapMemo in src/render/text.ts): a text wrapped again at a width that takes the
 * same branches gets the same lines without being measured again; any other width is wrapped afresh. The lines must
 * always be those wrapMeasured (no memo) gives, on both sides of every width where they change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metrics, WrapMemo, wrapMeasured, wrapText, type TextMetrics } from '../../src/render/text.js';

/** The vendored font's metrics, counting the widths measured. */
function counting(): TextMetrics & { calls: number } {
  const m = {
    calls: 0,
    width(t: string, s: number, w?: 'regular' | 'bold') {
      m.calls++;
      return metrics.width(t, s, w);
    },
    ascent: (s: number) => metrics.ascent(s),
    lineHeight: (s: number) => metrics.lineHeight(s),
  };
  return m;
}

describe('wrapText memo', () => {
  it('wraps a text exactly as without the memo at every width, in any order (property)', () => {
    const piece = fc.constantFrom('a', 'W', 'i', ' ', '-', '/', '.', '_', 'snet', 'aks-prod', '東京', 'MMMMMMMM', 'https:443');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.double({ min: 4, max: 400, noNaN: true }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('regular' as const, 'bold' as const),
        (parts, widths, maxLines, weight) => {
          const text = parts.join('');
          const memo = new WrapMemo();
          // The widths where the lines change are where the text's own prefixes end: try those exactly too.
          const edges = [...text].map((_, i) => metrics.width(text.slice(0, i + 1).trimEnd(), 11, weight));
          for (const max of [...widths, ...edges.slice(0, 10)]) {
            expect(memo.wrap(metrics, text, max, 11, weight, maxLines)).toEqual(
              wrapMeasured(metrics, text, max, 11, weight, maxLines),
            );
          }
        },
      ),
      { numRuns: 300, seed: 1414 },
    );
  });

  it('on each side of the width where a line breaks: the same lines inside the range, new ones outside', () => {
    const text = 'Application Gateway agw-prod';
    const whole = metrics.width(text, 11, 'regular');
    for (const order of [
      [whole, whole - 1e-9],
      [whole - 1e-9, whole],
    ]) {
      const memo = new WrapMemo();
      const [a, b] = order.map((max) => memo.wrap(metrics, text, max, 11, 'regular', 2));
      const byMax = new Map(order.map((max, i) => [max, i === 0 ? a : b]));
      expect(byMax.get(whole)).toEqual([text]);
      // Just under the whole width the line breaks after the last break point ('-' counts as one).
      expect(byMax.get(whole - 1e-9)).toEqual(['Application Gateway agw-', 'prod']);
      expect(byMax.get(whole - 1e-9)).toEqual(wrapMeasured(metrics, text, whole - 1e-9, 11, 'regular', 2));
    }
  });

  it('measures nothing for a width inside a range it knows, and measures again outside it', () => {
    const m = counting();
    const memo = new WrapMemo();
    const text = 'Egress to api.contoso.com: https:443 through afw-hub (FQDN rule)';
    const first = memo.wrap(m, text, 150, 11, 'regular', 3);
    expect(m.calls).toBeGreaterThan(0);
    m.calls = 0;
    // 150.5 px: every measured width compares with it as with 150 (none lies between the two).
    expect(memo.wrap(m, text, 150.5, 11, 'regular', 3)).toEqual(first);
    expect(m.calls).toBe(0);
    // A copy each time: changing one answer does not change the next.
    memo.wrap(m, text, 150, 11, 'regular', 3).push('changed');
    expect(memo.wrap(m, text, 150, 11, 'regular', 3)).toEqual(first);
    // Another size, weight or line limit is another text to the memo.
    memo.wrap(m, text, 150, 11, 'bold', 3);
    expect(m.calls).toBeGreaterThan(0);
    m.calls = 0;
    const narrow = memo.wrap(m, text, 60, 11, 'regular', 3);
    expect(m.calls).toBeGreaterThan(0);
    expect(narrow).toEqual(wrapMeasured(metrics, text, 60, 11, 'regular', 3));
  });

  it('keeps at most LIMIT wrappings of texts, then starts again, answering as before', () => {
    const m = counting();
    const memo = new WrapMemo();
    const first = memo.wrap(m, 'snet-0 aks nodes', 40, 11, 'regular', 2);
    // One text at two sizes is two wrappings kept; LIMIT - 2 more texts fill the memo to its limit.
    memo.wrap(m, 'snet-0 aks nodes', 40, 12, 'regular', 2);
    for (let i = 1; i <= WrapMemo.LIMIT - 2; i++) memo.wrap(m, `snet-${i} aks nodes`, 40, 11, 'regular', 2);
    m.calls = 0;
    expect(memo.wrap(m, 'snet-0 aks nodes', 40, 11, 'regular', 2)).toEqual(first);
    expect(m.calls).toBe(0);
    // The next new wrapping finds the memo full: it starts again, and the first text is measured anew.
    memo.wrap(m, 'one more text', 40, 11, 'regular', 2);
    m.calls = 0;
    expect(memo.wrap(m, 'snet-0 aks nodes', 40, 11, 'regular', 2)).toEqual(first);
    expect(m.calls).toBeGreaterThan(0);
  });

  it('wrapText itself uses the memo of its metrics and gives the lines wrapMeasured gives', () => {
    const m = counting();
    const text = 'Customers → Application Gateway agw-x: https:443 · TLS (encrypted)';
    const once = wrapText(m, text, 120, 11, 'regular', 5);
    const calls = m.calls;
    expect(wrapText(m, text, 120, 11, 'regular', 5)).toEqual(once);
    expect(m.calls).toBe(calls);
    expect(once).toEqual(wrapMeasured(metrics, text, 120, 11, 'regular', 5));
  });
});
