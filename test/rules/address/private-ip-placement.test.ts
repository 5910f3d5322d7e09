import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/private-ip-placement';

describe(ID, () => {
  it('reports a firewall IP on a reserved address and an ILB IP outside its subnet', async () => {
    const b = baseline();
    b.firewall.privateIp = '10.0.0.1';
    b.ilb.privateIp = '10.1.9.4';
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => [x.path, x.message]).sort()).toEqual([
      ['ingress[0].hops[1].via.privateIp', 'internal load balancer ilb-ingress private IP 10.1.9.4 is outside its subnet snet-nodes 10.1.0.0/22'],
      ['network.firewalls[0].privateIp', 'firewall afw-hub private IP 10.0.0.1 is one of the first four addresses of AzureFirewallSubnet 10.0.0.0/26, which Azure reserves (first usable: 10.0.0.4)'],
    ]);
  });

  it('passes usable addresses', async () => {
    const b = baseline();
    b.ilb.privateIp = '10.1.3.250';
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
