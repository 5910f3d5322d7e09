import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/dns-service-ip';

async function withDns(ip: string) {
  const b = baseline();
  b.aks.network.dnsServiceIP = ip;
  return runRule(ID, b.arch);
}

describe(ID, () => {
  it('reports an address outside the service CIDR', async () => {
    const f = await withDns('10.0.0.10');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('DNS service IP 10.0.0.10 of aks-test is outside its service CIDR 172.16.0.0/16; use e.g. 172.16.0.10');
    expect(f[0]!.path).toBe('clusters[0].network.dnsServiceIP');
  });

  it('reports the network address and the first address', async () => {
    expect((await withDns('172.16.0.0'))[0]!.message).toContain('is the network address of 172.16.0.0/16');
    expect((await withDns('172.16.0.1'))[0]!.message).toContain('is the first address of 172.16.0.0/16');
  });

  it('passes the .10 address', async () => {
    expect(await withDns('172.16.0.10')).toEqual([]);
  });
});
