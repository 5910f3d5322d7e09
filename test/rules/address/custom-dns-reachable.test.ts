import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withOnPrem } from './_fixtures.js';

const ID = 'address/custom-dns-reachable';

describe(ID, () => {
  it('warns about a public resolver on the cluster VNet', async () => {
    const b = baseline();
    b.spoke.dnsServers = ['10.0.0.4', '8.8.8.8'];
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'VNet vnet-spoke hosts an AKS cluster and uses DNS server 8.8.8.8, which is not inside it or any connected VNet or on-premises range; nodes cannot resolve private zones through it',
    );
    expect(f[0]!.path).toBe('network.vnets[1].dnsServers[1]');
  });

  it('passes resolvers in the hub and in a connected data centre', async () => {
    const b = withOnPrem(['192.168.100.0/22']);
    b.spoke.dnsServers = ['10.0.0.4', '192.168.100.10'];
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
