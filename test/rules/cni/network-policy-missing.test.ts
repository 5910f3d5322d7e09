import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/network-policy-missing';

describe(ID, () => {
  it('warns when no engine is set (the default)', async () => {
    const b = baseline();
    delete b.aks.network.networkPolicy;
    b.aks.network.dataplane = 'azure';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test has no network policy engine; every pod can reach every other pod');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
    expect(f[0]!.severity).toBe('warning');
  });

  it('passes the baseline with Cilium policy', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
