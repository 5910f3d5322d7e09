import { describe, expect, it } from 'vitest';
import { routeTable } from '../../../dsl/index.js';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet } from './_fixtures.js';

const ID = 'cni/kubenet-route-table';

describe(ID, () => {
  it('reports a declared table that is not associated with the node subnet', async () => {
    const b = kubenet();
    b.nodes.routeTable = undefined;
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe(
      'kubenet node subnet snet-nodes (10.1.0.0/22) of aks-test has no route table, but the cluster declares route table rt-egress; it must be associated before the cluster is created',
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[0].routeTable');
  });

  it('reports a subnet associated with a different table than the cluster declares', async () => {
    const other = routeTable({ name: 'rt-kubenet', routes: [] });
    const b = kubenet({ routeTable: other });
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('kubenet node subnet snet-nodes of aks-test is associated with rt-egress, but the cluster declares route table rt-kubenet');
  });

  it('passes when the subnet carries the declared table, or when AKS manages its own', async () => {
    expect(await runRule(ID, kubenet().arch)).toEqual([]);
    const b = kubenet({ routeTable: undefined });
    b.nodes.routeTable = undefined;
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
