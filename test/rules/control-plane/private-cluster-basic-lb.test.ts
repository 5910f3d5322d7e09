import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'control-plane/private-cluster-basic-lb';

describe(ID, () => {
  it('reports a private cluster on the Basic load balancer', async () => {
    const b = baseline();
    b.aks.network.loadBalancerSku = 'basic';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('private cluster aks-test uses the Basic load balancer; private clusters require the Standard load balancer');
    expect(f[0]!.path).toBe('clusters[0].network.loadBalancerSku');
  });

  it('passes the Standard baseline', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });
});
