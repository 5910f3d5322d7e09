import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/apiserver-subnet-delegation';

describe(ID, () => {
  it('reports an undelegated API server subnet', async () => {
    const b = vnetIntegrated();
    b.apiSubnet.delegation = undefined;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is not delegated; it must be delegated to Microsoft.ContainerService/managedClusters',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].delegation');
  });

  it('passes the delegated subnet', async () => {
    expect(await runRule(ID, vnetIntegrated().arch)).toEqual([]);
  });
});
