import { describe, expect, it } from 'vitest';
import { natGateway, nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { runRule } from '../../helpers/run-rule.js';

const ID = 'egress/nat-gateway-subnet-association';

function withNat() {
  const b = baseline();
  const nat = natGateway({ name: 'ng-aks', publicIps: 2 });
  delete b.nodes.routeTable;
  b.nodes.natGateway = nat;
  b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
  return { ...b, nat };
}

describe(ID, () => {
  it('passes when the NAT gateway is on every node subnet', async () => {
    expect(await runRule(ID, withNat().arch)).toEqual([]);
  });

  it('reports a second node subnet without the NAT gateway', async () => {
    const b = withNat();
    const extra = subnet({ name: 'snet-nodes-2', cidr: '10.1.8.0/22', purpose: 'aks-nodes' });
    b.spoke.subnets.push(extra);
    b.aks.nodePools.push(nodePool({ name: 'batch', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3, subnet: extra }));
    const f = await runRule(ID, b.arch);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toBe(
      "node subnet snet-nodes-2 of cluster aks-test has no NAT gateway, but the cluster's outbound type userAssignedNATGateway expects ng-aks on every node subnet",
    );
    expect(f[0]!.path).toBe('network.vnets[1].subnets[2].natGateway');
  });
});
