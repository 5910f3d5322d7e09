import { cluster, nodePool, subnet } from '../../../dsl/index.js';
import { testRule } from '../../helpers/rule-tester.js';
import { kubenet } from './_fixtures.js';
import { mutable } from '../../helpers/mutable.js';

testRule('cni/kubenet-shared', {
  valid: [
    {
      name: 'kubenet clusters with their own subnets and tables',
      arch: () => {
        const b = kubenet();
        const own = subnet({ name: 'snet-second', cidr: '10.1.8.0/24' });
        mutable(b.spoke.subnets).push(own);
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-second',
            region: 'westeurope',
            network: { cni: 'kubenet', podCidr: '192.168.0.0/16' },
            nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: own })],
          }),
        );
        return b.arch;
      },
    },
    {
      name: 'an overlay cluster on the kubenet subnet is another rule',
      arch: () => {
        const b = kubenet();
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-second',
            region: 'westeurope',
            network: { cni: 'azure-overlay', podCidr: '192.168.0.0/16' },
            nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes })],
          }),
        );
        return b.arch;
      },
    },
  ],
  invalid: [
    {
      name: 'a second kubenet cluster on the same subnet and route table',
      arch: () => {
        const b = kubenet();
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-second',
            region: 'westeurope',
            network: { cni: 'kubenet', podCidr: '192.168.0.0/16', routeTable: b.rt },
            nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes })],
          }),
        );
        return b.arch;
      },
      findings: [
        {
          messageId: 'sharedSubnet',
          path: 'network.vnets[1].subnets[0].cidr',
          severity: 'error',
          message: 'kubenet clusters aks-second and aks-test share node subnet snet-nodes (10.1.0.0/22)',
          evidence: { subnet: 'snet-nodes', clusters: 'aks-second, aks-test' },
        },
        {
          messageId: 'sharedRouteTable',
          path: 'network.vnets[1].subnets[0].routeTable',
          severity: 'error',
          message: 'kubenet clusters aks-second and aks-test share route table rt-egress; each kubenet cluster needs its own',
          evidence: { routeTable: 'rt-egress' },
        },
      ],
    },
    {
      name: 'own subnets associated with one route table (no table declared on the clusters)',
      arch: () => {
        const b = kubenet({ routeTable: undefined });
        const own = subnet({ name: 'snet-second', cidr: '10.1.8.0/24', routeTable: b.rt });
        mutable(b.spoke.subnets).push(own);
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-second',
            region: 'westeurope',
            network: { cni: 'kubenet', podCidr: '192.168.0.0/16' },
            nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: own })],
          }),
        );
        return b.arch;
      },
      findings: [
        {
          messageId: 'sharedRouteTable',
          path: 'network.vnets[1].subnets[0].routeTable',
          severity: 'error',
          message: 'kubenet clusters aks-second and aks-test share route table rt-egress; each kubenet cluster needs its own',
          evidence: { routeTable: 'rt-egress', clusters: 'aks-second, aks-test' },
        },
      ],
    },
    {
      name: 'own subnets but one declared route table',
      arch: () => {
        const b = kubenet();
        const own = subnet({ name: 'snet-second', cidr: '10.1.8.0/24' });
        mutable(b.spoke.subnets).push(own);
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-second',
            region: 'westeurope',
            network: { cni: 'kubenet', podCidr: '192.168.0.0/16', routeTable: b.rt },
            nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: own })],
          }),
        );
        return b.arch;
      },
      findings: [
        {
          messageId: 'sharedRouteTable',
          path: 'network.vnets[1].subnets[0].routeTable',
          severity: 'error',
          message: /^kubenet clusters aks-\w+ and aks-\w+ share route table rt-egress;/,
        },
      ],
    },
  ],
});
