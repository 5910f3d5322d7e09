import { describe, expect, it } from 'vitest';
import { azureUsable, cidr, containsIp, contains, ipToNumber, isIpv4, isPrivateRange, overlaps, parseCidr } from '../../src/model/cidr.js';

const range = (t: string) => cidr(t)!;

describe('isPrivateRange', () => {
  it('accepts ranges inside RFC 1918 and RFC 6598 space, up to their edges', () => {
    for (const t of ['10.0.0.0/8', '10.255.255.0/24', '172.16.0.0/12', '172.31.255.255/32', '192.168.0.0/16', '100.64.0.0/10', '100.127.255.0/24']) {
      expect(isPrivateRange(range(t)), t).toBe(true);
    }
  });

  it('rejects ranges just outside them, and ranges that only partly overlap them', () => {
    for (const t of ['11.0.0.0/8', '9.255.255.255/32', '172.32.0.0/16', '172.15.255.0/24', '192.169.0.0/16', '100.128.0.0/10', '100.63.255.0/24', '10.0.0.0/7', '0.0.0.0/0', '203.0.113.0/24']) {
      expect(isPrivateRange(range(t)), t).toBe(false);
    }
  });
});

describe('azureUsable', () => {
  it('subtracts the 5 addresses Azure keeps, never below zero', () => {
    expect(azureUsable(range('10.0.0.0/24'))).toBe(251);
    expect(azureUsable(range('10.0.0.0/28'))).toBe(11);
    expect(azureUsable(range('10.0.0.0/29'))).toBe(3);
    expect(azureUsable(range('10.0.0.0/30'))).toBe(0);
    expect(azureUsable(range('10.0.0.0/32'))).toBe(0);
  });
});

describe('parseCidr', () => {
  it('explains each way a CIDR can be wrong', () => {
    expect(parseCidr(42)).toEqual({ ok: false, error: 'expected a CIDR string, got number' });
    expect(parseCidr('10.0.0.0')).toEqual({ ok: false, error: '"10.0.0.0" has no prefix length (expected a.b.c.d/n)' });
    expect(parseCidr('10.0.0/8')).toEqual({ ok: false, error: '"10.0.0/8" is not an IPv4 CIDR' });
    expect(parseCidr('10.0.0.256/32')).toEqual({ ok: false, error: '"10.0.0.256/32" is not an IPv4 CIDR' });
    for (const t of ['10.0.0.0/33', '10.0.0.0/08', '10.0.0.0/', '10.0.0.0/x8', '10.0.0.0/8x', '10.0.0.0/100']) {
      expect(parseCidr(t), t).toEqual({ ok: false, error: `"${t}" has an invalid prefix length` });
    }
    expect(parseCidr('10.1.0.1/22')).toEqual({
      ok: false,
      error: '"10.1.0.1/22" has host bits set; the network address for /22 is 10.1.0.0/22',
    });
  });

  it('reads each dotted quad strictly: four decimal parts 0–255, no leading zeros, nothing else', () => {
    const bad = ['256.0.0.0', '0.256.0.0', '0.0.256.0', '1000.0.0.0', '01.0.0.0', '0.00.0.0', '0.0.0.010', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3', ' 1.2.3.4', '1.2.3.4 ', '+1.2.3.4', '0x1.2.3.4', '1e2.0.0.0', '١.2.3.4', 'a.b.c.d'];
    for (const q of bad) expect(parseCidr(`${q}/32`), q).toEqual({ ok: false, error: `"${q}/32" is not an IPv4 CIDR` });
    for (const [q, n] of [['255.255.255.255', 2 ** 32 - 1], ['0.0.0.0', 0], ['10.0.0.0', 10 * 2 ** 24], ['1.20.255.9', 0x0114ff09], ['100.64.0.1', 0x64400001]] as const) {
      const r = parseCidr(`${q}/32`);
      expect(r.ok && r.range.first, q).toBe(n);
    }
  });

  it('accepts the extremes of the prefix range and of the address space', () => {
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ ok: true, range: { first: 0, last: 2 ** 32 - 1, prefix: 0, size: 2 ** 32 } });
    expect(parseCidr('255.255.255.255/32')).toMatchObject({ ok: true, range: { prefix: 32, size: 1 } });
    expect(parseCidr('10.0.0.0/9')).toMatchObject({ ok: true, range: { prefix: 9 } });
    expect(parseCidr('10.1.0.0/22')).toMatchObject({ ok: true, range: { prefix: 22, size: 1024 } });
  });

  it('returns the same answer when asked twice (cached), and a frozen range', () => {
    const a = parseCidr('10.9.0.0/16');
    const b = parseCidr('10.9.0.0/16');
    expect(b).toEqual(a);
    expect(a.ok && Object.isFrozen(a.range)).toBe(true);
  });
});

describe('addresses', () => {
  it('isIpv4 and ipToNumber accept dotted quads only', () => {
    expect(isIpv4('10.0.0.4')).toBe(true);
    for (const t of ['10.0.0', '10.0.0.256', '', 'fd00::4', 42, undefined]) expect(isIpv4(t), String(t)).toBe(false);
    expect(ipToNumber('0.0.1.2')).toBe(258);
    expect(ipToNumber(258)).toBeUndefined();
  });

  it('overlaps and contains are inclusive at both ends', () => {
    const a = range('10.0.0.0/24');
    expect(overlaps(a, range('10.0.0.255/32'))).toBe(true);
    expect(overlaps(range('10.0.0.255/32'), a)).toBe(true);
    expect(overlaps(a, range('10.0.1.0/24'))).toBe(false);
    expect(overlaps(range('10.0.1.0/24'), a)).toBe(false);
    expect(contains(a, range('10.0.0.128/25'))).toBe(true);
    expect(contains(range('10.0.0.128/25'), a)).toBe(false);
  });

  it('containsIp is true from the first to the last address only', () => {
    const a = range('10.0.0.0/24');
    expect(containsIp(a, '10.0.0.0')).toBe(true);
    expect(containsIp(a, '10.0.0.255')).toBe(true);
    expect(containsIp(a, '10.0.1.0')).toBe(false);
    expect(containsIp(a, '9.255.255.255')).toBe(false);
    expect(containsIp(a, 'garbage')).toBe(false);
  });
});
