import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'address/pod-subnet-static-capacity';

function staticBlock(podCidr: string) {
  const b = baseline();
  const pods = subnet({ name: 'snet-pods', cidr: podCidr, purpose: 'aks-pods' });
  b.spoke.subnets.push(pods);
  b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 10, maxPods: 47, maxSurge: 2, subnet: b.nodes, podSubnet: pods })];
  return b;
}

describe(ID, () => {
  it('reports a pod subnet without enough /28 blocks', async () => {
    const f = await runRule(ID, staticBlock('10.1.8.0/24').arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('pod subnet snet-pods 10.1.8.0/24 has room for 15 /28 blocks; at max scale (10 nodes + 2 surge) × 3 blocks (47 pods) need 36 (576 addresses)');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
  });

  it('passes a /22', async () => {
    expect(await runRule(ID, staticBlock('10.1.8.0/22').arch)).toEqual([]);
  });
});
