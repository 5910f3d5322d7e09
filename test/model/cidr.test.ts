import { describe, expect, it } from 'vitest';
import { azureUsable, cidr, isPrivateRange } from '../../src/model/cidr.js';

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
