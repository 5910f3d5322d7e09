import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet } from './_fixtures.js';

const ID = 'cni/kubenet-node-limit';

describe(ID, () => {
  it('reports a kubenet cluster that can exceed 400 nodes', async () => {
    const b = kubenet();
    b.aks.nodePools[1]!.maxCount = 390;
    const f = await runRule(ID, b.arch);
    // system 5 + 1 surge, apps 390 + 39 surge
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('kubenet cluster aks-test reaches 395 nodes + 40 surge = 435 at max scale; kubenet supports at most 400 (one route per node)');
    expect(f[0]!.path).toBe('clusters[0].nodePools');
  });

  it('passes a small kubenet cluster and large overlay clusters', async () => {
    expect(await runRule(ID, kubenet().arch)).toEqual([]);
  });
});
