import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'reliability/system-node-count';

describe(ID, () => {
  it('passes with minCount 3', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a system pool that can shrink to 2 nodes', async () => {
    const b = baseline();
    b.aks.nodePools[0]!.minCount = 2;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('cluster aks-test has 2 system nodes at minimum (system: 2); keep at least 3');
    expect(f[0]!.path).toBe('clusters[0].nodePools[0].minCount');
  });

  it('reports a fixed single-node system pool', async () => {
    const b = baseline();
    const pool = b.aks.nodePools[0]!;
    delete pool.minCount;
    delete pool.maxCount;
    pool.count = 1;
    const f = await runRule(ID, b.arch);
    expect(f[0]!.message).toBe('cluster aks-test has 1 system node at minimum (system: 1); keep at least 3');
    expect(f[0]!.path).toBe('clusters[0].nodePools[0].count');
  });
});
