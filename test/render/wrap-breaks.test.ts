/** Where wrapped text may break: after spaces and `/ - . _ , :`, but never inside a port ("https:443"). */
import { describe, expect, it } from 'vitest';
import { metrics, wrapMeasured } from '../../src/render/text.js';

const SIZE = 10.5;
const width = (t: string) => metrics.width(t, SIZE, 'regular');
/** Wraps at the width of `fits`: the widest first line allowed. */
const wrapAt = (text: string, fits: string) => wrapMeasured(metrics, text, width(fits), SIZE, 'regular', 9);

/** Each place where a line ends with a colon and the next starts with a digit: a port cut in two. */
const splitPorts = (lines: string[]) => lines.flatMap((l, i) => (/:$/.test(l) && /^\d/.test(lines[i + 1] ?? '') ? [l] : []));

describe('wrap break points', () => {
  it('keeps a protocol and its port together: the break moves before "https:443", not after its colon', () => {
    const text = 'WAF Prevention): https:443 · TLS (encrypted)';
    // Room for "WAF Prevention): https:" but not for the port after it.
    const lines = wrapAt(text, 'WAF Prevention): https:4');
    expect(lines[0]).toBe('WAF Prevention):');
    expect(lines[1]).toBe('https:443 · TLS');
    const sql = wrapAt('to SQL (tcp:1433), Redis (tcp:6380)', 'to SQL (tcp:14');
    expect(sql[0]).toBe('to SQL');
    expect(sql.some((l) => l.startsWith('(tcp:1433)'))).toBe(true);
    expect(splitPorts(sql)).toEqual([]);
  });

  it('still breaks after a colon not followed by a digit, and after / - . _ ,', () => {
    expect(wrapAt('namespace:payments-api', 'namespace:pay')).toEqual(['namespace:', 'payments-api']);
    expect(wrapAt('rt-aks-egress/0.0.0.0', 'rt-aks-egress/0')).toEqual(['rt-aks-egress/', '0.0.0.0']);
    expect(wrapAt('alpha,beta', 'alpha,b')).toEqual(['alpha,', 'beta']);
  });

  it('hard-breaks a port only when it is wider than a whole line', () => {
    const lines = wrapAt('https:443', 'https:');
    expect(lines.join('')).toBe('https:443');
    expect(lines.length).toBeGreaterThan(1);
  });
});
