import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'cni/max-pods-range';

describe(ID, () => {
  it('reports maxPods below 10', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.maxPods = 8;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('node pool apps of aks-test sets maxPods 8; AKS accepts 10 to 250');
    expect(f[0]!.path).toBe('clusters[0].nodePools[1].maxPods');
  });

  it('passes 10 and the defaults', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.maxPods = 10;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
