import { nodePool, subnet } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

/** One pool of up to `maxCount` nodes (+2 surge) with `maxPods` pods on a dynamic pod subnet. */
function dynamic(podCidr: string, maxCount = 10, maxPods = 30) {
  return () => {
    const b = baseline();
    const pods = subnet({ name: 'snet-pods', cidr: podCidr, purpose: 'aks-pods' });
    mutable(b.spoke.subnets).push(pods);
    b.aks.network = { cni: 'azure-podsubnet-dynamic', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' };
    b.aks.nodePools = [
      nodePool({ name: 'system', mode: 'system', vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount, maxPods, maxSurge: 2, subnet: b.nodes, podSubnet: pods }),
    ];
    return b.arch;
  };
}

const over = (cidr: string, usable: number, demand: string, needed: number) => ({
  messageId: 'overCapacity',
  path: 'network.vnets[1].subnets[2].cidr',
  severity: 'error' as const,
  message: `pod subnet snet-pods ${cidr} has ${usable} usable addresses; at max scale ${demand} need ${needed}`,
  evidence: { usable, needed },
});

testRule('address/pod-subnet-dynamic-capacity', {
  valid: [
    { name: 'a /23 for 12 × 32', arch: dynamic('10.1.8.0/23') },
    { name: 'a /23 (507 usable) for 15 × 32 = 480', arch: dynamic('10.1.8.0/23', 13) },
    { name: 'a /24 (251 usable) for 7 × 32 = 224 (32 pods fill two batches exactly)', arch: dynamic('10.1.8.0/24', 5, 32) },
  ],
  invalid: [
    {
      name: 'a /24 for 12 × 32 in batches of 16',
      arch: dynamic('10.1.8.0/24'),
      findings: [over('10.1.8.0/24', 251, '(10 nodes + 2 surge) × 32 (30 pods in batches of 16)', 384)],
    },
    {
      name: 'a /23 for 16 × 32 = 512 (just over 507)',
      arch: dynamic('10.1.8.0/23', 14),
      findings: [over('10.1.8.0/23', 507, '(14 nodes + 2 surge) × 32 (30 pods in batches of 16)', 512)],
    },
    {
      name: 'a /24 for 7 × 48 (33 pods need a third batch)',
      arch: dynamic('10.1.8.0/24', 5, 33),
      findings: [over('10.1.8.0/24', 251, '(5 nodes + 2 surge) × 48 (33 pods in batches of 16)', 336)],
    },
  ],
});
