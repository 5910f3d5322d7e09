import { describe, expect, it } from 'vitest';
import { cluster, nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/pod-subnet-mode-mixing';

function twoClusters(shared: boolean) {
  const b = baseline();
  const podsA = subnet({ name: 'snet-pods-a', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
  const podsB = subnet({ name: 'snet-pods-b', cidr: '10.1.32.0/20', purpose: 'aks-pods' });
  b.spoke.subnets.push(podsA, podsB);
  b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: podsA })];
  b.arch.clusters.push(
    cluster({
      name: 'aks-dyn',
      region: 'westeurope',
      network: { cni: 'azure-podsubnet-dynamic' },
      nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes, podSubnet: shared ? podsA : podsB })],
    }),
  );
  return b;
}

describe(ID, () => {
  it('reports a pod subnet used by static and dynamic pools', async () => {
    const f = await runRule(ID, twoClusters(true).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('pod subnet snet-pods-a (10.1.16.0/20) is used by static-block pool aks-test/system and dynamic pool aks-dyn/system');
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].cidr');
  });

  it('passes separate pod subnets', async () => {
    expect(await runRule(ID, twoClusters(false).arch)).toEqual([]);
  });
});
