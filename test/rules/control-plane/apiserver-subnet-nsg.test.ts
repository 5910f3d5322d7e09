import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/apiserver-subnet-nsg';

function withDeny(allowFirst: boolean) {
  const b = vnetIntegrated();
  if (allowFirst) {
    b.nodeNsg.rules!.push({ name: 'allow-apiserver', direction: 'inbound', access: 'allow', priority: 150, protocol: 'tcp', source: b.apiSubnet, destination: '*', ports: [443, 4443] });
  }
  b.nodeNsg.rules!.push({ name: 'deny-vnet-in', direction: 'inbound', access: 'deny', priority: 200, protocol: '*', source: 'VirtualNetwork', destination: '*', ports: '*' });
  return b;
}

describe(ID, () => {
  it('reports a node NSG that denies the API server subnet', async () => {
    const f = await runRule(ID, withDeny(false).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'NSG nsg-nodes on node subnet snet-nodes denies TCP 443 and 4443 from API server subnet snet-apiserver (10.1.8.0/28) to snet-nodes (10.1.0.0/22) with rule deny-vnet-in (priority 200); the API server of aks-test cannot reach its nodes',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].nsg.rules[1]');
  });

  it('passes when an allow rule comes first, and with default rules only', async () => {
    expect(await runRule(ID, withDeny(true).arch)).toEqual([]);
    expect(await runRule(ID, vnetIntegrated().arch)).toEqual([]);
  });
});
