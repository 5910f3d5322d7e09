import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';
import { withWindows } from './_fixtures.js';

const ID = 'cni/cilium-windows';

describe(ID, () => {
  it('reports a Windows pool in a Cilium cluster', async () => {
    const f = await runRule(ID, withWindows().arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('Windows node pool win cannot run in Cilium cluster aks-test; Cilium supports Linux nodes only');
    expect(f[0]!.path).toBe('clusters[0].nodePools[2].os');
  });

  it('passes Windows with the Azure dataplane and Calico, and the Linux-only baseline', async () => {
    const b = withWindows();
    b.aks.network.dataplane = 'azure';
    b.aks.network.networkPolicy = 'calico';
    expect(await runRule(ID, b.arch)).toEqual([]);
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
