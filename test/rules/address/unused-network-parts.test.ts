import { describe, expect, it } from 'vitest';
import { nsg, routeTable, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';
import { set, verdicts } from './_held.js';

type B = ReturnType<typeof baseline>;
function design(change: (b: B) => void) {
  return () => {
    const b = baseline();
    change(b);
    return b.arch;
  };
}
const spareRt = () => routeTable({ name: 'rt-spare', routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: { type: 'Internet' } }] });

testRule('address/unused-network-parts', {
  valid: [
    { name: 'the baseline: its route table and NSG are on the node subnet', arch: design(() => {}) },
    {
      name: 'a listed route table and NSG that a subnet uses',
      arch: design((b) => {
        b.arch.network.routeTables = [b.rt];
        b.arch.network.nsgs = [b.nodeNsg];
      }),
    },
    {
      name: 'a pod subnet a node pool uses',
      arch: design((b) => {
        const pods = subnet({ name: 'snet-pods', cidr: '10.1.64.0/18', purpose: 'aks-pods', delegation: 'Microsoft.ContainerService/managedClusters' });
        mutable(b.spoke.subnets).push(pods);
        // A pod subnet needs a pod-subnet CNI (on the baseline's overlay it is a schema error and leaves the model).
        b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        for (const p of b.aks.nodePools) p.podSubnet = pods;
      }),
    },
    {
      name: 'an API server subnet delegated to AKS',
      arch: design((b) => {
        mutable(b.spoke.subnets).push(
          subnet({ name: 'snet-api', cidr: '10.1.5.0/28', purpose: 'aks-apiserver', delegation: 'Microsoft.ContainerService/managedClusters' }),
        );
      }),
    },
  ],
  invalid: [
    {
      name: 'a route table no subnet uses',
      arch: design((b) => {
        b.arch.network.routeTables = [spareRt()];
      }),
      findings: [
        {
          messageId: 'routeTable',
          path: 'network.routeTables[0]',
          severity: 'info',
          message: 'route table rt-spare is associated with no subnet, so its routes (1) take no effect',
        },
      ],
    },
    {
      name: 'an NSG no subnet uses',
      arch: design((b) => {
        b.arch.network.nsgs = [nsg({ name: 'nsg-spare', rules: [] })];
      }),
      findings: [
        { messageId: 'nsg', path: 'network.nsgs[0]', severity: 'info', message: 'NSG nsg-spare is associated with no subnet, so its rules filter nothing' },
      ],
    },
    {
      name: 'a pod subnet no pool uses',
      arch: design((b) => {
        mutable(b.spoke.subnets).push(subnet({ name: 'snet-pods', cidr: '10.1.64.0/18', purpose: 'aks-pods' }));
      }),
      findings: [
        {
          messageId: 'podSubnet',
          path: 'network.vnets[1].subnets[2]',
          severity: 'info',
          message: 'subnet snet-pods (10.1.64.0/18) is a pod subnet but no node pool uses it as its podSubnet',
        },
      ],
    },
    {
      name: 'a subnet delegated to AKS that neither pools nor an API server use',
      arch: design((b) => {
        mutable(b.spoke.subnets).push(subnet({ name: 'snet-deleg', cidr: '10.1.6.0/24', delegation: 'Microsoft.ContainerService/managedClusters' }));
      }),
      findings: [
        {
          messageId: 'podSubnet',
          path: 'network.vnets[1].subnets[2]',
          severity: 'info',
          message: /snet-deleg \(10\.1\.6\.0\/24\) is delegated to Microsoft\.ContainerService\/managedClusters but no node pool/,
        },
      ],
    },
  ],
});

describe('address/unused-network-parts with an invalid field', () => {
  it("a pod subnet the pools name, with the cluster's CNI stated wrongly (a CNI without pod subnets stands in): held, not 'unused'", async () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.64.0/18', purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    for (const p of b.aks.nodePools) p.podSubnet = pods;
    set(b.aks.network, 'cni', 'azure-podsubnet');
    expect(await verdicts('address/unused-network-parts', b.arch)).toEqual({ findings: [], held: ['clusters[0].network.cni'] });
  });

  it("the subnet's invalid defaultOutboundAccess or a cluster's invalid tier leaves the verdict standing", async () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: '10.1.64.0/18', purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    set(pods, 'defaultOutboundAccess', 'no');
    set(b.aks, 'tier', 'premium');
    expect(await verdicts('address/unused-network-parts', b.arch)).toEqual({ findings: ['podSubnet network.vnets[1].subnets[2]'], held: [] });
  });
});
