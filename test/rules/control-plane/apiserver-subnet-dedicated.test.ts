import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { runRule } from '../../helpers/run-rule.js';
import { vnetIntegrated } from './_fixtures.js';

const ID = 'control-plane/apiserver-subnet-dedicated';

describe(ID, () => {
  it('reports node pools and load balancers in the API server subnet', async () => {
    const b = vnetIntegrated();
    b.aks.nodePools.push(nodePool({ name: 'extra', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: b.apiSubnet }));
    b.ilb.subnet = b.apiSubnet;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'API server subnet snet-apiserver (10.1.8.0/28) of aks-test is also used by node pool aks-test/extra, loadBalancer ilb-ingress; it must be dedicated to API servers',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2]');
  });

  it('passes a dedicated subnet', async () => {
    expect(await runRule(ID, vnetIntegrated().arch)).toEqual([]);
  });
});
