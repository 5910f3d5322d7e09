import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/static-pod-subnet-size';

function staticBlock(podCidr: string) {
  const b = baseline();
  b.spoke.addressSpace.push('100.64.0.0/10');
  const pods = subnet({ name: 'snet-pods', cidr: podCidr, purpose: 'aks-pods' });
  b.spoke.subnets.push(pods);
  b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: pods })];
  return b;
}

describe(ID, () => {
  it('reports an /11 pod subnet', async () => {
    const f = await runRule(ID, staticBlock('100.64.0.0/11').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('static-block pod subnet snet-pods 100.64.0.0/11 of aks-test is a /11; static block allocation supports at most a /12');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
  });

  it('passes a /12', async () => {
    expect(await runRule(ID, staticBlock('100.64.0.0/12').arch)).toEqual([]);
  });
});
