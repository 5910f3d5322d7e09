import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/node-subnet-delegated';

describe(ID, () => {
  it('reports a delegated node subnet once', async () => {
    const b = baseline();
    b.nodes.delegation = 'Microsoft.ContainerService/managedClusters';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'node subnet snet-nodes (10.1.0.0/22) of pool system in aks-test is delegated to Microsoft.ContainerService/managedClusters; node pool subnets must not be delegated',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].delegation');
  });

  it('passes the baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
