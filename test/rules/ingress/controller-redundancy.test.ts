import { describe, expect, it } from 'vitest';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'ingress/controller-redundancy';

describe(ID, () => {
  it('passes with 3 replicas spread across zones', async () => {
    expect(await runRule(ID, baseline().arch)).toEqual([]);
  });

  it('reports a single replica', async () => {
    const b = baseline();
    b.ic.replicas = 1;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('ingress controller nginx (nginx) in cluster aks-test runs 1 replica; at least 2 are needed to survive a node drain');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.replicas');
  });

  it('reports replicas without zone spread on a zonal cluster', async () => {
    const b = baseline();
    b.ic.zoneSpread = false;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('ingress controller nginx (nginx) runs 3 replicas without zone spread although cluster aks-test has nodes in 3 zones');
    expect(f[0]!.path).toBe('ingress[0].hops[2].via.zoneSpread');
  });
});
