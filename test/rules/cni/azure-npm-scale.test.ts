import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/azure-npm-scale';

function npm() {
  const b = baseline();
  b.aks.network.dataplane = 'azure';
  b.aks.network.networkPolicy = 'azure';
  return b;
}

describe(ID, () => {
  it('reports node and pod counts above the Azure NPM limits', async () => {
    const b = npm();
    b.aks.nodePools[1]!.maxCount = 300;
    b.aks.nodePools[1]!.maxPods = 110;
    const f = await runRule(ID, b.arch);
    // 5 + 300 nodes; 5 × 250 + 300 × 110 = 34,250 pods
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test uses Azure NPM and can reach 305 nodes (limit 250) and 34,250 pods (limit 20,000) at max scale');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
  });

  it('passes a cluster within the limits', async () => {
    const b = npm();
    for (const p of b.aks.nodePools) p.maxPods = 110;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
