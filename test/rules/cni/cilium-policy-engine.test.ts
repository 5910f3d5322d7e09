import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/cilium-policy-engine';

describe(ID, () => {
  it('reports Cilium policy on the Azure dataplane', async () => {
    const b = baseline();
    b.aks.network.dataplane = 'azure';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test sets networkPolicy cilium with the azure dataplane; Cilium policy requires dataplane cilium');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
  });

  it('reports Calico on the Cilium dataplane', async () => {
    const b = baseline();
    b.aks.network.networkPolicy = 'calico';
    const f = await runRule(ID, b.arch);
    expect(f[0]!.message).toContain('runs the Cilium dataplane with networkPolicy calico');
  });

  it('passes the baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
