import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/max-pods-pool-minimum';

describe(ID, () => {
  it('reports a 2-node pool with maxPods 10', async () => {
    const b = baseline();
    b.aks.nodePools.push(nodePool({ name: 'tiny', mode: 'user', vmSize: 'Standard_D2ds_v5', count: 2, maxPods: 10, subnet: b.nodes }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('node pool tiny of aks-test has 2 nodes × 10 max pods = 20 pods; with maxPods below 30 a pool must hold at least 30');
    expect(f[0]!.path).toBe('clusters[0].nodePools[2].maxPods');
  });

  it('passes 3 nodes × 10 pods', async () => {
    const b = baseline();
    b.aks.nodePools.push(nodePool({ name: 'tiny', mode: 'user', vmSize: 'Standard_D2ds_v5', count: 3, maxPods: 10, subnet: b.nodes }));
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
