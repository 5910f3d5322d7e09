/** Where wrapped text may break: after spaces and `/ - . _ , :`, but never inside a port ("https:443") or a CIDR. */
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

  it('keeps an IPv4 address or CIDR whole: the break moves before it, never after one of its dots or its slash', () => {
    const text = 'hub VNet · 10.200.0.0/24, 10.200.1.0/24';
    // Room for "…10.200.1.0/" but not for the prefix length after it.
    const lines = wrapAt(text, 'hub VNet · 10.200.0.0/24, 10.200.1.0/');
    expect(lines).toEqual(['hub VNet · 10.200.0.0/24,', '10.200.1.0/24']);
    expect(wrapAt('CNI kubenet · pods 10.244.0.0/16', 'CNI kubenet · pods 10.244.')).toEqual(['CNI kubenet · pods', '10.244.0.0/16']);
    expect(wrapAt('next hop 10.0.2.4 (afw)', 'next hop 10.0.')).toEqual(['next hop', '10.0.2.4 (afw)']);
    // A version or a dotted name is not an address: it still breaks after its dots.
    expect(wrapAt('Kubernetes 1.29.4 release', 'Kubernetes 1.29.')).toEqual(['Kubernetes 1.29.', '4 release']);
  });

  it('hard-breaks a port only when it is wider than a whole line', () => {
    const lines = wrapAt('https:443', 'https:');
    expect(lines.join('')).toBe('https:443');
    expect(lines.length).toBeGreaterThan(1);
  });
});
