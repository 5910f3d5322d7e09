import { routeTable } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from './_fixtures.js';

const PATH = 'network.vnets[1].subnets[0].routeTable';

testRule('cni/kubenet-route-table', {
  valid: [
    { name: 'the subnet carries the declared table', arch: () => kubenet().arch },
    {
      name: 'AKS manages its own table when none is declared',
      arch: () => {
        const b = kubenet({ routeTable: undefined });
        b.nodes.routeTable = undefined;
        return b.arch;
      },
    },
    {
      name: 'a kubenet cluster in an AKS-managed VNet is not checked',
      arch: () => {
        const b = kubenet();
        b.nodes.routeTable = undefined;
        b.aks.managedVnet = true;
        return b.arch;
      },
    },
    {
      name: 'an overlay cluster is not checked',
      arch: () => {
        const b = kubenet({ routeTable: routeTable({ name: 'rt-x', routes: [] }) });
        (b.aks.network as { cni: string }).cni = 'azure-overlay';
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a declared table that is not associated with the node subnet',
      arch: () => {
        const b = kubenet();
        b.nodes.routeTable = undefined;
        return b.arch;
      },
      findings: [
        {
          messageId: 'noTable',
          path: PATH,
          severity: 'error',
          message:
            'kubenet node subnet snet-nodes (10.1.0.0/22) of aks-test has no route table, but the cluster declares route table rt-egress; it must be associated before the cluster is created',
          evidence: { subnet: 'snet-nodes', subnetRouteTable: 'none', clusterRouteTable: 'rt-egress' },
        },
      ],
    },
    {
      name: 'a subnet associated with a different table than the cluster declares',
      arch: () => kubenet({ routeTable: routeTable({ name: 'rt-kubenet', routes: [] }) }).arch,
      findings: [
        {
          messageId: 'otherTable',
          path: PATH,
          severity: 'error',
          message: 'kubenet node subnet snet-nodes of aks-test is associated with rt-egress, but the cluster declares route table rt-kubenet',
          evidence: { subnetRouteTable: 'rt-egress', clusterRouteTable: 'rt-kubenet' },
        },
      ],
    },
  ],
});
