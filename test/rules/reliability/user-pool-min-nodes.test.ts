import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/user-pool-min-nodes';

describe(ID, () => {
  it('passes with minCount 3, and for spot pools', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
    const b = baseline();
    b.aks.nodePools[1]!.minCount = 0;
    b.aks.nodePools[1]!.spot = true;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });

  it('notes a user pool that can scale down to 1 node', async () => {
    const b = baseline();
    b.aks.nodePools[1]!.minCount = 1;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toBe('user node pool apps of cluster aks-test can run with 1 node (minCount 1); 3 or more keep one per zone');
    expect(f[0]!.path).toBe('clusters[0].nodePools[1].minCount');
  });
});
