import { describe, expect, it } from 'vitest';
import { runRule } from '../../helpers/run-rule.js';
import { publicCluster } from './_fixtures.js';

const ID = 'control-plane/authorized-ranges-basic-lb';

describe(ID, () => {
  it('reports authorized ranges on a Basic load balancer cluster', async () => {
    const b = publicCluster(['203.0.113.0/28', '198.51.100.0/24']);
    b.aks.network.loadBalancerSku = 'basic';
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('aks-test sets 2 authorized IP ranges on a Basic load balancer cluster; authorized ranges require the Standard load balancer');
    expect(f[0]!.path).toBe('clusters[0].network.loadBalancerSku');
  });

  it('passes Standard', async () => {
    expect(await runRule(ID, publicCluster(['203.0.113.0/28']).arch)).toEqual([]);
  });
});
