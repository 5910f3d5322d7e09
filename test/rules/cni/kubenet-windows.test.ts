import { describe, expect, it } from 'vitest';
import { nodePool } from '../../../dsl/index.js';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet, withWindows } from './_fixtures.js';

const ID = 'cni/kubenet-windows';

describe(ID, () => {
  it('reports a Windows pool in a kubenet cluster', async () => {
    const b = kubenet();
    b.aks.nodePools.push(nodePool({ name: 'win', mode: 'user', os: 'Windows', vmSize: 'Standard_D4ds_v5', subnet: b.nodes }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('Windows node pool win cannot join kubenet cluster aks-test; Windows nodes require Azure CNI');
    expect(f[0]!.path).toBe('clusters[0].nodePools[2].os');
  });

  it('passes Windows on Azure CNI', async () => {
    expect(await runRule(ID, withWindows().arch)).toEqual([]);
  });
});
