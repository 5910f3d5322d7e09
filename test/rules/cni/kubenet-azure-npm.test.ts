import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet } from './_fixtures.js';

const ID = 'cni/kubenet-azure-npm';

describe(ID, () => {
  it('reports kubenet with Azure NPM', async () => {
    const f = await runRule(ID, kubenet({ networkPolicy: 'azure' }).arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('cluster aks-test uses kubenet with networkPolicy azure; Azure NPM requires Azure CNI (use calico on kubenet)');
    expect(f[0]!.path).toBe('clusters[0].network.networkPolicy');
  });

  it('passes kubenet with Calico', async () => {
    expect(await runRule(ID, kubenet().arch)).toEqual([]);
  });
});
