import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** Static block allocation with two pools sharing one pod subnet of `podCidr`. */
function staticBlock(podCidr: string, cni: 'azure-podsubnet-static' | 'azure-podsubnet-dynamic' = 'azure-podsubnet-static') {
  return () => {
    const b = baseline();
    mutable(b.spoke.addressSpace).push('100.64.0.0/10');
    const pods = subnet({ name: 'snet-pods', cidr: podCidr, purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni, serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [
      nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: pods }),
      nodePool({ name: 'apps', mode: 'user', vmSize: 'Standard_D4ds_v5', maxPods: 31, subnet: b.nodes, podSubnet: pods }),
    ];
    return b.arch;
  };
}

testRule('address/static-pod-subnet-size', {
  valid: [
    { name: 'a /12 (the largest supported)', arch: staticBlock('100.64.0.0/12') },
    { name: 'a /13', arch: staticBlock('100.64.0.0/13') },
    { name: 'dynamic allocation has no such limit', arch: staticBlock('100.64.0.0/11', 'azure-podsubnet-dynamic') },
  ],
  invalid: [
    {
      name: 'an /11 shared by two pools (reported once)',
      arch: staticBlock('100.64.0.0/11'),
      findings: [
        {
          messageId: 'tooLarge',
          path: 'network.vnets[1].subnets[2].cidr',
          severity: 'error',
          message: 'static-block pod subnet snet-pods 100.64.0.0/11 of aks-test is a /11; static block allocation supports at most a /12',
          evidence: { subnet: 'snet-pods', prefix: 11 },
        },
      ],
    },
  ],
});
