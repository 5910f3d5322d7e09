import { describe, expect, it } from 'vitest';
import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/static-block-max-pods';

function staticBlock(maxPods: number) {
  const b = baseline();
  const pods = subnet({ name: 'snet-pods', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
  b.spoke.subnets.push(pods);
  b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
  b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', count: 3, maxPods, subnet: b.nodes, podSubnet: pods })];
  return b;
}

describe(ID, () => {
  it('warns about maxPods 40 (3 blocks, 7 addresses wasted)', async () => {
    const f = await runRule(ID, staticBlock(40).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('node pool system of aks-test sets maxPods 40, which reserves 3 /28 blocks (48 addresses) per node; use 47 (or 31) to fill the blocks');
    expect(f[0]!.path).toBe('clusters[0].nodePools[0].maxPods');
  });

  it('passes 16N − 1', async () => {
    expect(await runRule(ID, staticBlock(47).arch)).toEqual([]);
  });
});
