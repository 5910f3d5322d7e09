import { describe, expect, it } from 'vitest';
import { cluster, nodePool, subnet } from '../../../dsl/index.js';
import { runRule } from '../../helpers/run-rule.js';
import { kubenet } from './_fixtures.js';

const ID = 'cni/kubenet-shared';

describe(ID, () => {
  it('reports a second kubenet cluster on the same subnet and route table', async () => {
    const b = kubenet();
    const second = cluster({
      name: 'aks-second',
      region: 'westeurope',
      network: { cni: 'kubenet', podCidr: '192.168.0.0/16', routeTable: b.rt },
      nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes })],
    });
    b.arch.clusters.push(second);
    const f = await runRule(ID, b.arch);
    expect(f.map((x) => [x.path, x.message]).sort()).toEqual([
      ['network.vnets[1].subnets[0].cidr', 'kubenet clusters aks-second and aks-test share node subnet snet-nodes (10.1.0.0/22)'],
      ['network.vnets[1].subnets[0].routeTable', 'kubenet clusters aks-second and aks-test share route table rt-egress; each kubenet cluster needs its own'],
    ]);
  });

  it('passes kubenet clusters with their own subnets and tables', async () => {
    const b = kubenet();
    const own = subnet({ name: 'snet-second', cidr: '10.1.8.0/24' });
    b.spoke.subnets.push(own);
    b.arch.clusters.push(
      cluster({
        name: 'aks-second',
        region: 'westeurope',
        network: { cni: 'kubenet', podCidr: '192.168.0.0/16' },
        nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: own })],
      }),
    );
    expect(await runRule(ID, b.arch)).toEqual([]);
  });
});
