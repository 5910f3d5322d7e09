import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet } from './_fixtures.js';

const ID = 'cni/cilium-dataplane-cni';

describe(ID, () => {
  it('reports the Cilium dataplane on kubenet', async () => {
    const f = await runRule(ID, kubenet({ dataplane: 'cilium', networkPolicy: 'cilium' }).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test combines the Cilium dataplane with kubenet; Azure CNI powered by Cilium needs an Azure CNI mode');
    expect(f[0]!.path).toBe('clusters[0].network.dataplane');
  });

  it('passes Cilium on overlay', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
