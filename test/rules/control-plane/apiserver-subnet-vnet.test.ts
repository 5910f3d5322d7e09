import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/apiserver-subnet-vnet';

describe(ID, () => {
  it('reports an API server subnet in the hub while nodes are in the spoke', async () => {
    const b = vnetIntegrated();
    b.spoke.subnets.pop();
    b.apiSubnet.cidr = '10.0.1.0/28';
    b.hub.subnets.push(b.apiSubnet);
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('API server subnet snet-apiserver of aks-test is in VNet vnet-hub, but its node subnets are in vnet-spoke');
    expect(f[0]!.path).toBe('clusters[0].apiServer.subnet');
  });

  it('passes the same VNet', async () => {
    expect(await runRule(ID, vnetIntegrated().arch)).toEqual([]);
  });
});
