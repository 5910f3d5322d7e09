import { natGateway, nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** A user-assigned NAT gateway cluster with a second node subnet carrying `extraNat` (or none). */
function withNat(second?: 'none' | 'other') {
  return () => {
    const b = baseline();
    const nat = natGateway({ name: 'ng-aks', publicIps: 2 });
    delete b.nodes.routeTable;
    b.nodes.natGateway = nat;
    b.aks.outbound = { type: 'userAssignedNATGateway', natGateway: nat };
    if (second) {
      const extra = subnet({
        name: 'snet-nodes-2',
        cidr: '10.1.8.0/22',
        purpose: 'aks-nodes',
        ...(second === 'other' ? { natGateway: natGateway({ name: 'ng-other', publicIps: 1 }) } : {}),
      });
      mutable(b.spoke.subnets).push(extra);
      mutable(b.aks.nodePools).push(nodePool({ name: 'batch', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 3, subnet: extra }));
    }
    return b.arch;
  };
}

const PATH = 'network.vnets[1].subnets[2].natGateway';

testRule('egress/nat-gateway-subnet-association', {
  valid: [{ name: 'the NAT gateway on every node subnet', arch: withNat() }],
  invalid: [
    {
      name: 'a second node subnet without the NAT gateway',
      arch: withNat('none'),
      findings: [
        {
          messageId: 'noNatGateway',
          path: PATH,
          severity: 'error',
          message:
            "node subnet snet-nodes-2 of cluster aks-test has no NAT gateway, but the cluster's outbound type userAssignedNATGateway expects ng-aks on every node subnet",
          evidence: { cluster: 'aks-test', subnet: 'snet-nodes-2', natGateway: 'ng-aks' },
        },
      ],
    },
    {
      name: 'a second node subnet with another NAT gateway',
      arch: withNat('other'),
      findings: [
        {
          messageId: 'otherNatGateway',
          path: PATH,
          severity: 'error',
          message:
            "node subnet snet-nodes-2 of cluster aks-test is associated with NAT gateway ng-other, not ng-aks named in the cluster's userAssignedNATGateway outbound",
        },
      ],
    },
  ],
});
