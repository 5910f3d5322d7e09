import { cluster, nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** A static-block cluster on snet-pods-a and a second cluster of `otherCni` on pods-a (shared) or pods-b. */
function twoClusters(shared: boolean, otherCni: 'azure-podsubnet-dynamic' | 'azure-podsubnet-static' = 'azure-podsubnet-dynamic') {
  return () => {
    const b = baseline();
    const podsA = subnet({ name: 'snet-pods-a', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
    const podsB = subnet({ name: 'snet-pods-b', cidr: '10.1.32.0/20', purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(podsA, podsB);
    b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: podsA })];
    mutable(b.arch.clusters).push(
      cluster({
        name: 'aks-dyn',
        region: 'westeurope',
        network: { cni: otherCni },
        nodePools: [nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes, podSubnet: shared ? podsA : podsB })],
      }),
    );
    return b.arch;
  };
}

testRule('cni/pod-subnet-mode-mixing', {
  valid: [
    { name: 'separate pod subnets', arch: twoClusters(false) },
    { name: 'two static-block clusters on one pod subnet', arch: twoClusters(true, 'azure-podsubnet-static') },
  ],
  invalid: [
    {
      name: 'two mixed pod subnets, each naming its own pools',
      arch: () => {
        const b = baseline();
        const podsA = subnet({ name: 'snet-pods-a', cidr: '10.1.16.0/20', purpose: 'aks-pods' });
        const podsB = subnet({ name: 'snet-pods-b', cidr: '10.1.32.0/20', purpose: 'aks-pods' });
        mutable(b.spoke.subnets).push(podsB, podsA);
        b.aks.network = { cni: 'azure-podsubnet-static', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
        b.aks.nodePools = [
          nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: podsB }),
          nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: podsA }),
        ];
        mutable(b.arch.clusters).push(
          cluster({
            name: 'aks-dyn',
            region: 'westeurope',
            network: { cni: 'azure-podsubnet-dynamic' },
            nodePools: [
              nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', subnet: b.nodes, podSubnet: podsA }),
              nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D4ds_v5', subnet: b.nodes, podSubnet: podsB }),
            ],
          }),
        );
        return b.arch;
      },
      findings: [
        {
          messageId: 'mixedModes',
          path: 'network.vnets[1].subnets[3].cidr',
          severity: 'error',
          message: 'pod subnet snet-pods-a (10.1.16.0/20) is used by static-block pool aks-test/apps and dynamic pool aks-dyn/system',
        },
        {
          messageId: 'mixedModes',
          path: 'network.vnets[1].subnets[2].cidr',
          severity: 'error',
          message: 'pod subnet snet-pods-b (10.1.32.0/20) is used by static-block pool aks-test/system and dynamic pool aks-dyn/apps',
        },
      ],
    },
    {
      name: 'a pod subnet used by static and dynamic pools',
      arch: twoClusters(true),
      findings: [
        {
          messageId: 'mixedModes',
          path: 'network.vnets[1].subnets[2].cidr',
          severity: 'error',
          message: 'pod subnet snet-pods-a (10.1.16.0/20) is used by static-block pool aks-test/system and dynamic pool aks-dyn/system',
          evidence: { subnet: 'snet-pods-a' },
        },
      ],
    },
  ],
});
